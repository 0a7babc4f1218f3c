//! Bad flags are refused when the container is created, as Docker refuses
//! them: one line naming the flag, the value and what is allowed, exit
//! 125, and no container left behind in `ps -a`. Values at the edge of
//! what is allowed are accepted.

mod common;

use common::TestEnv;


/// The host's hard limit for open files, if it has one.
fn nofile_hard() -> Option<u64> {
    let (_, hard) = nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE).expect("getrlimit");
    (hard != nix::sys::resource::RLIM_INFINITY).then_some(hard)
}

fn host_cpus() -> usize {
    let set = nix::sched::sched_getaffinity(nix::unistd::Pid::from_raw(0)).expect("sched_getaffinity");
    (0..nix::sched::CpuSet::count()).filter(|&i| set.is_set(i).unwrap_or(false)).count()
}

#[test]
fn bad_flags_are_refused_at_create_and_leave_no_container() {
    let env = TestEnv::with_busybox();
    let too_many_cpus = (host_cpus() + 1).to_string();
    let range = format!("range of CPUs is from 0.01 to {}.00, as there are only {} CPUs available", host_cpus(), host_cpus());
    let mut rows: Vec<(Vec<String>, Vec<String>)> = vec![
        (vec!["--stop-signal".into(), "BOGUS".into()], vec!["--stop-signal \"BOGUS\"".into(), "TERM".into()]),
        (vec!["--memory".into(), "1b".into()], vec!["--memory 1 bytes".into(), "6MB".into()]),
        (vec!["--memory".into(), "5m".into()], vec!["--memory 5242880 bytes".into(), "6MB".into()]),
        (vec!["--cpus".into(), too_many_cpus.clone()], vec![format!("--cpus {too_many_cpus}"), range.clone()]),
        (vec!["--cpus".into(), "0.001".into()], vec!["--cpus 0.001".into(), range]),
        (vec!["--label".into(), "=".into()], vec!["--label \"=\"".into(), "key is empty".into()]),
        (vec!["--label".into(), "=v".into()], vec!["--label \"=v\"".into()]),
        (vec!["--ulimit".into(), "bogus=1".into()], vec!["--ulimit bogus=1:1".into(), "unknown resource".into()]),
        (vec!["-v".into(), "/etc:/proc".into()], vec!["-v \"/etc:/proc\"".into(), "/proc".into()]),
        (vec!["-v".into(), "/etc:/proc/sys/kernel".into()], vec!["/proc/sys/kernel".into(), "in /proc".into()]),
        (vec!["-v".into(), "/etc:etc".into()], vec!["-v \"/etc:etc\"".into(), "not absolute".into()]),
        (vec!["-v".into(), "/etc:/".into()], vec!["root /".into()]),
        (vec!["--mount".into(), "type=bind,source=/etc,target=/proc".into()], vec!["--mount".into(), "/proc".into()]),
        (vec!["--tmpfs".into(), "/proc".into()], vec!["--tmpfs".into(), "/proc".into()]),
    ];
    match nofile_hard() {
        Some(hard) => {
            let asked = format!("nofile=1024:{}", hard + 1);
            rows.push((vec!["--ulimit".into(), asked.clone()], vec![format!("--ulimit {asked}"), format!("hard limit for nofile is {hard}")]));
        }
        None => eprintln!("SKIPPED the --ulimit row: this host has no hard limit for open files"),
    }
    for (flags, says) in &rows {
        for verb in ["create", "run"] {
            let mut args: Vec<&str> = vec![verb, "--rm"];
            if verb == "create" {
                args.pop();
            }
            args.extend(flags.iter().map(String::as_str));
            args.extend(["busybox", "true"]);
            let (code, err) = env.fails(&args);
            assert_eq!(code, 125, "{args:?}: {err}");
            assert_eq!(err.trim().lines().count(), 1, "{args:?}: one line: {err}");
            for s in says {
                assert!(err.contains(s.as_str()), "{args:?}: {err:?} should say {s:?}");
            }
            assert_eq!(env.ok(&["ps", "-aq"]), "", "{args:?} left no container");
        }
    }
}

#[test]
fn values_at_the_edge_are_accepted() {
    let env = TestEnv::with_busybox();
    let cpus = host_cpus().to_string();
    let mut flags = vec!["--memory", "0", "--cpus", &cpus, "--stop-signal", "SIGQUIT", "--label", "k=", "-v", "/etc/hostname:/proc/uptime:ro"];
    let limit = nofile_hard().map(|h| format!("nofile=1024:{h}"));
    if let Some(l) = &limit {
        flags.extend(["--ulimit", l]);
    }
    let mut args = vec!["create", "--name", "edge"];
    args.extend(&flags);
    args.extend(["busybox", "true"]);
    env.ok(&args);
    let inspect = env.ok(&["inspect", "--format", "{{.Config.StopSignal}} {{.HostConfig.Memory}}", "edge"]);
    assert_eq!(inspect.trim(), "SIGQUIT 0", "--memory 0 means no limit");
    env.ok(&["rm", "edge"]);
    // Docker's 6MB minimum itself is allowed (whether a rootless host can
    // apply it at start is tests/limits.rs's business).
    env.ok(&["create", "--name", "small", "--memory", "6m", "busybox", "true"]);
    env.ok(&["rm", "small"]);
}
