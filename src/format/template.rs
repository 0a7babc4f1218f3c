//! `--format` as Docker and Podman take it: `json`, `table ...` or a Go
//! template rendered over the JSON shape of each object.

use std::collections::HashMap;

use anyhow::{Context as _, Result};
use gtmpl::{Context, Template, Value};
use gtmpl_value::{FuncError, Number};

/// How the user asked for output.
pub enum OutputFormat {
    /// The command's default table.
    Table,
    /// A table with the user's own columns (`table {{.ID}}\t{{.Size}}`).
    CustomTable(String),
    /// One JSON document with every object.
    Json,
    /// A Go template applied to each object.
    Template(String),
}

impl OutputFormat {
    pub fn parse(format: Option<&str>) -> OutputFormat {
        match format.map(str::trim) {
            None | Some("") | Some("table") => OutputFormat::Table,
            Some("json") => OutputFormat::Json,
            Some(t) if t.starts_with("table ") => OutputFormat::CustomTable(t["table ".len()..].to_string()),
            Some(t) => OutputFormat::Template(t.to_string()),
        }
    }
}

/// A parsed Go template with Docker's helper functions (`json`, `upper`,
/// `lower`, `join`, `title`, `split`, `truncate`).
pub struct GoTemplate {
    template: Template,
}

impl GoTemplate {
    pub fn parse(text: &str) -> Result<GoTemplate> {
        let text = wrap_print_actions(&unescape(text));
        let mut template = Template::default();
        template.add_funcs(&[
            (PRINT_FUNC, gofmt as gtmpl::Func),
            ("json", json as gtmpl::Func),
            ("upper", upper as gtmpl::Func),
            ("lower", lower as gtmpl::Func),
            ("title", title as gtmpl::Func),
            ("join", join as gtmpl::Func),
            ("split", split as gtmpl::Func),
            ("truncate", truncate as gtmpl::Func),
        ]);
        template
            .parse(text)
            .map_err(|e| anyhow::anyhow!("{e}"))
            .context("invalid --format template: check the {{ }} syntax, e.g. '{{.Id}}' or '{{json .Config}}'")?;
        Ok(GoTemplate { template })
    }

    /// Renders the template over `data` (the object's JSON shape).
    pub fn render(&self, data: &serde_json::Value) -> Result<String> {
        self.template
            .render(&Context::from(with_id_aliases(to_gtmpl(data))))
            .map_err(|e| anyhow::anyhow!("{e}"))
            .context("render --format template")
    }
}

/// Docker's and Podman's Go structs name the field `ID` and write it as
/// `Id` in JSON, so their templates answer to both spellings; ours render
/// over the JSON, so an object with one of them gets the other as well.
fn with_id_aliases(value: Value) -> Value {
    let Value::Map(mut m) = value else { return value };
    for (have, alias) in [("Id", "ID"), ("ID", "Id")] {
        if let (Some(v), false) = (m.get(have).cloned(), m.contains_key(alias)) {
            m.insert(alias.to_string(), v);
        }
    }
    Value::Map(m)
}

/// The function every printing action goes through (see `wrap_print_actions`).
const PRINT_FUNC: &str = "__gofmt";

/// gtmpl prints lists and maps in Rust's Debug form (`[String("a")]`); Go,
/// and so Docker, prints `[a b]` and `map[k:v]`. Each action that prints
/// (not `if`, `range`, `end`, comments or `$x := ...`) becomes
/// `{{__gofmt (PIPELINE)}}`, keeping its `{{-`/`-}}` trim markers.
fn wrap_print_actions(text: &str) -> String {
    const KEYWORDS: [&str; 10] = ["if", "else", "end", "range", "with", "define", "template", "block", "break", "continue"];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = action_end(after) else {
            out.push_str(&rest[open..]); // unterminated: let the parser report it
            return out;
        };
        let inner = &after[..close];
        let (left, body) = match inner.strip_prefix('-') {
            Some(b) if b.starts_with(char::is_whitespace) => ("- ", b),
            _ => ("", inner),
        };
        let (body, right) = match body.strip_suffix('-') {
            Some(b) if b.ends_with(char::is_whitespace) => (b, " -"),
            _ => (body, ""),
        };
        let core = body.trim();
        let first = core.split(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
        let declares = core.starts_with('$') && core.split_whitespace().nth(1).is_some_and(|t| t == ":=" || t == "=");
        if core.is_empty() || core.starts_with("/*") || KEYWORDS.contains(&first) || declares {
            out.push_str(&rest[open..open + 2 + close + 2]);
        } else {
            out.push_str(&format!("{{{{{left}{PRINT_FUNC} ({core}){right}}}}}"));
        }
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}

/// Where the action that starts `text` ends (the offset of its `}}`),
/// skipping quoted strings, which may contain `}}`.
fn action_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            q @ (b'"' | b'\'' | b'`') => {
                i += 1;
                while i < bytes.len() && bytes[i] != q {
                    i += if bytes[i] == b'\\' && q != b'`' { 2 } else { 1 };
                }
            }
            b'}' if bytes.get(i + 1) == Some(&b'}') => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// A value as Go's fmt prints it with `%v`.
fn go_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::NoValue => "<no value>".into(),
        Value::Nil => "<nil>".into(),
        Value::Array(a) => format!("[{}]", a.iter().map(go_string).collect::<Vec<_>>().join(" ")),
        Value::Object(m) | Value::Map(m) => {
            let sorted: std::collections::BTreeMap<_, _> = m.iter().collect();
            format!("map[{}]", sorted.iter().map(|(k, v)| format!("{k}:{}", go_string(v))).collect::<Vec<_>>().join(" "))
        }
        other => other.to_string(),
    }
}

fn gofmt(args: &[Value]) -> Result<Value, FuncError> {
    Ok(Value::String(go_string(one_arg(args, PRINT_FUNC)?)))
}

/// Docker lets users type `\t` and `\n` in a format string.
fn unescape(text: &str) -> String {
    text.replace("\\t", "\t").replace("\\n", "\n")
}

/// Converts JSON into the template engine's values. Objects become maps so
/// that `{{range $k, $v := .Labels}}` and `{{index .Labels "k"}}` work.
pub fn to_gtmpl(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Nil,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                Value::Number(Number::from(u))
            } else if let Some(i) = n.as_i64() {
                Value::Number(Number::from(i))
            } else {
                Value::Number(Number::from(n.as_f64().unwrap_or(0.0)))
            }
        }
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(a) => Value::Array(a.iter().map(to_gtmpl).collect()),
        serde_json::Value::Object(o) => {
            Value::Map(o.iter().map(|(k, v)| (k.clone(), to_gtmpl(v))).collect::<HashMap<_, _>>())
        }
    }
}

fn to_json(v: &Value) -> serde_json::Value {
    match v {
        Value::NoValue | Value::Nil | Value::Function(_) => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::String(s) => serde_json::Value::String(s.clone()),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u.into()
            } else if let Some(i) = n.as_i64() {
                i.into()
            } else {
                serde_json::Number::from_f64(n.as_f64().unwrap_or(0.0)).map(serde_json::Value::Number).unwrap_or_default()
            }
        }
        Value::Array(a) => serde_json::Value::Array(a.iter().map(to_json).collect()),
        Value::Object(o) | Value::Map(o) => {
            let sorted: std::collections::BTreeMap<_, _> = o.iter().map(|(k, v)| (k.clone(), to_json(v))).collect();
            serde_json::Value::Object(sorted.into_iter().collect())
        }
    }
}

fn one_arg<'a>(args: &'a [Value], name: &str) -> Result<&'a Value, FuncError> {
    match args {
        [v] => Ok(v),
        _ => Err(FuncError::Generic(format!("{name} takes exactly one argument"))),
    }
}

fn as_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::NoValue | Value::Nil => String::new(),
        other => other.to_string(),
    }
}

fn json(args: &[Value]) -> Result<Value, FuncError> {
    let v = one_arg(args, "json")?;
    Ok(Value::String(serde_json::to_string(&to_json(v)).unwrap_or_default()))
}

fn upper(args: &[Value]) -> Result<Value, FuncError> {
    Ok(Value::String(as_string(one_arg(args, "upper")?).to_uppercase()))
}

fn lower(args: &[Value]) -> Result<Value, FuncError> {
    Ok(Value::String(as_string(one_arg(args, "lower")?).to_lowercase()))
}

fn title(args: &[Value]) -> Result<Value, FuncError> {
    let s = as_string(one_arg(args, "title")?);
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        out.extend(if start { c.to_uppercase().collect::<Vec<_>>() } else { vec![c] });
        start = c.is_whitespace();
    }
    Ok(Value::String(out))
}

fn join(args: &[Value]) -> Result<Value, FuncError> {
    match args {
        [Value::Array(items), sep] => {
            Ok(Value::String(items.iter().map(as_string).collect::<Vec<_>>().join(&as_string(sep))))
        }
        [Value::NoValue | Value::Nil, _] => Ok(Value::String(String::new())),
        _ => Err(FuncError::Generic("join takes a list and a separator".into())),
    }
}

fn split(args: &[Value]) -> Result<Value, FuncError> {
    match args {
        [s, sep] => Ok(Value::Array(
            as_string(s).split(&as_string(sep)).map(|p| Value::String(p.to_string())).collect(),
        )),
        _ => Err(FuncError::Generic("split takes a string and a separator".into())),
    }
}

fn truncate(args: &[Value]) -> Result<Value, FuncError> {
    match args {
        [s, Value::Number(n)] => {
            let len = n.as_u64().unwrap_or(0) as usize;
            Ok(Value::String(as_string(s).chars().take(len).collect()))
        }
        _ => Err(FuncError::Generic("truncate takes a string and a length".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(t: &str, v: serde_json::Value) -> String {
        GoTemplate::parse(t).unwrap().render(&v).unwrap()
    }

    #[test]
    fn renders_docker_style_templates() {
        let image = json!({"Id": "sha256:abc", "RepoTags": ["a:1", "b:2"], "Config": {"Env": ["A=1"]}, "Size": 42});
        assert_eq!(render("{{.Id}}", image.clone()), "sha256:abc");
        assert_eq!(render("{{json .Config}}", image.clone()), r#"{"Env":["A=1"]}"#);
        assert_eq!(render("{{range .RepoTags}}{{.}} {{end}}", image.clone()), "a:1 b:2 ");
        assert_eq!(render("{{.Size}}", image.clone()), "42");
        assert_eq!(render("{{join .RepoTags \",\"}}", image.clone()), "a:1,b:2");
        assert_eq!(render("{{upper .Id}}\\t{{len .RepoTags}}", image), "SHA256:ABC\t2");
    }

    #[test]
    fn prints_lists_and_maps_as_go_does() {
        let image = json!({"RepoTags": ["a:1", "b:2"], "Labels": {"z": "1", "a": "2"}, "Cmd": null, "Id": "x"});
        assert_eq!(render("{{.RepoTags}}", image.clone()), "[a:1 b:2]");
        assert_eq!(render("{{.Labels}}", image.clone()), "map[a:2 z:1]");
        assert_eq!(render("{{.Cmd}}", image.clone()), "<nil>");
        assert_eq!(render("{{- .Id -}} {{ \"}}\" }}", image.clone()), "x}}");
        assert_eq!(render("{{$t := .RepoTags}}{{range $t}}{{.}};{{end}}", image.clone()), "a:1;b:2;");
        assert_eq!(render("{{if .Id}}yes{{else}}no{{end}}{{/* c */}}", image.clone()), "yes");
        assert_eq!(render("{{index .Labels \"z\"}}", image), "1");
    }

    #[test]
    fn id_answers_to_both_spellings() {
        assert_eq!(render("{{.ID}} {{.Id}}", json!({"Id": "abc"})), "abc abc");
        assert_eq!(render("{{.ID}} {{.Id}}", json!({"ID": "abc"})), "abc abc");
        assert_eq!(render("{{.ID}} {{.Id}}", json!({"ID": "short", "Id": "long"})), "short long", "both present: each its own");
    }

    #[test]
    fn bad_templates_are_errors() {
        assert!(GoTemplate::parse("{{.Id").is_err());
    }

    #[test]
    fn parses_output_formats() {
        assert!(matches!(OutputFormat::parse(None), OutputFormat::Table));
        assert!(matches!(OutputFormat::parse(Some("json")), OutputFormat::Json));
        assert!(matches!(OutputFormat::parse(Some("table {{.ID}}")), OutputFormat::CustomTable(_)));
        assert!(matches!(OutputFormat::parse(Some("{{.ID}}")), OutputFormat::Template(_)));
    }
}
