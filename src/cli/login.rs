//! `pontoon login [-u USER] [-p PASS | --password-stdin] [--authfile F]
//! [REGISTRY]` and `pontoon logout [--all] [--authfile F] [REGISTRY]`.
//! Without a user name or password, login first tries the saved
//! credentials (as Docker does), then asks on the terminal (the password
//! without echo). REGISTRY defaults to Docker Hub, as in Docker.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::os::fd::AsFd;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Args;
use nix::sys::termios::{self, LocalFlags, SetArg, Termios};

use super::tls_verify::TlsVerifyArgs;
use super::Ctx;
use crate::engine::login;
use crate::image::auth::Credentials;
use crate::image::reference::DEFAULT_REGISTRY;
use crate::image::registries::RegistriesConf;

#[derive(Args, Debug)]
#[command(after_help = "Examples:\n  pontoon login -u alice localhost:5000\n  echo \"$TOKEN\" | pontoon login -u alice --password-stdin quay.io")]
pub struct LoginArgs {
    /// Registry to log in to (host[:port][/namespace]); docker.io by default
    pub registry: Option<String>,
    /// User name
    #[arg(short, long)]
    pub username: Option<String>,
    /// Password (visible to other users in the process list; prefer --password-stdin)
    #[arg(short, long, conflicts_with = "password_stdin")]
    pub password: Option<String>,
    /// Read the password from standard input
    #[arg(long)]
    pub password_stdin: bool,
    /// Save the credentials in this file instead of the default auth.json
    #[arg(long, value_name = "FILE")]
    pub authfile: Option<PathBuf>,
    /// Print the user name saved for the registry (fails when there is none)
    #[arg(long, conflicts_with_all = ["username", "password", "password_stdin"])]
    pub get_login: bool,
    #[command(flatten)]
    pub tls: TlsVerifyArgs,
    #[command(flatten)]
    pub accepted: super::image_accepted::LoginAccepted,
}

#[derive(Args, Debug)]
#[command(after_help = "Examples:\n  pontoon logout localhost:5000\n  pontoon logout --all")]
pub struct LogoutArgs {
    /// Registry to log out of; docker.io by default
    pub registry: Option<String>,
    /// Remove the credentials of every registry
    #[arg(short, long, conflicts_with = "registry")]
    pub all: bool,
    /// Remove the credentials from this file instead of the default auth.json
    #[arg(long, value_name = "FILE")]
    pub authfile: Option<PathBuf>,
    #[command(flatten)]
    pub accepted: super::image_accepted::LogoutAccepted,
}

pub fn login(ctx: &Ctx, args: LoginArgs) -> Result<()> {
    args.accepted.check()?;
    let key = login::registry_key(args.registry.as_deref().unwrap_or(DEFAULT_REGISTRY))?;
    let conf = RegistriesConf::load(&ctx.paths)?.with_tls_verify(args.tls.policy());
    let authfile = args.authfile.as_deref();
    if args.get_login {
        return match login::saved(&key, authfile)? {
            Some(saved) => {
                println!("{}", saved.username);
                Ok(())
            }
            None => bail!("not logged into {key}: log in with pontoon login {key}"),
        };
    }
    if args.password_stdin && args.username.is_none() {
        bail!("--password-stdin needs a user name: pontoon login -u USER --password-stdin {key}");
    }
    if args.password.is_some() {
        eprintln!("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
    }
    if args.username.is_none() && args.password.is_none() {
        if let Some(existing) = login::saved(&key, authfile)? {
            println!("Authenticating with existing credentials for {key}...");
            if login::verify(&conf, &key, &existing).is_ok() {
                println!("Login Succeeded!");
                return Ok(());
            }
            eprintln!("Existing credentials are invalid, please enter valid username and password");
        }
    }
    let username = match args.username {
        Some(u) => u,
        None => prompt("Username: ", false)?,
    };
    let password = match (args.password, args.password_stdin) {
        (Some(p), _) => p,
        (None, true) => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).context("read the password from standard input")?;
            text.trim_end_matches(['\n', '\r']).to_string()
        }
        (None, false) => prompt("Password: ", true)?,
    };
    if username.is_empty() || password.is_empty() {
        bail!("login to {key}: the user name and the password must not be empty");
    }
    login::login(&conf, &key, &Credentials { username, password }, authfile)?;
    println!("Login Succeeded!");
    Ok(())
}

pub fn logout(_ctx: &Ctx, args: LogoutArgs) -> Result<()> {
    args.accepted.check()?;
    let authfile = args.authfile.as_deref();
    if args.all {
        login::logout_all(authfile)?;
        println!("Removed login credentials for all registries");
        return Ok(());
    }
    let key = login::registry_key(args.registry.as_deref().unwrap_or(DEFAULT_REGISTRY))?;
    login::logout(&key, authfile)?;
    println!("Removed login credentials for {key}");
    Ok(())
}

/// Asks for one line on the terminal; `secret` turns echo off meanwhile.
fn prompt(question: &str, secret: bool) -> Result<String> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        bail!("cannot ask for the {}: standard input is not a terminal; use -u USER with -p PASSWORD or --password-stdin", question.trim_end_matches([':', ' ']).to_lowercase());
    }
    print!("{question}");
    std::io::stdout().flush().context("write the prompt")?;
    let _echo_off = if secret { Some(EchoOff::new()?) } else { None };
    let mut line = String::new();
    stdin.lock().read_line(&mut line).context("read from the terminal")?;
    if secret {
        // The user's Enter was not echoed.
        println!();
    }
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

/// Terminal echo turned off until dropped (also on errors).
struct EchoOff {
    saved: Termios,
}

impl EchoOff {
    fn new() -> Result<EchoOff> {
        let stdin = std::io::stdin();
        let saved = termios::tcgetattr(stdin.as_fd()).context("read the terminal settings")?;
        let mut quiet = saved.clone();
        quiet.local_flags.remove(LocalFlags::ECHO);
        termios::tcsetattr(stdin.as_fd(), SetArg::TCSAFLUSH, &quiet).context("turn off terminal echo")?;
        Ok(EchoOff { saved })
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        let _ = termios::tcsetattr(std::io::stdin().as_fd(), SetArg::TCSAFLUSH, &self.saved);
    }
}

/// `--creds USER:PASSWORD` of pull, push and search (Podman's form); the
/// password may itself hold ':'.
pub(super) fn parse_creds(text: &str) -> std::result::Result<Credentials, String> {
    match text.split_once(':') {
        Some((user, password)) if !user.is_empty() && !password.is_empty() => {
            Ok(Credentials { username: user.to_string(), password: password.to_string() })
        }
        _ => Err("give --creds USER:PASSWORD (both non-empty); or log in with pontoon login".to_string()),
    }
}
