//! The container's environment as asked for: `--env-file` parsing and the
//! PATH a container gets when neither the image nor the user sets one.

use anyhow::{bail, Result};

/// PATH when neither the image nor the user sets one (Docker's default).
pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// Parses an `--env-file`: `KEY=VALUE` lines, `KEY` alone to pass the
/// caller's value, blank lines and `#` comments ignored.
pub fn parse_env_file(text: &str, file: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let key = line.split_once('=').map(|(k, _)| k).unwrap_or(line);
        if key.is_empty() || key.contains(char::is_whitespace) {
            bail!("{file}:{}: invalid variable name {key:?}: lines must be KEY=VALUE", n + 1);
        }
        out.push(line.to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_files_parse() {
        let env = parse_env_file("# c\nA=1\n\nB\n", "f").unwrap();
        assert_eq!(env, ["A=1", "B"]);
        assert!(parse_env_file("BAD KEY=1", "f").is_err());
    }
}
