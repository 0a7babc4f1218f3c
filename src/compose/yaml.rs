//! Reading a Compose file: YAML errors with file, line and column; anchors
//! and `<<` merge keys resolved; unknown service keys found in the text,
//! where the parser still knows their line and column.

use std::cell::RefCell;
use std::fmt;
use std::path::Path;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_yaml_ng::Value;

use super::error::ComposeError;
use super::model;

/// Parses one file into a YAML tree, checking its service keys.
pub fn parse(file: &Path, text: &str) -> Result<Value, ComposeError> {
    let located = |e: serde_yaml_ng::Error| match e.location() {
        Some(l) => ComposeError::Yaml { file: file.to_path_buf(), line: l.line(), column: l.column(), message: strip_location(&e.to_string()) },
        None => ComposeError::InvalidFile { file: file.to_path_buf(), message: e.to_string() },
    };
    let mut value: Value = if text.trim().is_empty() { Value::Null } else { serde_yaml_ng::from_str(text).map_err(located)? };
    value.apply_merge().map_err(located)?;
    match &value {
        Value::Mapping(_) => {}
        Value::Null => return Err(ComposeError::InvalidFile { file: file.to_path_buf(), message: "the file is empty: a Compose file is a mapping with services".into() }),
        _ => return Err(ComposeError::InvalidFile { file: file.to_path_buf(), message: "the top level must be a mapping (services:, volumes:, ...)".into() }),
    }
    check_service_keys(file, text)?;
    Ok(value)
}

/// serde_yaml_ng puts " at line L column C" in its messages; we print
/// `file:L:C:` first instead.
fn strip_location(message: &str) -> String {
    let Some(i) = message.find(" at line ") else { return message.to_string() };
    let rest = &message[i + " at line ".len()..];
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.strip_prefix(" column ").map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit())).unwrap_or(rest);
    format!("{}{rest}", &message[..i])
}

/// Walks `services.*` keys in the text; the first key that is not a
/// service field (nor `x-*`, nor a `<<` merge) is an error at its position.
fn check_service_keys(file: &Path, text: &str) -> Result<(), ComposeError> {
    let found: RefCell<Option<(String, String)>> = RefCell::new(None);
    let result = Top { found: &found }.deserialize(serde_yaml_ng::Deserializer::from_str(text));
    match (result, found.into_inner()) {
        (Err(e), Some((service, key))) => Err(ComposeError::UnknownServiceKey {
            file: file.to_path_buf(),
            line: e.location().map(|l| l.line()),
            column: e.location().map(|l| l.column()),
            service,
            key,
        }),
        // The tree parsed already; other failures here are the checker's shape
        // assumptions (e.g. services not a mapping), reported by typing later.
        _ => Ok(()),
    }
}

type Found<'a> = &'a RefCell<Option<(String, String)>>;

struct Top<'a> {
    found: Found<'a>,
}

impl<'de> DeserializeSeed<'de> for Top<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Value>()? {
            if key.as_str() == Some("services") {
                map.next_value_seed(Services { found: self.found })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct Services<'a> {
    found: Found<'a>,
}

impl<'de> DeserializeSeed<'de> for Services<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Services<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping of services")
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(name) = map.next_key::<Value>()? {
            let name = super::flex::scalar(&name).unwrap_or_default();
            map.next_value_seed(ServiceKeys { found: self.found, service: name })?;
        }
        Ok(())
    }
}

struct ServiceKeys<'a> {
    found: Found<'a>,
    service: String,
}

impl<'de> DeserializeSeed<'de> for ServiceKeys<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ServiceKeys<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a service mapping")
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(Key { found: self.found, service: &self.service })?.is_some() {
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }
}

/// One key of a service, checked as the parser reads it so that the
/// error carries the key's own line and column.
struct Key<'a> {
    found: Found<'a>,
    service: &'a str,
}

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a service key")
    }
    fn visit_str<E: de::Error>(self, key: &str) -> Result<(), E> {
        let known = model::service_keys().contains(&key) || model::LOADER_SERVICE_KEYS.contains(&key);
        if known || key.starts_with("x-") || key == "<<" {
            return Ok(());
        }
        *self.found.borrow_mut() = Some((self.service.to_string(), key.to_string()));
        Err(E::custom(format!("unknown key {key}")))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
}

/// The field names serde derived for a struct: a deserializer that only
/// records what `deserialize_struct` is told, then stops.
pub fn struct_fields<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    struct Catcher<'a>(&'a mut &'static [&'static str]);
    impl<'de> Deserializer<'de> for Catcher<'_> {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(self, _: &'static str, fields: &'static [&'static str], _: V) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("fields recorded"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Catcher(&mut fields));
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_name_file_line_and_column() {
        let err = parse(Path::new("/p/compose.yaml"), "services:\n  web:\n    image: [unclosed\n").unwrap_err();
        match &err {
            ComposeError::Yaml { line, column, .. } => assert!(*line >= 3 && *column > 0, "{err}"),
            other => panic!("not a YAML error: {other:?}"),
        }
        assert!(err.to_string().starts_with("/p/compose.yaml:"), "{err}");
        // The location is said once, in front (the parser's context may follow).
        assert!(!err.to_string().contains(" at line 4 column 1"), "{err}");
    }

    #[test]
    fn an_unknown_service_key_is_located() {
        let text = "services:\n  web:\n    image: busybox\n    imagee: typo\n";
        let err = parse(Path::new("c.yaml"), text).unwrap_err();
        assert_eq!(err.to_string(), "c.yaml:4:5: service \"web\" has an unknown key \"imagee\": remove it or check its spelling");
    }

    #[test]
    fn extensions_and_merge_keys_are_allowed() {
        let text = "x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: busybox\n    x-note: hi\n";
        let v = parse(Path::new("c.yaml"), text).unwrap();
        assert_eq!(v["services"]["web"]["restart"].as_str(), Some("always"));
    }

    #[test]
    fn the_service_key_list_is_the_structs() {
        let keys = model::service_keys();
        for k in ["image", "build", "depends_on", "healthcheck", "deploy", "ulimits", "tty", "use_api_socket"] {
            assert!(keys.contains(&k), "{k}");
        }
        assert!(!keys.contains(&"name"));
    }

    #[test]
    fn a_file_must_be_a_mapping() {
        assert!(parse(Path::new("c.yaml"), "").is_err());
        assert!(parse(Path::new("c.yaml"), "- a\n").is_err());
    }
}
