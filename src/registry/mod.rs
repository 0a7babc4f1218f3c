//! Client of the distribution API: token and basic auth, mirrors, pull, push.
