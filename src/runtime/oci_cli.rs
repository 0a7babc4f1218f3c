//! External OCI runtimes (`--runtime crun`, runc, youki).
