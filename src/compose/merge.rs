//! Merging Compose files (`-f a.yaml -f b.yaml`, `compose.override.yaml`,
//! `extends`) by the spec's rules, on each file's model written back in its
//! long form (so `ports: ["80:80"]` and `{target: 80, published: 80}` are
//! already the same entry):
//! - mappings merge key by key, the later file winning for scalars;
//! - sequences are appended (exact duplicates dropped);
//! - `command`, `entrypoint` and `healthcheck.test` are replaced whole;
//! - `ports` are unique by {host_ip, target, published, protocol}, and
//!   `volumes`, `secrets`, `configs` by `target`: an entry with the same key
//!   replaces the earlier one instead of being added (whole, so that
//!   `data:/d` after `data:/d:ro` is read-write);
//! - a later `null` changes nothing;
//! - a later `!reset` removes the key, a later `!override` replaces the
//!   value without merging (the loader takes these tags off the raw file
//!   before typing, and puts them back on the long form with [`put_directives`]).

use serde_yaml_ng::value::{Tag, TaggedValue};
use serde_yaml_ng::{Mapping, Value};

/// A merge directive found on a key of a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Directive {
    Reset,
    Override,
}

/// A key path inside a service, and what its tag said.
pub type Directives = Vec<(Vec<Value>, Directive)>;

/// Takes `!reset` and `!override` off a raw service mapping (so that it
/// types), returning where they were. A `!reset` key is removed.
pub fn take_directives(map: &mut Mapping) -> Directives {
    let mut out = Directives::new();
    take(map, &mut Vec::new(), &mut out);
    out
}

fn take(map: &mut Mapping, path: &mut Vec<Value>, out: &mut Directives) {
    let mut reset = Vec::new();
    for (k, v) in map.iter_mut() {
        path.push(k.clone());
        if let Value::Tagged(t) = v {
            if t.tag == "reset" {
                out.push((path.clone(), Directive::Reset));
                reset.push(k.clone());
            } else if t.tag == "override" {
                out.push((path.clone(), Directive::Override));
                *v = std::mem::take(&mut t.value);
            }
        } else if let Value::Mapping(inner) = v {
            take(inner, path, out);
        }
        path.pop();
    }
    for k in reset {
        map.remove(&k);
    }
}

/// Puts the directives back on a service's long form, as tags that
/// [`merge_service`] obeys.
pub fn put_directives(value: &mut Value, directives: &Directives) {
    for (path, d) in directives {
        let Some((last, parents)) = path.split_last() else { continue };
        let mut at = &mut *value;
        for key in parents {
            let Value::Mapping(m) = at else { break };
            at = m.entry(key.clone()).or_insert_with(|| Value::Mapping(Mapping::new()));
        }
        let Value::Mapping(m) = at else { continue };
        // An overriding empty value was left out of the long form: it is a reset.
        let tagged = match (d, m.remove(last)) {
            (Directive::Override, Some(v)) => tag("override", v),
            _ => tag("reset", Value::Null),
        };
        m.insert(last.clone(), tagged);
    }
}

fn tag(name: &str, value: Value) -> Value {
    Value::Tagged(Box::new(TaggedValue { tag: Tag::new(name), value }))
}

/// Resolves directives left where nothing was merged under them: a
/// `!reset` key goes, an `!override` value stays as it is.
pub fn strip_directives(value: &mut Value) {
    match value {
        Value::Mapping(m) => {
            m.retain(|_, v| !matches!(v, Value::Tagged(t) if t.tag == "reset"));
            for (_, v) in m.iter_mut() {
                if let Value::Tagged(t) = v {
                    *v = std::mem::take(&mut t.value);
                }
                strip_directives(v);
            }
        }
        Value::Sequence(items) => items.iter_mut().for_each(strip_directives),
        _ => {}
    }
}

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
                match v {
                    Value::Tagged(t) if t.tag == "reset" => {
                        b.remove(&k);
                        continue;
                    }
                    Value::Tagged(t) if t.tag == "override" => {
                        b.insert(k, t.value);
                        continue;
                    }
                    _ => {}
                }
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
                        Some(i) => b[i] = item,
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
    fn a_volume_with_the_same_target_is_replaced_whole() {
        let m = merge_service(y("{volumes: [{type: volume, source: d, target: /d, read_only: true}]}"), y("{volumes: [{type: volume, source: d, target: /d}]}"));
        assert_eq!(m, y("{volumes: [{type: volume, source: d, target: /d}]}"));
    }

    #[test]
    fn ports_are_unique_by_ip_target_published_protocol() {
        let base = y("{ports: [{target: 80, published: '8080', protocol: tcp}]}");
        let m = merge_service(base.clone(), y("{ports: [{target: 80, published: '8080', protocol: tcp, mode: host}, {target: 80, published: '9090', protocol: tcp}]}"));
        assert_eq!(m, y("{ports: [{target: 80, published: '8080', protocol: tcp, mode: host}, {target: 80, published: '9090', protocol: tcp}]}"));
    }

    #[test]
    fn reset_removes_and_override_replaces() {
        let mut over: Value = y("{ports: !reset [], environment: {FOO: !reset null, BAR: b}, volumes: !override [{target: /x}]}");
        let directives = take_directives(over.as_mapping_mut().unwrap());
        assert_eq!(directives.len(), 3);
        assert_eq!(over, y("{environment: {BAR: b}, volumes: [{target: /x}]}"), "the tags are off, reset keys gone");
        put_directives(&mut over, &directives);
        let base = y("{image: a, ports: [{target: 80}], environment: {FOO: f, KEEP: k}, volumes: [{target: /y}]}");
        let mut m = merge_service(base, over);
        strip_directives(&mut m);
        assert_eq!(m, y("{image: a, environment: {KEEP: k, BAR: b}, volumes: [{target: /x}]}"));
    }

    #[test]
    fn null_changes_nothing_and_new_services_are_added() {
        let m = merge_models(y("{services: {web: {image: a}}, volumes: {data: {driver: local}}}"), y("{services: {web: {restart: always}, db: {image: d}}, volumes: {data: null}}"));
        assert_eq!(m, y("{services: {web: {image: a, restart: always}, db: {image: d}}, volumes: {data: {driver: local}}}"));
    }
}
