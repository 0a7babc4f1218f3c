//! Secrets as a user meets them: created from a file, stdin or a variable,
//! listed and inspected without their data, kept 0600 in the store, given
//! to containers as a read-only file or a variable, never shown by
//! `inspect` or in an error, removed while a container keeps its copy.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::TestEnv;

const DATA: &str = "hunter2-very-secret";

fn env_with_secret() -> TestEnv {
    let env = TestEnv::with_busybox();
    let file = env.path().join("pw.txt");
    std::fs::write(&file, DATA).expect("write the secret file");
    let id = env.ok(&["secret", "create", "--label", "app=db", "dbpass", file.to_str().expect("utf-8")]);
    assert_eq!(id.trim().len(), 25, "an Id as Podman's: {id}");
    env
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_secret_from_a_file_or_stdin_is_listed_and_inspected_without_its_data() {
    let env = env_with_secret();
    let out = env.run_with_input(&["secret", "create", "fromstdin", "-"], b"piped-secret");
    assert!(out.status.success(), "{}", common::describe(&out));
    let ls = env.ok(&["secret", "ls"]);
    let mut lines = ls.lines();
    assert!(lines.next().is_some_and(|h| h.split_whitespace().collect::<Vec<_>>() == ["ID", "NAME", "DRIVER", "CREATED", "UPDATED"]), "{ls}");
    assert!(ls.contains("dbpass") && ls.contains("fromstdin") && ls.contains("file"), "{ls}");
    assert_eq!(env.ok(&["secret", "ls", "--noheading", "--format", "{{.Name}}", "--filter", "name=^db"]), "dbpass\n");
    assert_eq!(env.ok(&["secret", "ls", "-q"]).lines().count(), 2);
    let id = env.ok(&["secret", "inspect", "--format", "{{.ID}}", "dbpass"]).trim().to_string();
    assert_eq!(env.ok(&["secret", "ls", "-q", "--filter", &format!("id={}", &id[..6])]).trim(), id);
    let inspect = env.ok(&["secret", "inspect", "dbpass", "fromstdin"]);
    let json: serde_json::Value = serde_json::from_str(&inspect).expect("inspect is JSON");
    assert_eq!(json[0]["Spec"]["Name"], "dbpass");
    assert_eq!(json[0]["Spec"]["Driver"]["Name"], "file");
    assert_eq!(json[0]["Spec"]["Labels"]["app"], "db");
    assert_eq!(json[1]["Spec"]["Name"], "fromstdin");
    let pretty = env.ok(&["secret", "inspect", "--pretty", "dbpass"]);
    assert!(pretty.contains("Name:") && pretty.contains("dbpass"), "{pretty}");
    for shown in [&ls, &inspect, &pretty, &env.ok(&["secret", "ls", "--format", "json"])] {
        assert!(!shown.contains(DATA) && !shown.contains("piped-secret"), "the data is never shown: {shown}");
    }
}

#[test]
fn the_store_keeps_the_data_private_and_apart_from_the_metadata() {
    let env = env_with_secret();
    let dir = env.root.join("secrets");
    assert_eq!(std::fs::metadata(&dir).expect("secrets dir").permissions().mode() & 0o777, 0o700);
    let mut data_files = 0;
    for entry in walk(&dir) {
        let meta = std::fs::metadata(&entry).expect("stat");
        if meta.is_file() && !entry.ends_with("secrets.lock") {
            assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{}", entry.display());
            let text = std::fs::read_to_string(&entry).unwrap_or_default();
            if text == DATA {
                data_files += 1;
                assert!(entry.starts_with(dir.join("data")), "{}", entry.display());
            } else {
                assert!(!text.contains(DATA), "metadata holds no data: {}", entry.display());
            }
        }
    }
    assert_eq!(data_files, 1);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}

#[test]
fn a_container_reads_the_secret_at_run_secrets_read_only() {
    let env = env_with_secret();
    let out = env.ok(&["run", "--rm", "--secret", "dbpass", "busybox", "sh", "-c", "cat /run/secrets/dbpass; echo; stat -c '%a %u:%g' /run/secrets/dbpass; echo x > /run/secrets/dbpass || echo refused"]);
    assert_eq!(out, format!("{DATA}\n444 0:0\nrefused\n"));
    let out = env.ok(&["run", "--rm", "--secret", "dbpass,target=/etc/app/pw,mode=0400,uid=1000,gid=1001", "busybox", "stat", "-c", "%a %u:%g", "/etc/app/pw"]);
    assert_eq!(out, "400 1000:1001\n");
    assert_eq!(env.ok(&["run", "--rm", "--secret", "dbpass,target=other", "busybox", "cat", "/run/secrets/other"]), DATA);
    assert_eq!(env.ok(&["run", "--rm", "--read-only", "--secret", "dbpass", "busybox", "cat", "/run/secrets/dbpass"]), DATA, "a read-only root still gets it");
}

#[test]
fn an_env_secret_is_a_variable_that_inspect_never_shows() {
    let env = env_with_secret();
    let out = env.ok(&["run", "--name", "app", "-e", "KEEP=1", "--secret", "dbpass,type=env,target=DB_PASSWORD", "--secret", "dbpass", "busybox", "sh", "-c", "echo $DB_PASSWORD"]);
    assert_eq!(out, format!("{DATA}\n"));
    let inspect = env.ok(&["inspect", "app"]);
    assert!(!inspect.contains(DATA), "inspect of the container shows no secret data: {inspect}");
    let json: serde_json::Value = serde_json::from_str(&inspect).expect("inspect is JSON");
    let secrets = &json[0]["Config"]["Secrets"];
    assert_eq!(secrets[0]["Name"], "dbpass");
    assert_eq!(secrets[1]["Mode"], 0o444);
    assert!(json[0]["Config"]["Env"].as_array().expect("Env").iter().any(|e| e == "KEEP=1"));
    let record = std::fs::read_to_string(env.root.join("containers").join(json[0]["Id"].as_str().expect("Id")).join("container.json")).expect("the container record");
    assert!(!record.contains(DATA), "the container's record keeps no data");
    let ps = env.ok(&["ps", "-a", "--no-trunc"]);
    assert!(!ps.contains(DATA), "{ps}");
    let logs = env.ok(&["logs", "app"]);
    assert_eq!(logs, format!("{DATA}\n"), "only what the container itself printed");
}

#[test]
fn a_missing_secret_or_a_bad_option_is_refused_at_create_in_one_line() {
    let env = env_with_secret();
    let (code, err) = env.fails(&["create", "--secret", "nope", "busybox"]);
    assert_eq!(code, 125);
    assert!(err.contains("no secret with name or id \"nope\": no such secret"), "{err}");
    assert_eq!(env.ok(&["ps", "-aq"]), "", "nothing is left behind");
    let (code, err) = env.fails(&["run", "--secret", "dbpass,type=env,mode=0400", "busybox", "true"]);
    assert_eq!((code, err.trim().lines().count()), (125, 1), "{err}");
    assert!(err.contains("type=mount only"), "{err}");
    let (_, err) = env.fails(&["run", "--secret", "dbpass,mode=9", "busybox", "true"]);
    assert!(err.contains("octal") && !err.contains(DATA), "{err}");
}

#[test]
fn errors_never_show_the_data() {
    let env = env_with_secret();
    let file = env.path().join("pw.txt");
    let (code, err) = env.fails(&["secret", "create", "dbpass", file.to_str().expect("utf-8")]);
    assert_eq!(code, 125);
    assert!(err.contains("secret name in use") && !err.contains(DATA), "{err}");
    let (_, err) = env.fails(&["secret", "create", "bad/name", file.to_str().expect("utf-8")]);
    assert!(err.contains("invalid secret name") && !err.contains(DATA), "{err}");
    let out = env.cmd(&["secret", "create", "--env", "fromenv", "MY_SECRET_VAR"]).env("MY_SECRET_VAR", "env-secret-value").output().expect("run");
    assert!(out.status.success(), "{}", common::describe(&out));
    let (_, err) = env.fails(&["secret", "create", "--env", "unset", "NOT_SET_ANYWHERE"]);
    assert!(err.contains("NOT_SET_ANYWHERE is not set"), "{err}");
    assert_eq!(env.ok(&["run", "--rm", "--secret", "fromenv", "busybox", "cat", "/run/secrets/fromenv"]), "env-secret-value");
    let (_, err) = env.fails(&["secret", "create", "empty", "/dev/null"]);
    assert!(err.contains("more than 0"), "{err}");
}

#[test]
fn replace_rm_and_exists() {
    let env = env_with_secret();
    env.ok(&["create", "--name", "keeper", "--secret", "dbpass", "busybox", "cat", "/run/secrets/dbpass"]);
    let id = env.ok(&["secret", "inspect", "--format", "{{.ID}}", "dbpass"]);
    let out = env.run_with_input(&["secret", "create", "--replace", "dbpass", "-"], b"new-data");
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(stdout(&out), id, "--replace keeps the Id");
    env.ok(&["secret", "exists", "dbpass"]);
    assert_eq!(env.fails(&["secret", "exists", "nope"]).0, 1);
    // As in Podman: a container has its own copy, so the secret may go.
    assert_eq!(env.ok(&["secret", "rm", "dbpass"]), id);
    assert_eq!(env.ok(&["start", "-a", "keeper"]), DATA, "the copy made at create");
    let diff = env.ok(&["diff", "keeper"]);
    assert!(!diff.contains("secrets"), "the mount point is no change of the container's: {diff}");
    let (code, err) = env.fails(&["secret", "rm", "dbpass"]);
    assert_eq!(code, 125);
    assert!(err.contains("no secret with name or id \"dbpass\""), "{err}");
    env.ok(&["secret", "rm", "--ignore", "dbpass"]);
    assert!(env.fails(&["secret", "rm"]).1.contains("at least one"));
    assert!(env.fails(&["secret", "rm", "-a", "x"]).1.contains("--all cannot be used with"));
    let out = env.run_with_input(&["secret", "create", "two", "-"], b"2");
    assert!(out.status.success());
    env.ok(&["secret", "rm", "-a"]);
    assert_eq!(env.ok(&["secret", "ls", "-q"]), "");
    assert!(env.fails(&["run", "--rm", "--secret", "two", "busybox", "true"]).1.contains("no such secret"));
}

#[test]
fn a_container_of_its_own_user_namespace_sees_the_owner_it_asked_for() {
    let env = env_with_secret();
    let mode: &[&str] = if common::is_root() { &["--uidmap", "0:100000:65536"] } else { &["--userns", "nomap"] };
    let mut args = vec!["run", "--rm"];
    args.extend_from_slice(mode);
    args.extend_from_slice(&["--secret", "dbpass,uid=5,gid=6,mode=0400", "busybox", "sh", "-c", "stat -c '%a %u:%g' /run/secrets/dbpass; cat /run/secrets/dbpass"]);
    assert_eq!(env.ok(&args), format!("400 5:6\n{DATA}"));
}
