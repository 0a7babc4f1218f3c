//! Seccomp: the default profile (the same syscalls Docker's default profile
//! keeps from containers, written here as a deny list), Docker-format JSON
//! profiles, their resolution against the container's capabilities into the
//! OCI spec's `linux.seccomp`, and the compilation of that section into BPF
//! (with the `seccompiler` crate) for the built-in runtime.
//!
//! The OCI section may mix actions (allow some calls, refuse others with
//! EPERM, kill on others). A seccomp filter of `seccompiler` has one action
//! for matches and one for the rest, so we install one filter per action;
//! the kernel runs them all and obeys the most restrictive answer, which
//! gives the profile's meaning as long as a call is named under one action.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{bail, Context, Result};
use oci_spec::runtime::{LinuxSeccomp, LinuxSeccompAction, LinuxSeccompOperator};
use serde::Deserialize;
use serde_json::json;

use crate::spec::seccomp::SeccompChoice;

const EPERM: u32 = 1;
const ENOSYS: u32 = 38;

/// Namespace flags of clone(2) that Docker refuses without CAP_SYS_ADMIN.
const CLONE_NAMESPACE_FLAGS: [u64; 7] = [0x0002_0000, 0x0200_0000, 0x0400_0000, 0x0800_0000, 0x1000_0000, 0x2000_0000, 0x4000_0000];

/// Calls refused with EPERM unless the container holds the capability
/// that would make them legitimate (None: always refused). The reasons
/// are Docker's: these reach kernel state that no namespace isolates.
const DENIED: &[(&[&str], Option<&str>)] = &[
    // The kernel keyring is not namespaced.
    (&["add_key", "keyctl", "request_key"], None),
    // Loading kernels and modules, rebooting the host.
    (&["kexec_load", "kexec_file_load"], Some("SYS_BOOT")),
    (&["reboot"], Some("SYS_BOOT")),
    (&["init_module", "finit_module", "delete_module", "create_module", "get_kernel_syms", "query_module"], Some("SYS_MODULE")),
    // Host-wide time, swap, accounting, quotas.
    (&["settimeofday", "clock_settime", "clock_adjtime", "adjtimex"], Some("SYS_TIME")),
    (&["swapon", "swapoff"], Some("SYS_ADMIN")),
    (&["acct"], Some("SYS_PACCT")),
    (&["quotactl", "lookup_dcookie", "nfsservctl", "uselib", "ustat", "sysfs", "_sysctl"], Some("SYS_ADMIN")),
    // Mount and namespace manipulation.
    (&["mount", "umount2", "pivot_root", "unshare", "setns", "fsopen", "fsmount", "fsconfig", "fspick", "move_mount", "open_tree", "mount_setattr"], Some("SYS_ADMIN")),
    (&["bpf", "fanotify_init", "name_to_handle_at"], Some("SYS_ADMIN")),
    (&["perf_event_open"], Some("PERFMON")),
    (&["open_by_handle_at"], Some("DAC_READ_SEARCH")),
    (&["userfaultfd"], None),
    // Raw port access, NUMA policy of host memory.
    (&["iopl", "ioperm"], Some("SYS_RAWIO")),
    (&["mbind", "set_mempolicy", "move_pages", "get_mempolicy", "migrate_pages"], Some("SYS_NICE")),
    (&["process_vm_readv", "process_vm_writev", "kcmp"], Some("SYS_PTRACE")),
];

/// A profile in Docker's JSON format.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DockerProfile {
    default_action: String,
    #[serde(default)]
    default_errno_ret: Option<u32>,
    #[serde(default)]
    syscalls: Vec<DockerSyscall>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DockerSyscall {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    names: Vec<String>,
    action: String,
    #[serde(default)]
    errno_ret: Option<u32>,
    #[serde(default)]
    args: Option<Vec<DockerArg>>,
    #[serde(default)]
    includes: Filter,
    #[serde(default)]
    excludes: Filter,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DockerArg {
    index: u32,
    value: u64,
    #[serde(default)]
    value_two: u64,
    op: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Filter {
    #[serde(default)]
    caps: Vec<String>,
    #[serde(default)]
    arches: Vec<String>,
}

/// The `linux.seccomp` section for a container holding `caps` (names
/// without `CAP_`), or None when seccomp is off (unconfined, privileged).
pub fn to_oci(choice: &SeccompChoice, privileged: bool, caps: &[String]) -> Result<Option<LinuxSeccomp>> {
    let has = |c: &str| caps.iter().any(|have| have == c);
    let value = match choice {
        SeccompChoice::Unconfined => return Ok(None),
        _ if privileged => return Ok(None),
        SeccompChoice::Default => default_profile(&has),
        SeccompChoice::Custom(text) => custom_profile(text, &has)?,
    };
    serde_json::from_value(value).context("build the seccomp section of the OCI spec")
}

fn default_profile(has: &dyn Fn(&str) -> bool) -> serde_json::Value {
    let mut names: Vec<&str> = Vec::new();
    for (calls, cap) in DENIED {
        if !cap.is_some_and(has) {
            names.extend(calls.iter());
        }
    }
    let mut syscalls = vec![json!({ "names": names, "action": "SCMP_ACT_ERRNO", "errnoRet": EPERM })];
    if !has("SYS_ADMIN") {
        // clone with a namespace flag is unshare by another name; clone3
        // passes its flags in memory a filter cannot read, so, as Docker
        // does, it answers ENOSYS and the C library falls back to clone.
        for flag in CLONE_NAMESPACE_FLAGS {
            syscalls.push(json!({
                "names": ["clone"], "action": "SCMP_ACT_ERRNO", "errnoRet": EPERM,
                "args": [{ "index": 0, "value": flag, "valueTwo": flag, "op": "SCMP_CMP_MASKED_EQ" }],
            }));
        }
        syscalls.push(json!({ "names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": ENOSYS }));
    }
    json!({ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": syscalls })
}

fn custom_profile(text: &str, has: &dyn Fn(&str) -> bool) -> Result<serde_json::Value> {
    let profile: DockerProfile = serde_json::from_str(text).context("parse the seccomp profile (Docker's JSON format: defaultAction, syscalls)")?;
    let default_action = action(&profile.default_action)?;
    let arch = native_arch();
    let applies = |f: &Filter, include: bool| -> bool {
        let caps_ok = if include { f.caps.iter().all(|c| has(c.trim_start_matches("CAP_"))) } else { !f.caps.iter().any(|c| has(c.trim_start_matches("CAP_"))) };
        let arch_ok = if include { f.arches.is_empty() || f.arches.iter().any(|a| a == arch) } else { !f.arches.iter().any(|a| a == arch) };
        caps_ok && arch_ok
    };
    let mut syscalls = Vec::new();
    for s in profile.syscalls {
        if !applies(&s.includes, true) || !applies(&s.excludes, false) {
            continue;
        }
        let mut names = s.names.clone();
        names.extend(s.name.clone());
        if names.is_empty() {
            bail!("a seccomp profile rule has no \"names\": give each rule the syscalls it applies to");
        }
        let act = action(&s.action)?;
        let args = s.args.unwrap_or_default().iter().map(arg).collect::<Result<Vec<_>>>()?;
        let mut rule = json!({ "names": names, "action": act });
        if act == "SCMP_ACT_ERRNO" {
            rule["errnoRet"] = json!(s.errno_ret.unwrap_or(EPERM));
        }
        if !args.is_empty() {
            rule["args"] = json!(args);
        }
        syscalls.push(rule);
    }
    let mut out = json!({ "defaultAction": default_action, "syscalls": syscalls });
    if default_action == "SCMP_ACT_ERRNO" {
        out["defaultErrnoRet"] = json!(profile.default_errno_ret.unwrap_or(EPERM));
    }
    Ok(out)
}

fn native_arch() -> &'static str {
    match std::env::consts::ARCH {
        "aarch64" => "aarch64",
        "riscv64" => "riscv64",
        _ => "amd64",
    }
}

/// Checks a Docker action name; returns the OCI spelling (the same).
fn action(name: &str) -> Result<&'static str> {
    Ok(match name {
        "SCMP_ACT_ALLOW" => "SCMP_ACT_ALLOW",
        "SCMP_ACT_ERRNO" => "SCMP_ACT_ERRNO",
        "SCMP_ACT_KILL" | "SCMP_ACT_KILL_THREAD" => "SCMP_ACT_KILL_THREAD",
        "SCMP_ACT_KILL_PROCESS" => "SCMP_ACT_KILL_PROCESS",
        "SCMP_ACT_TRAP" => "SCMP_ACT_TRAP",
        "SCMP_ACT_LOG" => "SCMP_ACT_LOG",
        other => bail!("seccomp action {other:?} is not supported: use SCMP_ACT_ALLOW, SCMP_ACT_ERRNO, SCMP_ACT_KILL, SCMP_ACT_KILL_PROCESS, SCMP_ACT_TRAP or SCMP_ACT_LOG"),
    })
}

fn arg(a: &DockerArg) -> Result<serde_json::Value> {
    const OPS: &[&str] = &["SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE", "SCMP_CMP_EQ", "SCMP_CMP_GE", "SCMP_CMP_GT", "SCMP_CMP_MASKED_EQ"];
    if !OPS.contains(&a.op.as_str()) {
        bail!("seccomp argument operator {:?} is not supported: use one of {}", a.op, OPS.join(", "));
    }
    if a.index > 5 {
        bail!("seccomp argument index {} is out of range: syscalls have arguments 0 to 5", a.index);
    }
    Ok(json!({ "index": a.index, "value": a.value, "valueTwo": a.value_two, "op": a.op }))
}

/// BPF programs for the built-in runtime, compiled before the container's
/// init is cloned so that the init only has to install them.
pub type Programs = Vec<seccompiler::BpfProgram>;

pub fn compile(section: &LinuxSeccomp) -> Result<Programs> {
    let arch = seccompiler::TargetArch::try_from(std::env::consts::ARCH)
        .map_err(|e| anyhow::anyhow!("seccomp is not supported on {}: {e}", std::env::consts::ARCH))?;
    let default = sc_action(section.default_action(), section.default_errno_ret())?;
    let rules = section.syscalls().clone().unwrap_or_default();
    // Group the rules by their action (the key is the action's JSON).
    let mut groups: BTreeMap<String, (seccompiler::SeccompAction, Vec<serde_json::Value>)> = BTreeMap::new();
    let mut every_rule = Vec::new();
    for r in &rules {
        let act = sc_action(r.action(), r.errno_ret())?;
        let conditions = r.args().clone().unwrap_or_default().iter().map(condition).collect::<Vec<_>>();
        for name in r.names() {
            let mut rule = json!({ "syscall": name });
            if !conditions.is_empty() {
                rule["args"] = json!(conditions);
            }
            every_rule.push(rule.clone());
            let key = serde_json::to_string(&action_json(&act)).unwrap_or_default();
            groups.entry(key).or_insert_with(|| (act.clone(), Vec::new())).1.push(rule);
        }
    }
    let allow = seccompiler::SeccompAction::Allow;
    let mut filters = serde_json::Map::new();
    if default != allow {
        // The default filter lets every named call (under its conditions)
        // through to the per-action filters and refuses the rest.
        filters.insert("default".into(), json!({ "mismatch_action": action_json(&default), "match_action": "allow", "filter": every_rule }));
    }
    for (i, (act, group)) in groups.values().enumerate() {
        if *act != allow {
            filters.insert(format!("group{i}"), json!({ "mismatch_action": "allow", "match_action": action_json(act), "filter": group }));
        }
    }
    let mut programs = Vec::new();
    for (_, filter) in filters {
        programs.push(compile_one(filter, arch)?);
    }
    Ok(programs)
}

/// Compiles one filter, leaving out calls this architecture does not have
/// (profiles list calls of every architecture, as Docker's do).
fn compile_one(mut filter: serde_json::Value, arch: seccompiler::TargetArch) -> Result<seccompiler::BpfProgram> {
    let mut skipped = BTreeSet::new();
    loop {
        let doc = json!({ "f": filter });
        match seccompiler::compile_from_json(doc.to_string().as_bytes(), arch) {
            Ok(mut map) => return map.remove("f").context("the seccomp compiler returned no program"),
            Err(seccompiler::Error::JsonFrontend(e)) if e.to_string().starts_with("Invalid syscall name") => {
                let name = e.to_string().split(": ").nth(1).and_then(|s| s.split(' ').next()).unwrap_or_default().to_string();
                let rules = filter["filter"].as_array_mut().context("seccomp filter has no rules")?;
                let before = rules.len();
                rules.retain(|r| r["syscall"] != name);
                if rules.len() == before || !skipped.insert(name) {
                    bail!("compile the seccomp profile: {e}");
                }
            }
            Err(e) => bail!("compile the seccomp profile: {e}"),
        }
    }
}

fn sc_action(a: LinuxSeccompAction, errno: Option<u32>) -> Result<seccompiler::SeccompAction> {
    use seccompiler::SeccompAction as S;
    Ok(match a {
        LinuxSeccompAction::ScmpActAllow => S::Allow,
        LinuxSeccompAction::ScmpActErrno => S::Errno(errno.unwrap_or(EPERM)),
        LinuxSeccompAction::ScmpActKill | LinuxSeccompAction::ScmpActKillThread => S::KillThread,
        LinuxSeccompAction::ScmpActKillProcess => S::KillProcess,
        LinuxSeccompAction::ScmpActTrap => S::Trap,
        LinuxSeccompAction::ScmpActLog => S::Log,
        other => bail!("seccomp action {other} is not supported by the built-in runtime: use --runtime crun for it"),
    })
}

fn action_json(a: &seccompiler::SeccompAction) -> serde_json::Value {
    use seccompiler::SeccompAction as S;
    match a {
        S::Allow => json!("allow"),
        S::Errno(n) => json!({ "errno": n }),
        S::KillThread => json!("kill_thread"),
        S::KillProcess => json!("kill_process"),
        S::Log => json!("log"),
        S::Trace(n) => json!({ "trace": n }),
        S::Trap => json!("trap"),
    }
}

fn condition(a: &oci_spec::runtime::LinuxSeccompArg) -> serde_json::Value {
    let op = match a.op() {
        LinuxSeccompOperator::ScmpCmpNe => json!("ne"),
        LinuxSeccompOperator::ScmpCmpLt => json!("lt"),
        LinuxSeccompOperator::ScmpCmpLe => json!("le"),
        LinuxSeccompOperator::ScmpCmpEq => json!("eq"),
        LinuxSeccompOperator::ScmpCmpGe => json!("ge"),
        LinuxSeccompOperator::ScmpCmpGt => json!("gt"),
        // OCI: (arg & value) == valueTwo; seccompiler: (arg & mask) == val.
        LinuxSeccompOperator::ScmpCmpMaskedEq => json!({ "masked_eq": a.value() }),
    };
    let value = if a.op() == LinuxSeccompOperator::ScmpCmpMaskedEq { a.value_two().unwrap_or(0) } else { a.value() };
    json!({ "index": a.index(), "type": "qword", "op": op, "val": value })
}

/// Installs the programs on the calling thread. With no_new_privs unset
/// this needs CAP_SYS_ADMIN, so the caller installs them while it has it.
pub fn install(programs: &Programs) -> Result<(), String> {
    for p in programs {
        seccompiler::apply_filter(p).map_err(|e| format!("install the seccomp filter: {e}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &LinuxSeccomp) -> Vec<String> {
        s.syscalls().clone().unwrap_or_default().iter().flat_map(|r| r.names().clone()).collect()
    }

    #[test]
    fn default_profile_denies_what_docker_denies_and_follows_caps() {
        let plain = to_oci(&SeccompChoice::Default, false, &["CHOWN".into()]).unwrap().unwrap();
        let denied = names(&plain);
        for call in ["keyctl", "mount", "unshare", "bpf", "kexec_load", "userfaultfd", "clone"] {
            assert!(denied.contains(&call.to_string()), "{call} denied");
        }
        let admin = to_oci(&SeccompChoice::Default, false, &["SYS_ADMIN".into()]).unwrap().unwrap();
        assert!(!names(&admin).contains(&"mount".to_string()));
        assert!(names(&admin).contains(&"keyctl".to_string()), "the keyring stays closed even with SYS_ADMIN");
        assert!(to_oci(&SeccompChoice::Default, true, &[]).unwrap().is_none(), "privileged is unconfined");
        assert!(to_oci(&SeccompChoice::Unconfined, false, &[]).unwrap().is_none());
    }

    #[test]
    fn docker_profiles_parse_and_unsupported_parts_are_named() {
        let text = r#"{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mkdir","mkdirat"],"action":"SCMP_ACT_ERRNO"},
            {"name":"ptrace","action":"SCMP_ACT_ERRNO","includes":{"caps":["CAP_SYS_PTRACE"]}}]}"#;
        let s = to_oci(&SeccompChoice::Custom(text.into()), false, &[]).unwrap().unwrap();
        assert_eq!(names(&s), ["mkdir", "mkdirat"]);
        let bad = r#"{"defaultAction":"SCMP_ACT_NOTIFY"}"#;
        let err = to_oci(&SeccompChoice::Custom(bad.into()), false, &[]).unwrap_err();
        assert!(err.to_string().contains("SCMP_ACT_NOTIFY"), "{err}");
        assert!(to_oci(&SeccompChoice::Custom("not json".into()), false, &[]).is_err());
    }

    #[test]
    fn profiles_compile_one_filter_per_action() {
        let s = to_oci(&SeccompChoice::Default, false, &[]).unwrap().unwrap();
        assert_eq!(compile(&s).unwrap().len(), 2, "EPERM and ENOSYS");
        let text = r#"{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[{"names":["read","write","no_such_call"],"action":"SCMP_ACT_ALLOW"}]}"#;
        let s = to_oci(&SeccompChoice::Custom(text.into()), false, &[]).unwrap().unwrap();
        assert_eq!(compile(&s).unwrap().len(), 1, "unknown calls are skipped");
    }
}
