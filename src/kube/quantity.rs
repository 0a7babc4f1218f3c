//! Kubernetes resource quantities: memory (`512Mi`, `1G`, `1e9`) to bytes
//! and CPU (`500m`, `1.5`) to billionths of a CPU, and back in the
//! spellings `kubectl` prints.

use anyhow::{bail, Result};

/// Splits `512Mi` into the number and its suffix.
fn split(q: &str) -> (&str, &str) {
    let at = q.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '+' || c == '-')).unwrap_or(q.len());
    q.split_at(at)
}

/// A memory quantity in bytes.
pub fn bytes(q: &str) -> Result<i64> {
    let q = q.trim();
    let (number, suffix) = split(q);
    let value: f64 = number.parse().map_err(|_| anyhow::anyhow!("invalid quantity {q:?}: use a number with an optional suffix such as 512Mi or 1G"))?;
    let factor: f64 = match suffix {
        "" => 1.0,
        "m" => 1e-3,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        "Ki" => 1024.0,
        "Mi" => 1024f64.powi(2),
        "Gi" => 1024f64.powi(3),
        "Ti" => 1024f64.powi(4),
        "Pi" => 1024f64.powi(5),
        "Ei" => 1024f64.powi(6),
        s if s.starts_with(['e', 'E']) => match s[1..].parse::<i32>() {
            Ok(exp) => 10f64.powi(exp),
            Err(_) => bail!("invalid quantity {q:?}: unknown suffix {s:?}"),
        },
        s => bail!("invalid quantity {q:?}: unknown suffix {s:?}; use Ki, Mi, Gi, k, M, G..."),
    };
    let total = (value * factor).ceil();
    if !(0.0..=i64::MAX as f64).contains(&total) {
        bail!("invalid quantity {q:?}: out of range");
    }
    Ok(total as i64)
}

/// A CPU quantity in billionths of a CPU (`500m` is 500_000_000).
pub fn nano_cpus(q: &str) -> Result<i64> {
    let q = q.trim();
    let (number, suffix) = split(q);
    let value: f64 = number.parse().map_err(|_| anyhow::anyhow!("invalid cpu quantity {q:?}: use cores (1, 0.5) or millicores (500m)"))?;
    let cores = match suffix {
        "" => value,
        "m" => value / 1000.0,
        "u" => value / 1e6,
        "n" => value / 1e9,
        s => bail!("invalid cpu quantity {q:?}: unknown suffix {s:?}; use cores (1, 0.5) or millicores (500m)"),
    };
    if cores <= 0.0 {
        bail!("invalid cpu quantity {q:?}: must be more than 0");
    }
    Ok((cores * 1e9).round() as i64)
}

/// Bytes as kubectl would print them: the largest binary unit that divides them.
pub fn format_bytes(n: i64) -> String {
    for (suffix, size) in [("Ti", 1i64 << 40), ("Gi", 1 << 30), ("Mi", 1 << 20), ("Ki", 1 << 10)] {
        if n >= size && n % size == 0 {
            return format!("{}{suffix}", n / size);
        }
    }
    n.to_string()
}

/// Billionths of a CPU as cores or millicores.
pub fn format_cpus(nanos: i64) -> String {
    if nanos % 1_000_000_000 == 0 {
        (nanos / 1_000_000_000).to_string()
    } else {
        format!("{}m", (nanos + 999_999) / 1_000_000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_read_as_kubernetes_reads_them() {
        assert_eq!(bytes("512Mi").unwrap(), 512 << 20);
        assert_eq!(bytes("1G").unwrap(), 1_000_000_000);
        assert_eq!(bytes("128974848").unwrap(), 128_974_848);
        assert_eq!(bytes("129e6").unwrap(), 129_000_000);
        assert!(bytes("12XB").is_err());
        assert_eq!(nano_cpus("500m").unwrap(), 500_000_000);
        assert_eq!(nano_cpus("1.5").unwrap(), 1_500_000_000);
        assert_eq!(nano_cpus("2").unwrap(), 2_000_000_000);
        assert!(nano_cpus("0").is_err());
    }

    #[test]
    fn quantities_print_as_kubectl_prints_them() {
        assert_eq!(format_bytes(512 << 20), "512Mi");
        assert_eq!(format_bytes(1_000_000_000), "1000000000");
        assert_eq!(format_cpus(1_500_000_000), "1500m");
        assert_eq!(format_cpus(2_000_000_000), "2");
        assert_eq!(format_cpus(500_000_000), "500m");
    }
}
