//! Durations, byte sizes and command lines as Compose files write them:
//! `1m30s` (Go's duration syntax), `512m`, and `command: echo "a b"`
//! split into words the way a shell would.

use std::fmt;
use std::time::Duration as StdDuration;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_yaml_ng::Value;

use super::flex;

/// A duration as Compose writes it (`1m30s`, `10s`, `500ms`); printed
/// back the same way (Go's `time.Duration` format).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration(pub StdDuration);

impl Duration {
    pub fn parse(text: &str) -> Result<Duration, String> {
        let s = text.trim();
        let bad = || format!("invalid duration {text:?}: write it as 1m30s, 10s or 500ms");
        if s.is_empty() {
            return Err(bad());
        }
        if s == "0" {
            return Ok(Duration(StdDuration::ZERO));
        }
        let mut total = 0f64;
        let mut rest = s;
        while !rest.is_empty() {
            let num_len = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
            if num_len == 0 {
                return Err(bad());
            }
            let value: f64 = rest[..num_len].parse().map_err(|_| bad())?;
            rest = &rest[num_len..];
            let unit_len = rest.find(|c: char| c.is_ascii_digit() || c == '.').unwrap_or(rest.len());
            let nanos_per = match &rest[..unit_len] {
                "ns" => 1e0,
                "us" | "µs" => 1e3,
                "ms" => 1e6,
                "s" => 1e9,
                "m" => 60e9,
                "h" => 3600e9,
                _ => return Err(bad()),
            };
            rest = &rest[unit_len..];
            total += value * nanos_per;
        }
        Ok(Duration(StdDuration::from_nanos(total.round() as u64)))
    }
}

impl fmt::Display for Duration {
    /// Go's format: `1h2m3s`, `1m30s`, `1.5s`, `500ms`, `0s`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let nanos = self.0.as_nanos();
        if nanos == 0 {
            return f.write_str("0s");
        }
        if nanos < 1_000_000_000 {
            let (value, unit) = match nanos {
                n if n < 1_000 => (n as f64, "ns"),
                n if n < 1_000_000 => (n as f64 / 1e3, "µs"),
                n => (n as f64 / 1e6, "ms"),
            };
            return write!(f, "{}{unit}", trim_float(value));
        }
        let hours = nanos / 3_600_000_000_000;
        let minutes = (nanos / 60_000_000_000) % 60;
        let seconds = (nanos % 60_000_000_000) as f64 / 1e9;
        if hours > 0 {
            write!(f, "{hours}h{minutes}m")?;
        } else if minutes > 0 {
            write!(f, "{minutes}m")?;
        }
        write!(f, "{}s", trim_float(seconds))
    }
}

fn trim_float(v: f64) -> String {
    let s = format!("{v:.9}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            // A bare number is seconds, as the Compose CLI reads `stop_grace_period: 10`.
            Value::Number(n) => n.as_f64().map(|s| Duration(StdDuration::from_secs_f64(s.max(0.0)))).ok_or_else(|| D::Error::custom("invalid duration")),
            other => {
                let text = flex::scalar(&other).ok_or_else(|| D::Error::custom("a duration must be a string such as 1m30s"))?;
                Duration::parse(&text).map_err(D::Error::custom)
            }
        }
    }
}

/// Parses a byte size as Docker does: `1024`, `512m`, `1.5g`, `64k`, `2gb`
/// (binary multiples; the `b` is optional).
pub fn parse_bytes(text: &str) -> Result<u64, String> {
    let s = text.trim().to_ascii_lowercase();
    let bad = || format!("invalid size {text:?}: write a number of bytes or one with a unit, such as 512m or 1g");
    let split = s.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let value: f64 = num.parse().map_err(|_| bad())?;
    let multiplier: u64 = match unit.trim() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        "t" | "tb" | "tib" => 1 << 40,
        "p" | "pb" | "pib" => 1 << 50,
        _ => return Err(bad()),
    };
    Ok((value * multiplier as f64) as u64)
}

/// `Option<u64>` bytes from `512m`, `"1g"` or a plain number.
pub fn opt_bytes<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        Value::Number(n) => n.as_u64().map(Some).ok_or_else(|| D::Error::custom("a size must be a positive number of bytes")),
        other => {
            let text = flex::scalar(&other).ok_or_else(|| D::Error::custom("a size must be a number or a string such as 512m"))?;
            parse_bytes(&text).map(Some).map_err(D::Error::custom)
        }
    }
}

/// Splits a command line into words as a POSIX shell would (quotes and
/// backslashes), without expanding anything: Compose runs a string
/// `command:` as these words, not through `sh -c`.
pub fn split_words(line: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(ch) => word.push(ch),
                        None => return Err(format!("unterminated ' quote in {line:?}")),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(ch @ ('"' | '\\' | '$' | '`')) => word.push(ch),
                            Some('\n') => {}
                            Some(ch) => {
                                word.push('\\');
                                word.push(ch);
                            }
                            None => return Err(format!("unterminated \" quote in {line:?}")),
                        },
                        Some(ch) => word.push(ch),
                        None => return Err(format!("unterminated \" quote in {line:?}")),
                    }
                }
            }
            '\\' => {
                in_word = true;
                match chars.next() {
                    Some('\n') | None => {}
                    Some(ch) => word.push(ch),
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

/// `command:` / `entrypoint:`: a string (split into words) or a list.
pub fn opt_command<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        list @ Value::Sequence(_) => flex::to_list(&list).map(Some).map_err(D::Error::custom),
        other => {
            let text = flex::scalar(&other).ok_or_else(|| D::Error::custom("expected a string or a list of strings"))?;
            split_words(&text).map(Some).map_err(D::Error::custom)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_as_compose_writes_them() {
        assert_eq!(Duration::parse("1m30s").unwrap().0, StdDuration::from_secs(90));
        assert_eq!(Duration::parse("10s").unwrap().0, StdDuration::from_secs(10));
        assert_eq!(Duration::parse("500ms").unwrap().0, StdDuration::from_millis(500));
        assert_eq!(Duration::parse("1.5s").unwrap().0, StdDuration::from_millis(1500));
        assert_eq!(Duration::parse("1h2m3s").unwrap().0, StdDuration::from_secs(3723));
        assert_eq!(Duration::parse("0").unwrap().0, StdDuration::ZERO);
        for bad in ["", "10", "1x", "s", "1m30"] {
            assert!(Duration::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn durations_print_as_go_does() {
        for (text, printed) in [("90s", "1m30s"), ("10s", "10s"), ("500ms", "500ms"), ("1h", "1h0m0s"), ("1.5s", "1.5s"), ("0s", "0s")] {
            assert_eq!(Duration::parse(text).unwrap().to_string(), printed, "{text}");
        }
    }

    #[test]
    fn byte_sizes_use_binary_units() {
        assert_eq!(parse_bytes("512m"), Ok(512 << 20));
        assert_eq!(parse_bytes("1G"), Ok(1 << 30));
        assert_eq!(parse_bytes("64kb"), Ok(64 << 10));
        assert_eq!(parse_bytes("1024"), Ok(1024));
        assert_eq!(parse_bytes("1.5g"), Ok(3 << 29));
        assert!(parse_bytes("lots").is_err());
    }

    #[test]
    fn commands_split_like_a_shell() {
        assert_eq!(split_words(r#"echo "a b" 'c d' e\ f"#).unwrap(), ["echo", "a b", "c d", "e f"]);
        assert_eq!(split_words(r#"sh -c "echo \"hi\" $HOME""#).unwrap(), ["sh", "-c", "echo \"hi\" $HOME"]);
        assert_eq!(split_words("  ").unwrap(), Vec::<String>::new());
        assert_eq!(split_words("''").unwrap(), [""]);
        assert!(split_words("echo 'oops").is_err());
    }
}
