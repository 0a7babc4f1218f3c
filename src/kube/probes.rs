//! Liveness probes and healthchecks, both ways. A probe's exec command is
//! the check; httpGet and tcpSocket become shell commands run in the
//! container (wget or curl; netcat's or busybox's nc), which works when the image has those
//! tools, as Podman's translation does. Kubernetes' defaults (every 10 s,
//! 1 s timeout, 3 failures) are written out, since Docker's differ.

use anyhow::{bail, Result};

use super::model::{ContainerPort, ExecAction, IntOrString, Probe};
use crate::spec::health::HealthConfig;

const SECOND: u64 = 1_000_000_000;

fn port_of(port: &IntOrString, ports: &[ContainerPort]) -> Result<i64> {
    match port {
        IntOrString::Int(n) => Ok(*n),
        IntOrString::String(name) => match ports.iter().find(|p| p.name.as_deref() == Some(name.as_str())) {
            Some(p) => Ok(p.container_port),
            None => name.parse().map_err(|_| anyhow::anyhow!("port {name:?} names no port of the container: add it to ports with that name")),
        },
    }
}

/// Single-quotes a word for /bin/sh.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The healthcheck a liveness probe asks for.
pub fn to_health(probe: &Probe, ports: &[ContainerPort]) -> Result<HealthConfig> {
    let test = match (&probe.exec, &probe.http_get, &probe.tcp_socket) {
        (Some(exec), None, None) => {
            if exec.command.is_empty() {
                bail!("exec.command is empty: give the command to run");
            }
            let mut t = vec!["CMD".to_string()];
            t.extend(exec.command.iter().cloned());
            t
        }
        (None, Some(http), None) => {
            let scheme = http.scheme.as_deref().unwrap_or("HTTP").to_ascii_lowercase();
            if scheme != "http" && scheme != "https" {
                bail!("httpGet.scheme {scheme:?} is not HTTP or HTTPS");
            }
            let host = http.host.as_deref().unwrap_or("localhost");
            let path = http.path.as_deref().unwrap_or("/");
            let path = if path.starts_with('/') { path.to_string() } else { format!("/{path}") };
            let url = quote(&format!("{scheme}://{host}:{}{path}", port_of(&http.port, ports)?));
            vec!["CMD-SHELL".into(), format!("wget -q -O /dev/null {url} || curl -fsS -o /dev/null {url}")]
        }
        (None, None, Some(tcp)) => {
            let host = tcp.host.as_deref().unwrap_or("localhost");
            // `nc -z` of netcat; busybox's nc has no -z, but connects and
            // exits at once with stdin at its end.
            let (host, port) = (quote(host), port_of(&tcp.port, ports)?);
            vec!["CMD-SHELL".into(), format!("nc -z {host} {port} </dev/null 2>/dev/null || nc -w 1 {host} {port} </dev/null")]
        }
        (None, None, None) => bail!("no handler: give exec, httpGet or tcpSocket"),
        _ => bail!("more than one handler: give only one of exec, httpGet and tcpSocket"),
    };
    let seconds = |n: Option<i64>, default: u64| n.map_or(default, |n| n.max(0) as u64) * SECOND;
    Ok(HealthConfig {
        test,
        interval: seconds(probe.period_seconds, 10),
        timeout: seconds(probe.timeout_seconds, 1),
        start_period: seconds(probe.initial_delay_seconds, 0),
        start_interval: 0,
        retries: probe.failure_threshold.map_or(3, |n| n.max(1) as u32),
    })
}

/// The liveness probe of a container's healthcheck; None when it runs none.
pub fn from_health(check: &HealthConfig) -> Option<Probe> {
    let command = match check.test.first().map(String::as_str) {
        Some("CMD") => check.test[1..].to_vec(),
        Some("CMD-SHELL") => vec!["/bin/sh".into(), "-c".into(), check.test[1..].join(" ")],
        _ => return None,
    };
    let seconds = |d: std::time::Duration| Some((d.as_secs().max(1)) as i64);
    Some(Probe {
        exec: Some(ExecAction { command }),
        http_get: None,
        tcp_socket: None,
        initial_delay_seconds: Some(check.start_period().as_secs() as i64).filter(|s| *s > 0),
        period_seconds: seconds(check.interval()),
        timeout_seconds: seconds(check.timeout()),
        failure_threshold: Some(check.retries() as i64),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kube::model::{HttpGetAction, TcpSocketAction};

    #[test]
    fn probes_become_checks() {
        let probe = Probe { exec: Some(ExecAction { command: vec!["cat".into(), "/ok".into()] }), period_seconds: Some(5), ..Default::default() };
        let h = to_health(&probe, &[]).unwrap();
        assert_eq!(h.test, ["CMD", "cat", "/ok"]);
        assert_eq!((h.interval, h.timeout, h.retries), (5 * SECOND, SECOND, 3));
        let ports = [ContainerPort { name: Some("http".into()), container_port: 8080, ..Default::default() }];
        let probe = Probe { http_get: Some(HttpGetAction { path: Some("/healthz".into()), port: IntOrString::String("http".into()), host: None, scheme: None }), ..Default::default() };
        let h = to_health(&probe, &ports).unwrap();
        assert_eq!(h.test[1], "wget -q -O /dev/null 'http://localhost:8080/healthz' || curl -fsS -o /dev/null 'http://localhost:8080/healthz'");
        let probe = Probe { tcp_socket: Some(TcpSocketAction { port: IntOrString::Int(53), host: None }), ..Default::default() };
        assert_eq!(to_health(&probe, &[]).unwrap().test[1], "nc -z 'localhost' 53 </dev/null 2>/dev/null || nc -w 1 'localhost' 53 </dev/null");
        assert!(to_health(&Probe::default(), &[]).is_err());
    }

    #[test]
    fn checks_become_probes() {
        let check = HealthConfig { test: vec!["CMD-SHELL".into(), "wget -q localhost".into()], interval: 7 * SECOND, ..Default::default() };
        let p = from_health(&check).unwrap();
        assert_eq!(p.exec.unwrap().command, ["/bin/sh", "-c", "wget -q localhost"]);
        assert_eq!((p.period_seconds, p.timeout_seconds, p.failure_threshold), (Some(7), Some(30), Some(3)));
        assert!(from_health(&HealthConfig { test: vec!["NONE".into()], ..Default::default() }).is_none());
    }
}
