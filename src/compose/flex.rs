//! Deserializers for values that Compose lets a file write in more than one
//! shape. Interpolation turns `replicas: ${N}` into the string "3", so every
//! number and boolean also accepts a string; lists accept a single string;
//! `list_or_dict` accepts both `["K=V"]` and `{K: V}`. Each function returns
//! the one typed form consumers see.

use std::collections::BTreeMap;
use std::fmt::Display;
use std::str::FromStr;

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serializer};
use serde_yaml_ng::Value;

/// A scalar as Compose reads it into a string: strings as they are,
/// numbers and booleans in their YAML spelling; `None` for anything else.
pub fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(t) => scalar(&t.value),
        _ => None,
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

/// Parses a boolean written as YAML or as a string ("true", "yes", "1").
pub fn parse_bool(v: &Value) -> Result<bool, String> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::String(s) => match s.to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "on" | "1" => Ok(true),
            "false" | "no" | "n" | "off" | "0" | "" => Ok(false),
            _ => Err(format!("{s:?} is not a boolean (write true or false)")),
        },
        other => Err(format!("expected a boolean, found {}", kind(other))),
    }
}

/// Parses a value of type `T` that may have become a string through
/// interpolation (`retries: ${RETRIES}`).
pub fn parse_from<T>(v: Value) -> Result<T, String>
where
    T: FromStr + DeserializeOwned,
    T::Err: Display,
{
    match v {
        Value::String(s) => s.trim().parse::<T>().map_err(|e| format!("{s:?}: {e}")),
        other => serde_yaml_ng::from_value(other).map_err(|e| e.to_string()),
    }
}

pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let v = Value::deserialize(d)?;
    scalar(&v).ok_or_else(|| D::Error::custom(format!("expected a string, found {}", kind(&v))))
}

pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let v = Value::deserialize(d)?;
    if v.is_null() {
        return Ok(None);
    }
    scalar(&v).map(Some).ok_or_else(|| D::Error::custom(format!("expected a string, found {}", kind(&v))))
}

pub fn bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    let v = Value::deserialize(d)?;
    if v.is_null() {
        return Ok(false);
    }
    parse_bool(&v).map_err(D::Error::custom)
}

pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    let v = Value::deserialize(d)?;
    if v.is_null() {
        return Ok(None);
    }
    parse_bool(&v).map(Some).map_err(D::Error::custom)
}

/// A number (or a string holding one), for `Option<u64>`, `Option<i64>`...
pub fn opt_num<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr + DeserializeOwned,
    T::Err: Display,
{
    let v = Value::deserialize(d)?;
    if v.is_null() {
        return Ok(None);
    }
    parse_from(v).map(Some).map_err(D::Error::custom)
}

/// A string or a list of strings, as one list (`dns: 8.8.8.8`).
pub fn string_or_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let v = Value::deserialize(d)?;
    to_list(&v).map_err(D::Error::custom)
}

pub fn to_list(v: &Value) -> Result<Vec<String>, String> {
    match v {
        Value::Null => Ok(Vec::new()),
        Value::Sequence(items) => items
            .iter()
            .map(|i| scalar(i).ok_or_else(|| format!("list items must be strings, found {}", kind(i))))
            .collect(),
        other => scalar(other).map(|s| vec![s]).ok_or_else(|| format!("expected a string or a list, found {}", kind(other))),
    }
}

/// Compose's `list_or_dict` where a key may have no value:
/// `["A=1", "B"]` or `{A: 1, B: null}`. `B` without a value stays `None`.
pub fn dict_opt<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Option<String>>, D::Error> {
    let v = Value::deserialize(d)?;
    to_dict(&v, '=').map_err(D::Error::custom)
}

/// `list_or_dict` where every key has a value (labels, sysctls):
/// a key without one gets the empty string, as Compose gives it.
pub fn dict<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(to_dict(&v, '=').map_err(D::Error::custom)?.into_iter().map(|(k, v)| (k, v.unwrap_or_default())).collect())
}

pub fn to_dict(v: &Value, sep: char) -> Result<BTreeMap<String, Option<String>>, String> {
    let mut out = BTreeMap::new();
    match v {
        Value::Null => {}
        Value::Sequence(items) => {
            for item in items {
                let s = scalar(item).ok_or_else(|| format!("list items must be \"KEY{sep}VALUE\" strings, found {}", kind(item)))?;
                match s.split_once(sep) {
                    Some((k, val)) => out.insert(k.to_string(), Some(val.to_string())),
                    None => out.insert(s, None),
                };
            }
        }
        Value::Mapping(map) => {
            for (k, val) in map {
                let key = scalar(k).ok_or_else(|| format!("keys must be strings, found {}", kind(k)))?;
                let value = match val {
                    Value::Null => None,
                    other => Some(scalar(other).ok_or_else(|| format!("the value of {key} must be a string, found {}", kind(other)))?),
                };
                out.insert(key, value);
            }
        }
        other => return Err(format!("expected a list or a mapping, found {}", kind(other))),
    }
    Ok(out)
}

/// A mapping whose values may be null (`volumes: {data:}`): null is the
/// default value.
pub fn map_null_default<'de, D, T>(d: D) -> Result<BTreeMap<String, T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    let raw: Option<BTreeMap<String, Option<T>>> = Option::deserialize(d)?;
    Ok(raw.unwrap_or_default().into_iter().map(|(k, v)| (k, v.unwrap_or_default())).collect())
}

/// Serializes an `Option<u32>` file mode in octal, as users write it.
pub fn ser_mode<S: Serializer>(mode: &Option<u32>, s: S) -> Result<S::Ok, S::Error> {
    match mode {
        Some(m) => s.serialize_str(&format!("0{m:o}")),
        None => s.serialize_none(),
    }
}

/// A file mode: an octal string ("0440") or a number. YAML reads `0440`
/// as the decimal 440, so a number whose digits are all octal is read as
/// octal too, which is what the writer meant.
pub fn opt_mode<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let v = Value::deserialize(d)?;
    let text = match &v {
        Value::Null => return Ok(None),
        other => scalar(other).ok_or_else(|| D::Error::custom("a mode must be an octal number such as 0440"))?,
    };
    let digits = text.trim_start_matches("0o");
    u32::from_str_radix(digits, 8).map(Some).map_err(|_| D::Error::custom(format!("mode {text:?} is not an octal number such as 0440")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(s: &str) -> Value {
        serde_yaml_ng::from_str(s).unwrap()
    }

    #[test]
    fn list_or_dict_become_one_map() {
        let from_list = to_dict(&yaml("[A=1, B, 'C=x=y']"), '=').unwrap();
        let from_map = to_dict(&yaml("{A: 1, B: null, C: x=y}"), '=').unwrap();
        assert_eq!(from_list, from_map);
        assert_eq!(from_list["A"].as_deref(), Some("1"));
        assert_eq!(from_list["B"], None);
        assert_eq!(from_list["C"].as_deref(), Some("x=y"));
    }

    #[test]
    fn scalars_of_every_kind_are_strings() {
        let m = to_dict(&yaml("{N: 3, F: 1.5, T: true}"), '=').unwrap();
        assert_eq!((m["N"].as_deref(), m["F"].as_deref(), m["T"].as_deref()), (Some("3"), Some("1.5"), Some("true")));
    }

    #[test]
    fn interpolated_numbers_and_booleans_parse() {
        assert_eq!(parse_from::<u64>(Value::String("3".into())), Ok(3));
        assert_eq!(parse_from::<u64>(yaml("3")), Ok(3));
        assert!(parse_from::<u64>(Value::String("x".into())).is_err());
        assert_eq!(parse_bool(&Value::String("true".into())), Ok(true));
        assert_eq!(parse_bool(&yaml("false")), Ok(false));
        assert!(parse_bool(&Value::String("maybe".into())).is_err());
    }

    #[test]
    fn a_single_string_is_a_list_of_one() {
        assert_eq!(to_list(&yaml("8.8.8.8")).unwrap(), ["8.8.8.8"]);
        assert_eq!(to_list(&yaml("[a, b]")).unwrap(), ["a", "b"]);
    }
}
