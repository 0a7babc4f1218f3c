//! The build args Docker defines without an `ARG` default: the proxy
//! variables and the platform variables of BuildKit.
//!
//! Docker's rules the executor applies with these:
//! - proxy args may be given with `--build-arg` without an `ARG` line, and
//!   are left out of the image's history and cache key unless declared;
//! - platform args are set in the global scope (usable in `FROM`), and in a
//!   stage only after it declares them (`ARG TARGETARCH`).

/// Given with `--build-arg` without an `ARG` line, kept out of history.
pub const PROXY_ARGS: &[&str] = &[
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "FTP_PROXY",
    "ftp_proxy",
    "NO_PROXY",
    "no_proxy",
    "ALL_PROXY",
    "all_proxy",
];

/// `TARGETPLATFORM`, `TARGETOS`, `TARGETARCH`, `TARGETVARIANT` and the
/// `BUILD*` four, from platforms written `os/arch[/variant]`
/// (`linux/amd64`, `linux/arm/v7`). A variant not given is empty.
pub fn platform_args(build: &str, target: &str) -> Vec<(String, String)> {
    let mut args = Vec::with_capacity(8);
    for (prefix, platform) in [("TARGET", target), ("BUILD", build)] {
        let mut parts = platform.splitn(3, '/');
        let os = parts.next().unwrap_or_default();
        let arch = parts.next().unwrap_or_default();
        let variant = parts.next().unwrap_or_default();
        args.push((format!("{prefix}PLATFORM"), platform.to_string()));
        args.push((format!("{prefix}OS"), os.to_string()));
        args.push((format!("{prefix}ARCH"), arch.to_string()));
        args.push((format!("{prefix}VARIANT"), variant.to_string()));
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_args_split_os_arch_and_variant() {
        let got = platform_args("linux/amd64", "linux/arm/v7");
        let want: Vec<(String, String)> = [
            ("TARGETPLATFORM", "linux/arm/v7"),
            ("TARGETOS", "linux"),
            ("TARGETARCH", "arm"),
            ("TARGETVARIANT", "v7"),
            ("BUILDPLATFORM", "linux/amd64"),
            ("BUILDOS", "linux"),
            ("BUILDARCH", "amd64"),
            ("BUILDVARIANT", ""),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(got, want);
        assert!(PROXY_ARGS.contains(&"no_proxy") && PROXY_ARGS.len() == 10);
    }
}
