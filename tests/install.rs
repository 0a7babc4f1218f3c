//! `make install` as a user or a packager runs it: the binary, the man
//! pages, the bash, zsh and fish completions and the systemd user unit
//! under PREFIX (and DESTDIR), `make uninstall` taking exactly those away;
//! and the installed completions offering the names of the store's
//! containers, images and volumes, in each shell, as it loads them.
//!
//! The tests install the pontoon under test (`BIN=`), not a release build,
//! from the checkout's Makefile, man/ and completions/.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::TestEnv;

/// The checkout, when this user can read it (the rootless run's user may
/// not, on another machine).
fn repo() -> Option<PathBuf> {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let readable = fs::read_to_string(repo.join("Makefile")).is_ok() && fs::read_dir(repo.join("man")).is_ok();
    (!common::skip_unless(readable, "the checkout's Makefile and man/ are not readable by this user")).then_some(repo)
}

fn have(program: &str) -> bool {
    Command::new("sh").args(["-c", &format!("command -v {program}")]).output().is_ok_and(|o| o.status.success())
}

/// `make -C REPO TARGET VARS...` with the pontoon under test as BIN.
fn make(repo: &Path, target: &str, vars: &[(&str, &Path)]) -> Output {
    let mut c = Command::new("make");
    c.arg("--no-print-directory").arg("-C").arg(repo).arg(target).arg(format!("BIN={}", common::pontoon_bin().display()));
    for (k, v) in vars {
        c.arg(format!("{k}={}", v.display()));
    }
    let out = c.output().expect("run make");
    assert!(out.status.success(), "make {target}: {}", common::describe(&out));
    out
}

/// Every file below `dir`, relative to it.
fn files_under(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                walk(&p, base, out);
            } else {
                out.push(p.strip_prefix(base).unwrap_or(&p).display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn make_install_puts_everything_under_destdir_and_prefix_and_uninstall_takes_it_away() {
    let Some(repo) = repo() else { return };
    let tmp = tempfile::tempdir().expect("a temp dir");
    let dest = tmp.path().join("dest");
    let vars = [("DESTDIR", dest.as_path()), ("PREFIX", Path::new("/usr/local"))];
    make(&repo, "install", &vars);
    let root = dest.join("usr/local");
    let installed = files_under(&dest);
    for want in [
        "usr/local/bin/pontoon",
        "usr/local/libexec/pontoon/pontoon-monitor",
        "usr/local/share/man/man1/pontoon.1",
        "usr/local/share/man/man1/pontoon-run.1",
        "usr/local/share/man/man1/pontoon-volume-rm.1",
        "usr/local/share/bash-completion/completions/pontoon",
        "usr/local/share/zsh/site-functions/_pontoon",
        "usr/local/share/fish/vendor_completions.d/pontoon.fish",
        "usr/local/lib/systemd/user/pontoon-restart.service",
    ] {
        assert!(installed.iter().any(|f| f == want), "{want} installed: {installed:?}");
    }
    assert!(!installed.iter().any(|f| f.ends_with("bin/docker")), "the shims only with install-shims");
    let version = Command::new(root.join("bin/pontoon")).arg("--version").output().expect("run the installed pontoon");
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("pontoon "), "{}", common::describe(&version));
    // The unit runs the installed binary by its final path, not DESTDIR's.
    let unit = fs::read_to_string(root.join("lib/systemd/user/pontoon-restart.service")).expect("read the unit");
    assert!(unit.contains("ExecStart=-/usr/local/bin/pontoon ") && !unit.contains("@BINDIR@") && !unit.contains(&dest.display().to_string()), "{unit}");

    // `man pontoon-run` renders, with the run flags.
    if !common::skip_unless(have("man"), "man is not installed (scripts/install-deps.sh installs man-db)") {
        let man = Command::new("man").args(["-P", "cat", "pontoon-run"]).env("MANPATH", root.join("share/man")).env("MANWIDTH", "100").output().expect("run man");
        let page = String::from_utf8_lossy(&man.stdout);
        assert!(man.status.success() && page.contains("pontoon-run - Create and run a container"), "{}", common::describe(&man));
        for flag in ["--restart", "--publish", "--volume"] {
            assert!(page.contains(flag), "man pontoon-run shows {flag}: {page}");
        }
    }

    make(&repo, "install-shims", &vars);
    let shimmed = files_under(&dest);
    for want in ["usr/local/bin/docker", "usr/local/bin/podman", "usr/local/share/bash-completion/completions/docker", "usr/local/share/fish/vendor_completions.d/podman.fish"] {
        assert!(shimmed.iter().any(|f| f == want), "{want} installed by install-shims: {shimmed:?}");
    }
    make(&repo, "uninstall", &vars);
    assert_eq!(files_under(&dest), Vec::<String>::new(), "uninstall removed every file install and install-shims put");
}

/// A store with a container `webserver`, the image `busybox:latest` and a
/// volume `webdata`, and pontoon installed under PREFIX.
struct Installed {
    env: TestEnv,
    prefix: PathBuf,
    _tmp: tempfile::TempDir,
}

fn installed() -> Option<Installed> {
    let repo = repo()?;
    let tmp = tempfile::tempdir().expect("a temp dir");
    let prefix = tmp.path().join("prefix");
    make(&repo, "install", &[("PREFIX", prefix.as_path())]);
    make(&repo, "install-shims", &[("PREFIX", prefix.as_path())]);
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "webserver", "busybox", "true"]);
    env.ok(&["volume", "create", "webdata"]);
    Some(Installed { env, prefix, _tmp: tmp })
}

impl Installed {
    /// `shell ARGS...` with the env's store, the installed pontoon first in
    /// PATH and the installed share/ where the shells look for completions.
    fn shell(&self, shell: &str, args: &[&str]) -> Command {
        let mut c = self.env.cmd_with(Path::new(shell), args);
        let path = format!("{}:{}", self.prefix.join("bin").display(), std::env::var("PATH").unwrap_or_default());
        c.env("PATH", path).env("XDG_DATA_DIRS", self.prefix.join("share"));
        c
    }

    fn output_lines(&self, mut cmd: Command) -> Vec<String> {
        let out = cmd.output().expect("run the shell");
        assert!(out.status.success(), "{}", common::describe(&out));
        String::from_utf8_lossy(&out.stdout).lines().map(|l| l.split('\t').next().unwrap_or_default().to_string()).collect()
    }

    /// What bash-completion's completion of pontoon puts in COMPREPLY for
    /// `line` (the cursor at its end), its words split as readline splits
    /// them (`busybox:la` is three words).
    fn bash(&self, line: &str) -> Vec<String> {
        self.bash_with(line, &[])
    }

    /// [`Installed::bash`] with more variables in the environment.
    fn bash_with(&self, line: &str, vars: &[(&str, &Path)]) -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        for token in line.split_whitespace() {
            let mut word = String::new();
            for ch in token.chars() {
                if ch == ':' || ch == '=' {
                    words.extend([std::mem::take(&mut word), ch.to_string()].into_iter().filter(|w| !w.is_empty()));
                } else {
                    word.push(ch);
                }
            }
            words.push(word);
        }
        if line.ends_with(' ') || words.last().is_some_and(|w| w == ":" || w == "=") {
            words.push(String::new());
        }
        let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
        let cword = words.len() - 1;
        let prev = words.get(cword.wrapping_sub(1)).cloned().unwrap_or_default();
        let script = format!(
            r#"source /usr/share/bash-completion/bash_completion
__load_completion {cmd} || exit 3
COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; COMP_WORDS=({words}); COMP_CWORD={cword}; COMPREPLY=()
"$(complete -p {cmd} | sed 's/.* -F \([^ ]*\) .*/\1/')" {cmd} '{cur}' '{prev}'
if ((${{#COMPREPLY[@]}})); then printf '%s\n' "${{COMPREPLY[@]}}"; fi"#,
            cmd = words[0],
            words = quoted.join(" "),
            cur = words[cword],
        );
        let mut c = self.shell("bash", &["--norc", "--noprofile", "-c", &script]);
        c.envs(vars.iter().copied());
        self.output_lines(c)
    }

    /// fish's completions of `line`.
    fn fish(&self, line: &str) -> Vec<String> {
        self.output_lines(self.shell("fish", &["-c", &format!("complete -C '{line}'")]))
    }
}

#[test]
fn bash_completes_the_store_s_names_where_a_command_takes_them() {
    if common::skip_unless(Path::new("/usr/share/bash-completion/bash_completion").exists(), "bash-completion is not installed (scripts/install-deps.sh installs it)") {
        return;
    }
    let Some(i) = installed() else { return };
    // bash-completion finds it in $XDG_DATA_DIRS and registers the names.
    let registered = i.output_lines(i.shell("bash", &["--norc", "--noprofile", "-c", "source /usr/share/bash-completion/bash_completion; __load_completion pontoon; complete -p pontoon"]));
    assert_eq!(registered, ["complete -o bashdefault -o default -o nosort -F _pontoon_names pontoon"]);

    assert_eq!(i.bash("pontoon rm web"), ["webserver"]);
    assert_eq!(i.bash("pontoon stop -t 1 web"), ["webserver"]);
    assert_eq!(i.bash("pontoon container logs "), ["webserver"]);
    assert_eq!(i.bash("pontoon exec -it w"), ["webserver"]);
    assert_eq!(i.bash("pontoon run --rm busy"), ["busybox:latest"]);
    assert_eq!(i.bash("pontoon run --volumes-from web"), ["webserver"]);
    // After the colon only the tag is left to insert (bash split the word).
    assert_eq!(i.bash("pontoon rmi busybox:la"), ["latest"]);
    assert_eq!(i.bash("pontoon volume rm w"), ["webdata"]);
    assert_eq!(i.bash("pontoon inspect "), ["webserver", "busybox:latest"]);
    // Elsewhere the generated completion answers: flags, subcommands.
    assert!(i.bash("pontoon rm --fo").contains(&"--force".to_string()));
    assert!(i.bash("pontoon volume r").contains(&"rm".to_string()));
    assert!(!i.bash("pontoon logs webserver ").contains(&"webserver".to_string()), "logs takes one container");
    // The docker shim's completion is pontoon's.
    assert_eq!(i.bash("docker rm web"), ["webserver"]);
}

/// Starts the interactive shell `argv[1]` (words) in a pty (python's pty
/// module: readline or zle as a user's terminal drives them), runs the
/// `setup` command, waits for the prompt, types `line` and a TAB, and
/// prints what the terminal showed once `expect` appeared (or after 20s).
const TYPIST: &str = r#"
import os, pty, select, sys, time
shell, setup, line, expect = sys.argv[1:5]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(shell.split()[0], shell.split())
def read_until(text, secs):
    out, end = b"", time.time() + secs
    while time.time() < end and text.encode() not in out:
        if select.select([fd], [], [], 0.2)[0]:
            try:
                out += os.read(fd, 4096)
            except OSError:
                break
    return out.decode(errors="replace")
# The prompt is spelled apart so that the command's echo does not match it.
os.write(fd, (setup + "; PS1='rea''dy> '\n").encode())
read_until("ready> ", 20)
os.write(fd, (line + "\t").encode())
print(read_until(expect, 20))
os.kill(pid, 9)
"#;

#[test]
fn bash_completes_names_in_a_terminal() {
    if common::skip_unless(Path::new("/usr/share/bash-completion/bash_completion").exists(), "bash-completion is not installed (scripts/install-deps.sh installs it)") {
        return;
    }
    let Some(i) = installed() else { return };
    let typed = |line: &str, expect: &str| {
        let mut c = i.shell("python3", &["-c", TYPIST, "bash --norc --noprofile -i", "source /usr/share/bash-completion/bash_completion", line, expect]);
        c.env("TERM", "dumb");
        let shown = i.output_lines(c).join("\n");
        assert!(shown.contains(expect), "bash showed for `{line}<TAB>`, not {expect:?}: {shown:?}");
    };
    typed("pontoon rm web", "pontoon rm webserver");
    // readline split the word at the colon; the tag is what is inserted.
    typed("pontoon rmi busybox:la", "pontoon rmi busybox:latest");
    typed("docker stop w", "docker stop webserver");
}

#[test]
fn bash_completion_reads_the_store_given_with_root() {
    if common::skip_unless(Path::new("/usr/share/bash-completion/bash_completion").exists(), "bash-completion is not installed (scripts/install-deps.sh installs it)") {
        return;
    }
    let Some(i) = installed() else { return };
    let root = i.env.root.display().to_string();
    // The environment names another store: only --root finds webserver.
    let elsewhere = i.env.path().join("elsewhere");
    assert_eq!(i.bash_with("pontoon rm web", &[("PONTOON_ROOT", &elsewhere)]), Vec::<String>::new());
    assert_eq!(i.bash_with(&format!("pontoon --root {root} rm web"), &[("PONTOON_ROOT", &elsewhere)]), ["webserver"]);
}

#[test]
fn fish_completes_the_store_s_names_where_a_command_takes_them() {
    if common::skip_unless(have("fish"), "fish is not installed (scripts/install-deps.sh installs it)") {
        return;
    }
    let Some(i) = installed() else { return };
    assert_eq!(i.fish("pontoon rm web"), ["webserver"]);
    assert_eq!(i.fish("pontoon container start w"), ["webserver"]);
    assert_eq!(i.fish("pontoon rmi busybox:"), ["busybox:latest"]);
    assert_eq!(i.fish("pontoon history bu"), ["busybox:latest"]);
    assert_eq!(i.fish("pontoon volume rm w"), ["webdata"]);
    assert!(i.fish("pontoon rm --fo").contains(&"--force".to_string()));
    assert_eq!(i.fish("podman rm web"), ["webserver"], "the podman shim's completion is pontoon's");
}

#[test]
fn zsh_completes_the_store_s_names_where_a_command_takes_them() {
    if common::skip_unless(have("zsh"), "zsh is not installed (scripts/install-deps.sh installs it)") {
        return;
    }
    let Some(i) = installed() else { return };
    // compinit finds _pontoon in the installed site-functions.
    let setup = format!("fpath=({} $fpath); autoload -U compinit; compinit -u -d $HOME/.zcompdump", i.prefix.join("share/zsh/site-functions").display());
    let typed = |line: &str, expect: &str| {
        let mut c = i.shell("python3", &["-c", TYPIST, "zsh -f -i", &setup, line, expect]);
        c.env("TERM", "dumb");
        let shown = i.output_lines(c).join("\n");
        assert!(shown.contains(expect), "zsh showed for `{line}<TAB>`, not {expect:?}: {shown:?}");
    };
    // One match: zsh writes the rest of it on the line.
    typed("pontoon rm web", "server");
    typed("pontoon tag bu", "sybox:latest");
    typed("pontoon volume rm w", "ebdata");
    // Several: it lists them.
    typed("pontoon inspect ", "busybox:latest");
    typed("pontoon inspect ", "webserver");
}

#[test]
fn the_installed_pontoon_supervises_containers_with_its_installed_monitor() {
    let Some(i) = installed() else { return };
    let pontoon = i.prefix.join("bin/pontoon");
    let out = i.env.cmd_with(&pontoon, &["run", "-d", "--name", "installed", "--network", "none", "busybox", "sleep", "1000"]).output().expect("run the installed pontoon");
    assert!(out.status.success(), "{}", common::describe(&out));
    let monitor = i.env.state_field("installed", "monitor_pid").as_i64().expect("a monitor pid");
    let cmdline = fs::read(format!("/proc/{monitor}/cmdline")).expect("read the monitor's cmdline");
    let argv0 = String::from_utf8_lossy(cmdline.split(|b| *b == 0).next().unwrap_or_default()).into_owned();
    assert_eq!(argv0, i.prefix.join("libexec/pontoon/pontoon-monitor").display().to_string());
    i.env.ok(&["rm", "-f", "-t", "0", "installed"]);
}
