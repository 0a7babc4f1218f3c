//! Merging Compose files (`-f a.yaml -f b.yaml`, `compose.override.yaml`,
//! `extends`) by the spec's rules, on each file's model written back in its
//! long form (so `ports: ["80:80"]` and `{target: 80, published: 80}` are
//! already the same entry):
//! - mappings merge key by key, the later file winning for scalars;
//! - sequences are appended (exact duplicates dropped);
//! - `command`, `entrypoint` and `healthcheck.test` are replaced whole;
//! - `ports` are unique by {host_ip, target, published, protocol}, and
//!   `volumes`, `secrets`, `configs` by `target`: an entry with the same key
//!   is merged into the earlier one instead of being added;
//! - a later `null` changes nothing.

use serde_yaml_ng::{Mapping, Value};

enum Rule {
    Replace,
    UniqueBy(&'static [&'static str]),
    Append,
}

/// The rule for a sequence at `path` inside a service.
fn rule(path: &[String]) -> Rule {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["command"] | ["entrypoint"] | ["healthcheck", "test"] => Rule::Replace,
        ["ports"] => Rule::UniqueBy(&["host_ip", "target", "published", "protocol"]),
        ["volumes"] | ["secrets"] | ["configs"] => Rule::UniqueBy(&["target"]),
        _ => Rule::Append,
    }
}

/// Merges two files' models (`services`, `volumes`, ... at the top).
pub fn merge_models(base: Value, over: Value) -> Value {
    let (Value::Mapping(mut base), Value::Mapping(over)) = (base, over) else {
        return Value::Null;
    };
    for (key, value) in over {
        let merged = match (key.as_str(), base.remove(&key)) {
            (Some("services"), Some(Value::Mapping(mut services))) => {
                if let Value::Mapping(over_services) = value {
                    for (name, svc) in over_services {
                        let m = match services.remove(&name) {
                            Some(b) => merge_service(b, svc),
                            None => svc,
                        };
                        services.insert(name, m);
                    }
                }
                Value::Mapping(services)
            }
            (_, Some(b)) => merge_at(b, value, &mut Vec::new()),
            (_, None) => value,
        };
        base.insert(key, merged);
    }
    Value::Mapping(base)
}

/// Merges one service definition over another (also `extends`).
pub fn merge_service(base: Value, over: Value) -> Value {
    merge_at(base, over, &mut Vec::new())
}

fn merge_at(base: Value, over: Value, path: &mut Vec<String>) -> Value {
    match (base, over) {
        (base, Value::Null) => base,
        (Value::Mapping(mut b), Value::Mapping(o)) => {
            for (k, v) in o {
                path.push(k.as_str().unwrap_or_default().to_string());
                let merged = match b.remove(&k) {
                    Some(existing) => merge_at(existing, v, path),
                    None => v,
                };
                path.pop();
                b.insert(k, merged);
            }
            Value::Mapping(b)
        }
        (Value::Sequence(mut b), Value::Sequence(o)) => match rule(path) {
            Rule::Replace => Value::Sequence(o),
            Rule::Append => {
                for item in o {
                    if !b.contains(&item) {
                        b.push(item);
                    }
                }
                Value::Sequence(b)
            }
            Rule::UniqueBy(fields) => {
                for item in o {
                    let key = unique_key(&item, fields);
                    match b.iter().position(|e| unique_key(e, fields) == key) {
                        Some(i) => {
                            let existing = std::mem::take(&mut b[i]);
                            b[i] = merge_at(existing, item, &mut path.clone());
                        }
                        None => b.push(item),
                    }
                }
                Value::Sequence(b)
            }
        },
        (_, over) => over,
    }
}

fn unique_key(item: &Value, fields: &[&str]) -> Vec<Value> {
    let map = item.as_mapping().cloned().unwrap_or_else(Mapping::new);
    fields.iter().map(|f| map.get(*f).cloned().unwrap_or(Value::Null)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn y(s: &str) -> Value {
        serde_yaml_ng::from_str(s).unwrap()
    }

    #[test]
    fn mappings_merge_and_later_scalars_win() {
        let m = merge_service(y("{image: a, environment: {A: '1', B: '2'}}"), y("{image: b, environment: {B: '3', C: '4'}}"));
        assert_eq!(m, y("{image: b, environment: {A: '1', B: '3', C: '4'}}"));
    }

    #[test]
    fn sequences_append_but_commands_are_replaced() {
        let m = merge_service(y("{dns: [1.1.1.1], command: [echo, foo], healthcheck: {test: [CMD, a], retries: 3}}"), y("{dns: [8.8.8.8, 1.1.1.1], command: [echo, bar], healthcheck: {test: [CMD, b]}}"));
        assert_eq!(m, y("{dns: [1.1.1.1, 8.8.8.8], command: [echo, bar], healthcheck: {test: [CMD, b], retries: 3}}"));
    }

    #[test]
    fn volumes_are_unique_by_target() {
        let m = merge_service(y("{volumes: [{type: volume, source: foo, target: /work}, {type: volume, source: k, target: /keep}]}"), y("{volumes: [{type: volume, source: bar, target: /work}]}"));
        assert_eq!(m, y("{volumes: [{type: volume, source: bar, target: /work}, {type: volume, source: k, target: /keep}]}"));
    }

    #[test]
    fn ports_are_unique_by_ip_target_published_protocol() {
        let base = y("{ports: [{target: 80, published: '8080', protocol: tcp}]}");
        let m = merge_service(base.clone(), y("{ports: [{target: 80, published: '8080', protocol: tcp, mode: host}, {target: 80, published: '9090', protocol: tcp}]}"));
        assert_eq!(m, y("{ports: [{target: 80, published: '8080', protocol: tcp, mode: host}, {target: 80, published: '9090', protocol: tcp}]}"));
    }

    #[test]
    fn null_changes_nothing_and_new_services_are_added() {
        let m = merge_models(y("{services: {web: {image: a}}, volumes: {data: {driver: local}}}"), y("{services: {web: {restart: always}, db: {image: d}}, volumes: {data: null}}"));
        assert_eq!(m, y("{services: {web: {image: a, restart: always}, db: {image: d}}, volumes: {data: {driver: local}}}"));
    }
}
