//! How a command line that does not parse is reported: Podman's two lines,
//! `Error: <what is wrong, naming the flag>` and `See 'pontoon VERB --help'`,
//! instead of clap's paragraph of tips and usage.

use std::ffi::OsString;

use clap::CommandFactory;

use super::Cli;

/// The lines to print on stderr for a parse error (not for `--help` or
/// `--version`, which clap prints itself).
pub fn report_lines(err: &clap::Error, argv: &[OsString]) -> Vec<String> {
    let (rendered, path) = (err.render().to_string(), command_path(argv));
    if err.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        // A command family without its verb: its help, then what is missing.
        return vec![rendered.trim_end().to_string(), format!("Error: missing command '{path} COMMAND'")];
    }
    vec![format!("Error: {}", unknown_flag(err).unwrap_or_else(|| message(&rendered))), format!("See '{path} --help'")]
}

/// Podman's words for a flag the command does not have.
fn unknown_flag(err: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if err.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    match err.get(ContextKind::InvalidArg)? {
        ContextValue::String(arg) if arg.starts_with('-') => {
            Some(format!("unknown flag: {}", arg.split_once('=').map_or(arg.as_str(), |(flag, _)| flag)))
        }
        _ => None,
    }
}

/// clap's message without its `error: ` prefix, tips and usage: the text
/// before the first blank line, joined into one line.
fn message(rendered: &str) -> String {
    let first_paragraph = rendered.split("\n\n").next().unwrap_or(rendered);
    let text = first_paragraph.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    text.strip_prefix("error: ").unwrap_or(&text).to_string()
}

/// The deepest (sub)command the arguments name, as `pontoon container run`.
fn command_path(argv: &[OsString]) -> String {
    let mut command = Cli::command();
    let mut path = vec![command.get_name().to_string()];
    for arg in argv.iter().skip(1).filter_map(|a| a.to_str()) {
        if !command.has_subcommands() {
            break;
        }
        if arg == "--" {
            break;
        }
        // Flags and their values (`--root DIR`) are not subcommands.
        let Some(sub) = command.find_subcommand(arg).cloned() else { continue };
        path.push(sub.get_name().to_string());
        command = sub;
    }
    path.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_error(args: &[&str]) -> (clap::Error, Vec<OsString>) {
        let argv: Vec<OsString> = args.iter().map(OsString::from).collect();
        let err = Cli::try_parse_from(&argv).map(|_| ()).expect_err("the arguments should not parse");
        (err, argv)
    }

    use clap::Parser;

    #[test]
    fn an_unknown_flag_is_named_with_the_help_to_read() {
        let (err, argv) = parse_error(&["pontoon", "--root", "/tmp/x", "run", "--foo", "busybox"]);
        assert_eq!(report_lines(&err, &argv), ["Error: unknown flag: --foo", "See 'pontoon run --help'"]);
        let (err, argv) = parse_error(&["pontoon", "ps", "--foo=bar"]);
        assert_eq!(report_lines(&err, &argv)[0], "Error: unknown flag: --foo");
        let (err, argv) = parse_error(&["pontoon", "container", "list", "--bogus"]);
        assert_eq!(report_lines(&err, &argv)[1], "See 'pontoon container ls --help'", "aliases resolve to the command's name");
    }

    #[test]
    fn a_family_without_its_verb_shows_its_help_and_what_is_missing() {
        let (err, argv) = parse_error(&["pontoon", "image"]);
        let lines = report_lines(&err, &argv);
        assert!(lines[0].contains("Usage: pontoon image"), "{lines:?}");
        assert_eq!(lines[1], "Error: missing command 'pontoon image COMMAND'");
    }

    #[test]
    fn a_missing_argument_or_bad_value_is_one_line() {
        let (err, argv) = parse_error(&["pontoon", "run"]);
        let lines = report_lines(&err, &argv);
        assert!(lines[0].starts_with("Error: the following required arguments were not provided:") && lines[0].contains("<IMAGE>"), "{lines:?}");
        let (err, argv) = parse_error(&["pontoon", "stop", "-t", "x", "web"]);
        let lines = report_lines(&err, &argv);
        assert!(lines[0].contains("invalid value 'x'") && lines[0].contains("--time"), "{lines:?}");
        assert_eq!(lines[1], "See 'pontoon stop --help'");
    }
}
