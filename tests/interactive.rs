//! Interactive containers through a real terminal: the test opens a pty,
//! runs pontoon on its slave (as its controlling terminal, as a shell
//! would) and types on the master. `run -it`, detaching with ctrl-p
//! ctrl-q, `attach`, and `exec -it`, as a user at a terminal sees them.

mod common;

use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::TestEnv;

const WAIT: Duration = Duration::from_secs(20);

/// A pontoon command running on a terminal of its own, 33 rows x 111 cols.
struct Terminal {
    master: std::fs::File,
    seen: Arc<Mutex<Vec<u8>>>,
    /// How much of `seen` the last `expect` consumed.
    mark: usize,
    child: Child,
}

impl Terminal {
    fn spawn(env: &TestEnv, args: &[&str]) -> Terminal {
        let size = nix::pty::Winsize { ws_row: 33, ws_col: 111, ws_xpixel: 0, ws_ypixel: 0 };
        let pty = nix::pty::openpty(Some(&size), None).expect("open a pty for the test");
        let mut cmd = env.cmd(args);
        let slave = std::fs::File::from(pty.slave);
        cmd.stdin(Stdio::from(slave.try_clone().expect("dup the slave")))
            .stdout(Stdio::from(slave.try_clone().expect("dup the slave")))
            .stderr(Stdio::from(slave));
        // SAFETY: setsid and ioctl are async-signal-safe; fd 0 is the slave.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("start pontoon on the pty");
        let master = std::fs::File::from(pty.master);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().expect("dup the master");
        let sink = seen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            // EIO once pontoon and everything it left are gone.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("output lock").extend_from_slice(&buf[..n]);
            }
        });
        Terminal { master, seen, mark: 0, child }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.seen.lock().expect("output lock")).into_owned()
    }

    /// Waits until `what` appears after the previous match; returns what
    /// came up to and including it.
    fn expect(&mut self, what: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let all = self.text();
            if let Some(at) = all.get(self.mark..).and_then(|rest| rest.find(what)) {
                let end = self.mark + at + what.len();
                let got = all[self.mark..end].to_string();
                self.mark = end;
                return got;
            }
            assert!(Instant::now() < deadline, "expected {what:?} on the terminal, saw:\n{all}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.master.write_all(bytes).expect("type on the terminal");
    }

    /// Types a shell line and waits for the next prompt.
    fn line(&mut self, line: &str) -> String {
        self.send(format!("{line}\r").as_bytes());
        self.expect("# ")
    }

    /// Types ctrl-p, then ctrl-q in a separate read, as a person does: the
    /// ctrl-p must not reach the shell (where it recalls history).
    fn detach(&mut self) {
        self.send(&[16]);
        std::thread::sleep(Duration::from_millis(200));
        self.send(&[17]);
    }

    fn exit_code(&mut self) -> i32 {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for pontoon") {
                return status.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "pontoon did not exit; terminal:\n{}", self.text());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = self.master.as_raw_fd();
    }
}


/// The common session: a prompt, echo, the tty's name and size, exit code.
fn shell_session(term: &mut Terminal) {
    term.expect("# ");
    assert!(term.line("echo hi").contains("hi\r\n"), "{}", term.text());
    let tty = term.line("tty");
    assert!(tty.contains("/dev/pts/"), "tty names a pty of the container: {tty}");
    let size = term.line("stty size");
    assert!(size.contains("33 111"), "the terminal size is passed on: {size}");
    term.send(b"exit 4\r");
    assert_eq!(term.exit_code(), 4, "{}", term.text());
}

#[test]
fn run_it_gives_a_shell_on_a_terminal() {
    let env = TestEnv::with_busybox();
    let mut term = Terminal::spawn(&env, &["run", "-it", "--rm", "busybox", "sh"]);
    shell_session(&mut term);
}

#[test]
fn detach_and_attach_again() {
    let env = TestEnv::with_busybox();
    let mut term = Terminal::spawn(&env, &["run", "-it", "--name", "box", "busybox", "sh"]);
    term.expect("# ");
    term.line("echo before > /tmp/mark");
    term.detach();
    assert_eq!(term.exit_code(), 0, "ctrl-p ctrl-q detaches: {}", term.text());
    let ps = env.ok(&["ps", "--format", "{{.Names}} {{.Status}}"]);
    assert!(ps.contains("box Up"), "still running after the detach: {ps}");
    let mut term = Terminal::spawn(&env, &["attach", "box"]);
    let seen = term.line("cat /tmp/mark");
    assert!(seen.contains("before"), "the same shell: {seen}");
    term.send(b"exit 5\r");
    assert_eq!(term.exit_code(), 5, "attach exits with the container's code: {}", term.text());
    let ps = env.ok(&["ps", "-a", "--format", "{{.Names}} {{.Status}}"]);
    assert!(ps.contains("box Exited (5)"), "{ps}");
    env.ok(&["rm", "box"]);
}

#[test]
fn exec_it_gives_a_shell_in_a_running_container() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "web", "busybox", "sleep", "1000"]);
    let mut term = Terminal::spawn(&env, &["exec", "-it", "web", "sh"]);
    shell_session(&mut term);
    // Detaching from an exec leaves its shell running.
    let mut term = Terminal::spawn(&env, &["exec", "-it", "web", "sh"]);
    term.expect("# ");
    term.line("echo $$ > /tmp/shell-pid");
    term.detach();
    assert_eq!(term.exit_code(), 0, "detached: {}", term.text());
    let pid = env.ok(&["exec", "web", "cat", "/tmp/shell-pid"]);
    let alive = env.run(&["exec", "web", "kill", "-0", pid.trim()]);
    assert!(alive.status.success(), "the detached shell {} runs on", pid.trim());
    env.ok(&["rm", "-f", "web"]);
}
