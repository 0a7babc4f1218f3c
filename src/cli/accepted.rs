//! Docker's and Podman's flags that pontoon does not implement, declared
//! once per command in a table: each is either accepted (it changes
//! nothing pontoon does, with a note on stderr where Docker or Podman would
//! behave differently), accepted for some values only, or refused with a
//! message that names the way to get the same result. docs/compatibility.md
//! lists every one of them, and tests/compat_table.rs keeps the two equal.
//!
//! The flags are hidden from `--help` (the table explains them) and parsed
//! by [`CompatArgs`], flattened into the command's clap struct; the command
//! calls [`CompatArgs::check`] before it does any work.

use std::marker::PhantomData;

use anyhow::{bail, Result};
use clap::{Arg, ArgAction, ArgMatches, Args, Command, FromArgMatches};

/// What pontoon does with a flag it does not implement.
pub enum Treatment {
    /// Accepted and ignored; the note (if any) goes to stderr when given.
    Ignored { note: Option<&'static str> },
    /// Accepted for these values (what pontoon always does), refused with
    /// the message for any other.
    Only { values: &'static [&'static str], message: &'static str },
    /// Refused with the message (unless a boolean flag is given `=false`).
    Refused(&'static str),
}

/// One flag: its long name, whether it takes a value (else it is a
/// boolean, `--flag` or `--flag=BOOL`), and what pontoon does with it.
pub struct CompatFlag {
    pub long: &'static str,
    pub takes_value: bool,
    pub treatment: Treatment,
}

impl CompatFlag {
    pub const fn ignored(long: &'static str, takes_value: bool) -> Self {
        CompatFlag { long, takes_value, treatment: Treatment::Ignored { note: None } }
    }
    pub const fn noted(long: &'static str, takes_value: bool, note: &'static str) -> Self {
        CompatFlag { long, takes_value, treatment: Treatment::Ignored { note: Some(note) } }
    }
    pub const fn only(long: &'static str, takes_value: bool, values: &'static [&'static str], message: &'static str) -> Self {
        CompatFlag { long, takes_value, treatment: Treatment::Only { values, message } }
    }
    pub const fn refused(long: &'static str, takes_value: bool, message: &'static str) -> Self {
        CompatFlag { long, takes_value, treatment: Treatment::Refused(message) }
    }
}

/// A command's table of such flags.
pub trait FlagTable {
    const FLAGS: &'static [CompatFlag];
}

/// The values given for a command's table flags, in table order.
pub struct CompatArgs<T> {
    given: Vec<(&'static CompatFlag, Vec<String>)>,
    _table: PhantomData<T>,
}

impl<T> std::fmt::Debug for CompatArgs<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.given.iter().map(|(flag, values)| (flag.long, values))).finish()
    }
}

impl<T: FlagTable> CompatArgs<T> {
    /// Fails with the first refused flag's message; prints the notes of
    /// the accepted ones that were given.
    pub fn check(&self) -> Result<()> {
        let mut notes = Vec::new();
        for (flag, values) in &self.given {
            match &flag.treatment {
                Treatment::Refused(message) if flag.takes_value || values.iter().any(|v| v != "false") => bail!("{message}"),
                Treatment::Refused(_) => {}
                Treatment::Only { values: allowed, message } => {
                    if let Some(v) = values.iter().find(|v| !allowed.contains(&v.as_str())) {
                        bail!("--{} {v}: {message}", flag.long);
                    }
                }
                Treatment::Ignored { note: Some(note) } => notes.push(*note),
                Treatment::Ignored { note: None } => {}
            }
        }
        for note in notes {
            eprintln!("{note}");
        }
        Ok(())
    }
}

impl<T: FlagTable> FromArgMatches for CompatArgs<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut given = Vec::new();
        for flag in T::FLAGS {
            if let Ok(Some(values)) = matches.try_get_many::<String>(flag.long) {
                given.push((flag, values.cloned().collect()));
            }
        }
        Ok(CompatArgs { given, _table: PhantomData })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl<T: FlagTable> Args for CompatArgs<T> {
    fn augment_args(cmd: Command) -> Command {
        T::FLAGS.iter().fold(cmd, |cmd, flag| {
            let arg = Arg::new(flag.long).long(flag.long).hide(true).action(ArgAction::Append);
            // A boolean takes no value unless it is glued on (`--squash-all=false`),
            // so that it never swallows the next word (an image, a context).
            let arg = if flag.takes_value {
                arg.num_args(1).allow_hyphen_values(true).value_name("VALUE")
            } else {
                arg.num_args(0..=1).require_equals(true).default_missing_value("true").value_name("BOOL")
            };
            cmd.arg(arg)
        })
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        Self::augment_args(cmd)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Table;
    impl FlagTable for Table {
        const FLAGS: &'static [CompatFlag] = &[
            CompatFlag::ignored("quiet-ish", false),
            CompatFlag::only("driver", true, &["local"], "only the local driver exists"),
            CompatFlag::refused("link", true, "use a network"),
            CompatFlag::refused("squash-all", false, "use --squash"),
        ];
    }

    #[derive(clap::Parser, Debug)]
    struct Cli {
        #[command(flatten)]
        compat: CompatArgs<Table>,
        words: Vec<String>,
    }

    fn parse(args: &[&str]) -> Cli {
        use clap::Parser;
        Cli::try_parse_from(std::iter::once("x").chain(args.iter().copied())).unwrap_or_else(|e| panic!("{args:?}: {e}"))
    }

    #[test]
    fn accepted_flags_parse_and_pass_and_booleans_do_not_take_the_next_word() {
        let cli = parse(&["--quiet-ish", "ctx", "--driver", "local"]);
        assert_eq!(cli.words, ["ctx"]);
        assert!(cli.compat.check().is_ok());
        assert_eq!(format!("{:?}", cli.compat), r#"[("quiet-ish", ["true"]), ("driver", ["local"])]"#);
    }

    #[test]
    fn refused_flags_and_values_fail_with_their_message() {
        let err = parse(&["--link", "db"]).compat.check().unwrap_err().to_string();
        assert_eq!(err, "use a network");
        let err = parse(&["--driver", "nfs"]).compat.check().unwrap_err().to_string();
        assert_eq!(err, "--driver nfs: only the local driver exists");
        assert!(parse(&["--squash-all"]).compat.check().is_err());
        assert!(parse(&["--squash-all=false"]).compat.check().is_ok(), "false asks for what pontoon does");
    }
}
