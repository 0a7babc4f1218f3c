//! The pause process of a pod's infra container: it holds the pod's
//! namespaces and does nothing else. It sleeps in sigwait, reaps every
//! child it inherits (it is PID 1 of the pod's PID namespace when the pod
//! shares one, so orphans of the members come to it), and exits 0 on
//! SIGTERM or SIGINT. Like `--init` it is pontoon code that a container
//! sees for its whole life, so the built-in runtime executes it from the
//! sealed copy of the binary (runtime::sealed) as `pontoon-pause`, never
//! from the host's binary, and it makes itself not dumpable.

use nix::errno::Errno;
use nix::sys::signal::{sigaction, SaFlags, SigAction, SigHandler, SigSet, SigmaskHow, Signal};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;
use oci_spec::runtime::Spec;

/// argv[0] of the pause process, dispatched in main.
pub const ARGV0: &str = "pontoon-pause";

/// The annotation by which the engine says the container is an infra
/// container: the runtime runs the pause instead of the spec's args.
pub const ANNOTATION: &str = "io.pontoon.pause";

/// Whether the bundle asks for the pause process.
pub fn wanted(spec: &Spec) -> bool {
    spec.annotations().as_ref().and_then(|a| a.get(ANNOTATION)).is_some_and(|v| v == "true")
}

extern "C" fn ignore(_: libc::c_int) {}

/// The pause process. Never returns.
pub fn main() -> ! {
    // SAFETY: prctl with constant arguments.
    unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) };
    let _ = nix::sys::prctl::set_name(c"pontoon-pause");
    let mut set = SigSet::empty();
    for s in [Signal::SIGTERM, Signal::SIGINT, Signal::SIGCHLD] {
        set.add(s);
    }
    // Blocked, then taken with sigwait; a PID 1 only gets signals it has
    // a handler for, hence the (empty) handlers too.
    let _ = nix::sys::signal::sigprocmask(SigmaskHow::SIG_BLOCK, Some(&set), None);
    let handler = SigAction::new(SigHandler::Handler(ignore), SaFlags::SA_RESTART, SigSet::empty());
    for s in set.iter() {
        // SAFETY: the handler does nothing, so it is async-signal-safe.
        let _ = unsafe { sigaction(s, &handler) };
    }
    loop {
        match set.wait() {
            Ok(Signal::SIGCHLD) => reap_all(),
            Ok(_) => exit(0),
            Err(Errno::EINTR) => {}
            Err(_) => {
                // Without sigwait, sleep until a signal's default ends us.
                // SAFETY: pause has no arguments.
                unsafe { libc::pause() };
            }
        }
    }
}

fn reap_all() {
    loop {
        match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::StillAlive) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

fn exit(code: i32) -> ! {
    // SAFETY: _exit ends the process without running anything else.
    unsafe { libc::_exit(code) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_annotated_bundles_pause() {
        let mut spec = Spec::default();
        assert!(!wanted(&spec));
        spec.set_annotations(Some([(ANNOTATION.to_string(), "true".to_string())].into_iter().collect()));
        assert!(wanted(&spec));
    }
}
