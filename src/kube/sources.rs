//! ConfigMaps and Secrets as `kube play` uses them: the values of
//! environment variables (`env[].valueFrom`, `envFrom`) and the files of
//! `configMap` and `secret` volumes. Secret `data` is base64, as in the
//! API; `stringData` is plain and wins over `data`, as the API server
//! merges them.

use std::collections::BTreeMap;

use base64::Engine as _;

use super::model::{ConfigMap, Container, KeyToPath, Secret};
use super::yaml::FieldPath;

/// A failure at a field of the document being planned.
pub type Fail = (FieldPath, String);

/// Every ConfigMap and Secret that pods of the file may use, by name.
#[derive(Default)]
pub struct Sources {
    pub config_maps: BTreeMap<String, BTreeMap<String, Vec<u8>>>,
    pub secrets: BTreeMap<String, BTreeMap<String, Vec<u8>>>,
}

fn decode(value: &str) -> Option<Vec<u8>> {
    let compact: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    base64::engine::general_purpose::STANDARD.decode(compact).ok()
}

/// Kubernetes' rule for ConfigMap and Secret keys, which become file
/// names: letters, digits, `-`, `_` and `.`, never `.` or `..` alone (a
/// key is never a path that leaves the volume).
fn check_key(field: &str, key: &str) -> Result<(), Fail> {
    let ok = !key.is_empty() && key != "." && key != ".." && key.len() <= 253 && key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err((FieldPath::default().key(field).key(key), "is not a valid key: use letters, digits, -, _ and .".into()))
    }
}

impl Sources {
    pub fn add_config_map(&mut self, cm: &ConfigMap) -> Result<(), Fail> {
        for k in cm.data.keys() {
            check_key("data", k)?;
        }
        for k in cm.binary_data.keys() {
            check_key("binaryData", k)?;
        }
        let mut values: BTreeMap<String, Vec<u8>> = cm.data.iter().map(|(k, v)| (k.clone(), v.clone().into_bytes())).collect();
        for (k, v) in &cm.binary_data {
            let bytes = decode(v).ok_or_else(|| (FieldPath::default().key("binaryData").key(k), "is not valid base64".to_string()))?;
            values.insert(k.clone(), bytes);
        }
        self.config_maps.insert(cm.metadata.name.clone().unwrap_or_default(), values);
        Ok(())
    }

    pub fn add_secret(&mut self, s: &Secret) -> Result<(), Fail> {
        for k in s.data.keys() {
            check_key("data", k)?;
        }
        for k in s.string_data.keys() {
            check_key("stringData", k)?;
        }
        let mut values = BTreeMap::new();
        for (k, v) in &s.data {
            let bytes = decode(v).ok_or_else(|| (FieldPath::default().key("data").key(k), "is not valid base64: a Secret's data is base64 (use stringData for plain text)".to_string()))?;
            values.insert(k.clone(), bytes);
        }
        for (k, v) in &s.string_data {
            values.insert(k.clone(), v.clone().into_bytes());
        }
        self.secrets.insert(s.metadata.name.clone().unwrap_or_default(), values);
        Ok(())
    }

    fn lookup(&self, secret: bool, name: &str) -> Option<&BTreeMap<String, Vec<u8>>> {
        if secret { self.secrets.get(name) } else { self.config_maps.get(name) }
    }

    /// The files of a configMap or secret volume: every key, or the
    /// `items` asked for under their paths. None for a missing optional one.
    pub fn files(&self, secret: bool, name: &str, items: &[KeyToPath], optional: bool, at: &FieldPath) -> Result<Option<BTreeMap<String, Vec<u8>>>, Fail> {
        let what = if secret { "Secret" } else { "ConfigMap" };
        let Some(values) = self.lookup(secret, name) else {
            if optional {
                return Ok(None);
            }
            return Err((at.clone(), format!("no {what} {name:?} in the file (or --configmap): add it, or mark the volume optional")));
        };
        if items.is_empty() {
            return Ok(Some(values.clone()));
        }
        let mut out = BTreeMap::new();
        for (i, item) in items.iter().enumerate() {
            let value = values.get(&item.key).ok_or_else(|| (at.key("items").index(i).key("key"), format!("{what} {name:?} has no key {:?}", item.key)))?;
            if item.path.starts_with('/') || item.path.split('/').any(|p| p == "..") {
                return Err((at.key("items").index(i).key("path"), format!("{:?} must be a relative path without ..", item.path)));
            }
            out.insert(item.path.clone(), value.clone());
        }
        Ok(Some(out))
    }

    /// The container's environment, `envFrom` first and `env` after it
    /// (so `env` wins), with `$(VAR)` references expanded as Kubernetes does.
    pub fn env(&self, c: &Container, at: &FieldPath) -> Result<Vec<(String, String)>, Fail> {
        let mut out: Vec<(String, String)> = Vec::new();
        let set = |out: &mut Vec<(String, String)>, k: String, v: String| {
            out.retain(|(existing, _)| *existing != k);
            out.push((k, v));
        };
        for (i, from) in c.env_from.iter().enumerate() {
            let here = at.key("envFrom").index(i);
            let (secret, r, field) = match (&from.config_map_ref, &from.secret_ref) {
                (Some(r), None) => (false, r, "configMapRef"),
                (None, Some(r)) => (true, r, "secretRef"),
                _ => return Err((here, "give exactly one of configMapRef and secretRef".into())),
            };
            let Some(values) = self.lookup(secret, &r.name) else {
                if r.optional == Some(true) {
                    continue;
                }
                let what = if secret { "Secret" } else { "ConfigMap" };
                return Err((here.key(field).key("name"), format!("no {what} {:?} in the file (or --configmap): add it, or mark it optional", r.name)));
            };
            for (k, v) in values {
                set(&mut out, format!("{}{k}", from.prefix.as_deref().unwrap_or("")), String::from_utf8_lossy(v).into_owned());
            }
        }
        for (i, e) in c.env.iter().enumerate() {
            let here = at.key("env").index(i);
            let value = match (&e.value, &e.value_from) {
                (Some(_), Some(_)) => return Err((here.key("valueFrom"), "give value or valueFrom, not both".into())),
                (None, Some(from)) => {
                    let (secret, r, field) = match (&from.config_map_key_ref, &from.secret_key_ref) {
                        (Some(r), None) => (false, r, "configMapKeyRef"),
                        (None, Some(r)) => (true, r, "secretKeyRef"),
                        _ => return Err((here.key("valueFrom"), "give exactly one of configMapKeyRef and secretKeyRef".into())),
                    };
                    let what = if secret { "Secret" } else { "ConfigMap" };
                    match self.lookup(secret, &r.name).map(|values| values.get(&r.key)) {
                        Some(Some(v)) => String::from_utf8_lossy(v).into_owned(),
                        _ if r.optional == Some(true) => continue,
                        None => return Err((here.key("valueFrom").key(field).key("name"), format!("no {what} {:?} in the file (or --configmap): add it, or mark it optional", r.name))),
                        Some(None) => return Err((here.key("valueFrom").key(field).key("key"), format!("{what} {:?} has no key {:?}", r.name, r.key))),
                    }
                }
                (Some(v), None) => expand(v, &out),
                (None, None) => String::new(),
            };
            set(&mut out, e.name.clone(), value);
        }
        Ok(out)
    }
}

/// Kubernetes' `$(VAR)` references: replaced by the variable's value when
/// it is defined, left as written when not; `$$` is a literal `$`.
pub fn expand(text: &str, env: &[(String, String)]) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(tail) = after.strip_prefix('$') {
            out.push('$');
            rest = tail;
        } else if let Some((name, tail)) = after.strip_prefix('(').and_then(|a| a.split_once(')')) {
            match env.iter().rev().find(|(k, _)| k == name) {
                Some((_, v)) => out.push_str(v),
                None => {
                    out.push_str("$(");
                    out.push_str(name);
                    out.push(')');
                }
            }
            rest = tail;
        } else {
            out.push('$');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kube::model::{EnvFromSource, EnvVar, EnvVarSource, KeyRef, NameRef, ObjectMeta};

    fn sources() -> Sources {
        let mut s = Sources::default();
        let meta = |n: &str| ObjectMeta { name: Some(n.into()), ..Default::default() };
        s.add_config_map(&ConfigMap { metadata: meta("cfg"), data: [("MODE".into(), "prod".into()), ("app.conf".into(), "x=1\n".into())].into(), ..Default::default() }).unwrap();
        s.add_secret(&Secret { metadata: meta("sec"), data: [("PASSWORD".into(), "aHVudGVyMg==".into())].into(), string_data: [("TOKEN".into(), "t".into())].into(), ..Default::default() }).unwrap();
        s
    }

    #[test]
    fn env_comes_from_config_maps_and_secrets() {
        let c = Container {
            env_from: vec![EnvFromSource { prefix: Some("CFG_".into()), config_map_ref: Some(NameRef { name: "cfg".into(), optional: None }), secret_ref: None }],
            env: vec![
                EnvVar { name: "PASS".into(), value: None, value_from: Some(EnvVarSource { secret_key_ref: Some(KeyRef { name: "sec".into(), key: "PASSWORD".into(), optional: None }), config_map_key_ref: None }) },
                EnvVar { name: "GREETING".into(), value: Some("mode $(CFG_MODE) $$HOME $(NOPE)".into()), value_from: None },
            ],
            ..Default::default()
        };
        let env = sources().env(&c, &FieldPath::default()).unwrap();
        let get = |k: &str| env.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        assert_eq!(get("CFG_MODE"), Some("prod"));
        assert_eq!(get("PASS"), Some("hunter2"));
        assert_eq!(get("GREETING"), Some("mode prod $HOME $(NOPE)"));
        let missing = Container { env: vec![EnvVar { name: "X".into(), value: None, value_from: Some(EnvVarSource { config_map_key_ref: Some(KeyRef { name: "cfg".into(), key: "NO".into(), optional: None }), secret_key_ref: None }) }], ..Default::default() };
        let (path, message) = sources().env(&missing, &FieldPath::default().key("spec")).unwrap_err();
        assert_eq!(path.to_string(), "spec.env[0].valueFrom.configMapKeyRef.key");
        assert!(message.contains("no key \"NO\""), "{message}");
    }

    #[test]
    fn a_key_is_never_a_path() {
        let mut s = Sources::default();
        for key in ["../../etc/passwd", "a/b", "..", ""] {
            let cm = ConfigMap { data: [(key.to_string(), "x".to_string())].into(), ..Default::default() };
            assert!(s.add_config_map(&cm).is_err(), "{key:?}");
            let secret = Secret { string_data: [(key.to_string(), "x".to_string())].into(), ..Default::default() };
            assert!(s.add_secret(&secret).is_err(), "{key:?}");
        }
        assert!(s.add_config_map(&ConfigMap { data: [("app.conf".to_string(), "x".to_string())].into(), ..Default::default() }).is_ok());
    }

    #[test]
    fn volumes_get_the_keys_as_files() {
        let s = sources();
        let files = s.files(false, "cfg", &[], false, &FieldPath::default()).unwrap().unwrap();
        assert_eq!(files["app.conf"], b"x=1\n");
        let files = s.files(true, "sec", &[KeyToPath { key: "PASSWORD".into(), path: "db/pass".into() }], false, &FieldPath::default()).unwrap().unwrap();
        assert_eq!(files.keys().collect::<Vec<_>>(), ["db/pass"]);
        assert!(s.files(false, "none", &[], true, &FieldPath::default()).unwrap().is_none());
        assert!(s.files(false, "none", &[], false, &FieldPath::default()).is_err());
    }
}
