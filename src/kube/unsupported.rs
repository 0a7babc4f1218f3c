//! The fields of a document that pontoon does not act on. The model has a
//! field exactly where pontoon acts on one, so a key of the input that does
//! not come back when the typed object is written out again is ignored,
//! and each one gets a warning naming its path: never silence. Keys whose
//! value is empty (null, `[]`, `{}`) ask for nothing and are not reported.

use serde_yaml_ng::Value;

use super::model::Object;
use super::yaml::FieldPath;

/// The paths of `original`'s fields that `object` dropped.
pub fn fields(original: &Value, object: &Object) -> Vec<String> {
    let typed = match object {
        Object::Pod(o) => serde_yaml_ng::to_value(o),
        Object::Workload(o) => serde_yaml_ng::to_value(o),
        Object::ConfigMap(o) => serde_yaml_ng::to_value(o),
        Object::Secret(o) => serde_yaml_ng::to_value(o),
        Object::Claim(o) => serde_yaml_ng::to_value(o),
        Object::Service(o) => serde_yaml_ng::to_value(o),
    };
    let mut out = Vec::new();
    // Serialising plain data cannot fail; if it did, every field would be
    // reported, which is loud rather than silent.
    let typed = typed.unwrap_or(Value::Null);
    diff(original, &typed, &FieldPath::default(), &mut out);
    out
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Sequence(s) => s.is_empty(),
        Value::Mapping(m) => m.is_empty(),
        Value::Tagged(t) => is_empty(&t.value),
        _ => false,
    }
}

fn diff(original: &Value, typed: &Value, path: &FieldPath, out: &mut Vec<String>) {
    match (original, typed) {
        (Value::Mapping(o), Value::Mapping(t)) => {
            for (key, value) in o {
                let name = match key {
                    Value::String(s) => s.clone(),
                    other => serde_yaml_ng::to_string(other).unwrap_or_default().trim().to_string(),
                };
                match t.get(key) {
                    Some(tv) => diff(value, tv, &path.key(&name), out),
                    None if is_empty(value) => {}
                    None => out.push(path.key(&name).to_string()),
                }
            }
        }
        (Value::Sequence(o), Value::Sequence(t)) => {
            for (i, (ov, tv)) in o.iter().zip(t).enumerate() {
                diff(ov, tv, &path.index(i), out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_fields_are_named_by_path() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  creationTimestamp: null\n  uid: abc\nspec:\n  containers:\n  - name: a\n    image: busybox\n    env: []\n    livenessProbe:\n      grpc:\n        port: 80\n      periodSeconds: 3\n  nodeSelector:\n    disk: ssd\nstatus: {}\n";
        let docs = super::super::yaml::read("f", text).unwrap();
        let fields = fields(&docs[0].value, &docs[0].object);
        assert_eq!(fields, ["metadata.uid", "spec.containers[0].livenessProbe.grpc", "spec.nodeSelector"]);
    }
}
