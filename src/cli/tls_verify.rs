//! `--tls-verify[=true|false]`, Podman's flag, for every command that talks
//! to registries (pull, push, login; build takes it too): flatten
//! [`TlsVerifyArgs`] into the command's arguments and apply
//! [`TlsVerifyArgs::policy`] to the registries.conf it loads.

use clap::Args;

use crate::image::registries::TlsVerify;

#[derive(Args, Debug, Clone, Copy, Default)]
pub struct TlsVerifyArgs {
    /// Require HTTPS and a trusted certificate (true), or allow plain HTTP and untrusted certificates (false); by default as registries.conf says (its insecure key)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
}

impl TlsVerifyArgs {
    pub fn policy(&self) -> TlsVerify {
        TlsVerify::from_flag(self.tls_verify)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cmd {
        #[command(flatten)]
        tls: TlsVerifyArgs,
        rest: Vec<String>,
    }

    fn parse(args: &[&str]) -> Result<TlsVerify, clap::Error> {
        Cmd::try_parse_from(std::iter::once("cmd").chain(args.iter().copied())).map(|c| c.tls.policy())
    }

    #[test]
    fn parses_podmans_spellings() {
        assert_eq!(parse(&[]).unwrap(), TlsVerify::AsConfigured);
        assert_eq!(parse(&["--tls-verify"]).unwrap(), TlsVerify::Required);
        assert_eq!(parse(&["--tls-verify=true"]).unwrap(), TlsVerify::Required);
        assert_eq!(parse(&["--tls-verify=false"]).unwrap(), TlsVerify::Skipped);
        assert!(parse(&["--tls-verify=maybe"]).is_err());
        // As with Podman's boolean flags, a separate word is not the flag's value.
        let cmd = Cmd::try_parse_from(["cmd", "--tls-verify", "false"]).unwrap();
        assert_eq!((cmd.tls.policy(), cmd.rest), (TlsVerify::Required, vec!["false".to_string()]));
    }
}
