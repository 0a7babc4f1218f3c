//! Reading a manifest file: its YAML documents (`---` between them), each
//! typed by its `kind`, with errors that name the file, the line and the
//! field's path. serde_yaml_ng's own messages carry the path of a field it
//! could not type (`spec.containers[0].ports[0].containerPort: invalid
//! type...`); for the checks made after typing (a missing image, an
//! unknown kind) [`locate`] walks the text again to find the field's line.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_yaml_ng::Value;

use super::error::KubeError;
use super::model::Object;

/// One segment of a field path.
#[derive(Clone, Debug, PartialEq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// `spec.containers[0].image`, as Kubernetes' own errors spell it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldPath(pub Vec<Seg>);

impl FieldPath {
    pub fn key(&self, k: &str) -> FieldPath {
        let mut p = self.clone();
        p.0.push(Seg::Key(k.to_string()));
        p
    }

    pub fn index(&self, i: usize) -> FieldPath {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }

    /// Parses the dotted spelling back (`spec.containers[0].image`).
    pub fn parse(text: &str) -> FieldPath {
        let mut out = Vec::new();
        for part in text.split('.').filter(|p| !p.is_empty()) {
            let (name, rest) = part.split_once('[').map_or((part, ""), |(n, r)| (n, r));
            if !name.is_empty() {
                out.push(Seg::Key(name.to_string()));
            }
            for index in rest.split('[').map(|i| i.trim_end_matches(']')) {
                if let Ok(i) = index.parse() {
                    out.push(Seg::Index(i));
                }
            }
        }
        FieldPath(out)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A document of the file: where it is, its tree, and its typed object.
#[derive(Clone, Debug)]
pub struct Document {
    /// Its position among the file's documents (empty ones count too).
    pub index: usize,
    pub value: Value,
    pub object: Object,
}

/// The kinds `kube play` reads, for the unknown-kind error.
pub const KINDS: &str = "Pod, Deployment, DaemonSet, Job, ConfigMap, Secret, PersistentVolumeClaim and Service";

/// Reads every document of `text`; empty documents are skipped. The whole
/// file is read before anything is made, so one bad document stops it all.
pub fn read(file: &str, text: &str) -> Result<Vec<Document>, KubeError> {
    let mut out = Vec::new();
    for (index, doc) in serde_yaml_ng::Deserializer::from_str(text).enumerate() {
        let value = Value::deserialize(doc).map_err(|e| syntax(file, &e))?;
        if value.is_null() {
            continue;
        }
        let at = |path: &str, message: String| KubeError::at(file, locate(text, index, &FieldPath::parse(path)), "", path, message);
        let Value::Mapping(map) = &value else {
            return Err(at("", "a document must be a mapping with apiVersion, kind and metadata".into()));
        };
        let kind = match map.get("kind") {
            Some(Value::String(k)) => k.clone(),
            Some(_) => return Err(at("kind", "must be a string".into())),
            None => return Err(at("", format!("kind is missing: give one of {KINDS}"))),
        };
        let typed = |e: serde_yaml_ng::Error| syntax(file, &e);
        let doc = || serde_yaml_ng::Deserializer::from_str(text).nth(index);
        let Some(de) = doc() else { continue };
        let object = match kind.as_str() {
            "Pod" => Object::Pod(Deserialize::deserialize(de).map_err(typed)?),
            "Deployment" | "DaemonSet" | "Job" => Object::Workload(Deserialize::deserialize(de).map_err(typed)?),
            "ConfigMap" => Object::ConfigMap(Deserialize::deserialize(de).map_err(typed)?),
            "Secret" => Object::Secret(Deserialize::deserialize(de).map_err(typed)?),
            "PersistentVolumeClaim" => Object::Claim(Deserialize::deserialize(de).map_err(typed)?),
            "Service" => Object::Service(Deserialize::deserialize(de).map_err(typed)?),
            other => return Err(at("kind", format!("unknown kind {other:?}: pontoon plays {KINDS}"))),
        };
        out.push(Document { index, value, object });
    }
    Ok(out)
}

fn syntax(file: &str, e: &serde_yaml_ng::Error) -> KubeError {
    let location = e.location().map(|l| (l.line(), l.column()));
    KubeError::at(file, location, "", "", strip_location(&e.to_string()))
}

/// serde_yaml_ng ends its messages with " at line L column C"; the
/// location is printed first instead.
fn strip_location(message: &str) -> String {
    let Some(i) = message.find(" at line ") else { return message.to_string() };
    let rest = &message[i + " at line ".len()..];
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.strip_prefix(" column ").map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit())).unwrap_or(rest);
    format!("{}{rest}", &message[..i])
}

/// The line and column of the node at `path` in document `index`, or of
/// the deepest part of the path that exists (a missing `image` is shown
/// at its container). Found by walking the text with a visitor that stops
/// (with an error, which carries the parser's position) at the node.
pub fn locate(text: &str, index: usize, path: &FieldPath) -> Option<(usize, usize)> {
    let doc = serde_yaml_ng::Deserializer::from_str(text).nth(index)?;
    match (Walk { path: &path.0 }).deserialize(doc) {
        Err(e) => e.location().map(|l| (l.line(), l.column())),
        Ok(()) => None,
    }
}

struct Walk<'a> {
    path: &'a [Seg],
}

const FOUND: &str = "found";

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any node")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((Seg::Key(want), rest)) = self.path.split_first() else {
            return Err(de::Error::custom(FOUND));
        };
        while let Some(key) = map.next_key::<Value>()? {
            if key.as_str() == Some(want.as_str()) {
                return map.next_value_seed(Walk { path: rest });
            }
            map.next_value::<IgnoredAny>()?;
        }
        // The key is absent: its mapping is the nearest place.
        Err(de::Error::custom(FOUND))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((Seg::Index(want), rest)) = self.path.split_first() else {
            return Err(de::Error::custom(FOUND));
        };
        let mut i = 0;
        loop {
            if i == *want {
                return match seq.next_element_seed(Walk { path: rest })? {
                    Some(()) => Ok(()),
                    None => Err(de::Error::custom(FOUND)),
                };
            }
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Err(de::Error::custom(FOUND));
            }
            i += 1;
        }
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  A: b\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: busybox\n  - name: b\n    command: [sh]\n";

    #[test]
    fn documents_are_typed_by_kind() {
        let docs = read("f.yaml", TWO).unwrap();
        assert_eq!(docs.len(), 2);
        assert!(matches!(docs[0].object, Object::ConfigMap(_)));
        let Object::Pod(pod) = &docs[1].object else { panic!("not a pod") };
        assert_eq!(pod.spec.containers[1].name, "b");
    }

    #[test]
    fn a_field_is_located_in_its_own_document() {
        assert_eq!(locate(TWO, 1, &FieldPath::parse("spec.containers[1]")).map(|l| l.0), Some(16));
        assert_eq!(locate(TWO, 1, &FieldPath::parse("spec.containers[1].image")).map(|l| l.0), Some(16), "absent: at its container");
        assert_eq!(locate(TWO, 1, &FieldPath::parse("spec.containers[0].image")).map(|l| l.0), Some(15));
        assert_eq!(locate(TWO, 0, &FieldPath::parse("kind")).map(|l| l.0), Some(2));
        assert_eq!(FieldPath::parse("spec.containers[1].image").to_string(), "spec.containers[1].image");
    }

    #[test]
    fn errors_name_the_line_and_the_field() {
        let e = read("f.yaml", "apiVersion: v1\nkind: Gizmo\nmetadata:\n  name: x\n").unwrap_err().to_string();
        assert!(e.starts_with("f.yaml:2:") && e.contains("kind: unknown kind \"Gizmo\""), "{e}");
        let e = read("f.yaml", "kind: Pod\nspec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: http\n").unwrap_err().to_string();
        assert!(e.starts_with("f.yaml:6:") && e.contains("spec.containers[0].ports[0].containerPort"), "{e}");
        let e = read("f.yaml", "kind: Pod\nspec: [\n").unwrap_err().to_string();
        assert!(e.starts_with("f.yaml:"), "{e}");
    }
}
