//! `pontoon login` and `logout` against the harness's registry behind basic
//! auth: credentials are checked before they are saved, saved privately,
//! used by push and pull, and removed again.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::process::Output;

use common::{busybox_layout, load_as, Registry, TestEnv};

const USER: &str = "alice";
const PASS: &str = "wonder-land";

/// Runs `pontoon ARGS` with `input` on stdin, optionally without REGISTRY_AUTH_FILE.
fn run_with_stdin(env: &TestEnv, args: &[&str], input: &str, default_auth_file: bool) -> Output {
    let mut cmd = env.cmd(args);
    if default_auth_file {
        cmd.env_remove("REGISTRY_AUTH_FILE");
    }
    common::run_with_input(cmd, input.as_bytes())
}

fn saved_entries(file: &std::path::Path) -> serde_json::Value {
    let doc: serde_json::Value = serde_json::from_slice(&fs::read(file).expect("auth file exists")).expect("auth file is JSON");
    doc["auths"].clone()
}

#[test]
fn login_push_pull_logout() {
    let registry = Registry::start_with_basic_auth(USER, PASS);
    let addr = registry.addr();
    let env = TestEnv::new();
    let id = load_as(&env, &busybox_layout(), "busybox:latest");
    let dest = format!("{addr}/secure/busybox:1");

    let (code, stderr) = env.fails(&["push", "busybox", &dest]);
    assert_eq!(code, 125);
    assert!(stderr.contains(&format!("pontoon login {addr}")), "without credentials push says to log in: {stderr}");

    let (code, stderr) = env.fails(&["login", "-u", USER, "-p", "wrong", &addr]);
    assert_eq!(code, 125);
    let error = stderr.lines().find(|l| l.starts_with("Error:")).unwrap_or_default();
    assert_eq!(error, format!("Error: login to {addr} failed: unauthorized: check the user name and password"), "{stderr}");
    assert!(!env.auth_file.exists(), "bad credentials are not saved");

    let out = env.ok(&["login", "-u", USER, "-p", PASS, &addr]);
    assert_eq!(out.trim(), "Login Succeeded!");
    assert_eq!(fs::metadata(&env.auth_file).unwrap().permissions().mode() & 0o777, 0o600, "credentials are private");
    assert!(saved_entries(&env.auth_file)[addr.as_str()]["auth"].is_string());

    let pushed = env.ok(&["push", "busybox", &dest]);
    assert!(pushed.starts_with("1: digest: sha256:"), "{pushed}");
    env.ok(&["rmi", "busybox"]);
    assert_eq!(format!("sha256:{}", env.ok(&["pull", "-q", &dest]).trim()), id, "pull uses the saved login");

    assert_eq!(env.ok(&["logout", &addr]).trim(), format!("Removed login credentials for {addr}"));
    assert!(saved_entries(&env.auth_file).get(addr.as_str()).is_none());
    let (code, stderr) = env.fails(&["push", &dest]);
    assert_eq!(code, 125);
    assert!(stderr.contains("pontoon login"), "{stderr}");
    let (code, stderr) = env.fails(&["logout", &addr]);
    assert_eq!(code, 125);
    assert!(stderr.contains(&format!("not logged into {addr}")), "{stderr}");
}

#[test]
fn password_from_stdin_goes_to_the_runtime_dir_auth_file() {
    let registry = Registry::start_with_basic_auth(USER, PASS);
    let addr = registry.addr();
    let env = TestEnv::new();
    let default_file = env.path().join("run/containers/auth.json");

    let out = run_with_stdin(&env, &["login", "--password-stdin", &addr], "x\n", true);
    assert_eq!(out.status.code(), Some(125), "{}", common::describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-u USER"), "{}", common::describe(&out));

    let out = run_with_stdin(&env, &["login", "-u", USER, "--password-stdin", &addr], "wrong\n", true);
    assert_eq!(out.status.code(), Some(125), "{}", common::describe(&out));
    assert!(!default_file.exists(), "nothing saved for a wrong password");

    let out = run_with_stdin(&env, &["login", "-u", USER, "--password-stdin", &addr], &format!("{PASS}\n"), true);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "Login Succeeded!");
    assert_eq!(fs::metadata(&default_file).unwrap().permissions().mode() & 0o777, 0o600);
    assert!(!env.auth_file.exists(), "REGISTRY_AUTH_FILE was unset: nothing written there");

    // Saved credentials are checked and reused without asking again.
    let out = run_with_stdin(&env, &["login", &addr], "", true);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Authenticating with existing credentials"));

    let out = run_with_stdin(&env, &["logout", "--all"], "", true);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(saved_entries(&default_file), serde_json::json!({}));
}

#[test]
fn authfile_flag_is_read_and_written() {
    let registry = Registry::start_with_basic_auth(USER, PASS);
    let addr = registry.addr();
    let env = TestEnv::new();
    load_as(&env, &busybox_layout(), "busybox:latest");
    let file = env.path().join("elsewhere/auth.json");
    let file_arg = file.display().to_string();

    env.ok(&["login", "--authfile", &file_arg, "-u", USER, "-p", PASS, &format!("http://{addr}/")]);
    assert!(saved_entries(&file)[addr.as_str()].is_object(), "the key is the bare registry");
    assert!(!env.auth_file.exists());
    // The default auth file has nothing: only --authfile makes push work.
    env.fails(&["push", "busybox", &format!("{addr}/x/busybox:1")]);
    env.ok(&["push", "--authfile", &file_arg, "busybox", &format!("{addr}/x/busybox:1")]);
    env.ok(&["logout", "--authfile", &file_arg, &addr]);
    assert!(saved_entries(&file).get(addr.as_str()).is_none());
}

#[test]
fn tls_verify_false_logs_in_to_a_registry_whose_certificate_nobody_trusts() {
    let registry = Registry::start_with_tls(Some((USER, PASS)));
    let addr = registry.addr();
    let env = TestEnv::new();

    let (code, stderr) = env.fails(&["login", "-u", USER, "-p", PASS, &addr]);
    assert_eq!(code, 125);
    assert!(stderr.contains(&format!("login to {addr} failed")) && stderr.contains("certificate is not trusted"), "{stderr}");
    assert!(stderr.contains("--tls-verify=false"), "the error names the fix: {stderr}");
    assert!(!env.auth_file.exists(), "nothing is saved when the registry was not reached");

    let out = env.ok(&["login", "--tls-verify=false", "-u", USER, "-p", PASS, &addr]);
    assert_eq!(out.trim(), "Login Succeeded!");
    assert!(saved_entries(&env.auth_file)[addr.as_str()]["auth"].is_string());
    // A wrong password is still told apart from a TLS failure.
    let (_, stderr) = env.fails(&["login", "--tls-verify=false", "-u", USER, "-p", "wrong", &addr]);
    assert!(stderr.contains("unauthorized: check the user name and password"), "{stderr}");
}
