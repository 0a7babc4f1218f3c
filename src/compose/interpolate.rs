//! `${VAR}` interpolation as Compose does it, on the raw YAML values
//! (never keys) before they are typed: `$VAR`, `${VAR}`, `${VAR:-default}`,
//! `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`,
//! `${VAR+alt}`, and `$$` for a literal `$`. Defaults and alternatives may
//! hold interpolations themselves (`${A:-${B:-x}}`).

use std::collections::BTreeSet;
use std::path::Path;

use serde_yaml_ng::Value;

use super::error::ComposeError;

/// Why a string could not be interpolated.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure {
    /// `${VAR:?message}` / `${VAR?message}` with VAR missing.
    Missing { variable: String, message: String },
    /// A malformed `${...}`.
    Bad(String),
}

/// Variables read without a value and without a default: Compose prints a
/// warning for each and substitutes the empty string.
pub type Unset = BTreeSet<String>;

/// Interpolates one string.
pub fn substitute(text: &str, lookup: &dyn Fn(&str) -> Option<String>, unset: &mut Unset) -> Result<String, Failure> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(tail) = after.strip_prefix('$') {
            out.push('$');
            rest = tail;
        } else if let Some(body) = after.strip_prefix('{') {
            let end = closing_brace(body).ok_or_else(|| Failure::Bad(format!("{text:?} has a ${{ without its closing }}")))?;
            out.push_str(&braced(&body[..end], lookup, unset)?);
            rest = &body[end + 1..];
        } else {
            let len = name_len(after);
            if len == 0 {
                return Err(Failure::Bad(format!("{text:?}: a $ must start a variable ($VAR or ${{VAR}}); write $$ for a literal $")));
            }
            let name = &after[..len];
            match lookup(name) {
                Some(v) => out.push_str(&v),
                None => {
                    unset.insert(name.to_string());
                }
            }
            rest = &after[len..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn name_len(s: &str) -> usize {
    let mut len = 0;
    for (i, c) in s.char_indices() {
        let ok = c == '_' || c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit());
        if !ok {
            break;
        }
        len = i + c.len_utf8();
    }
    len
}

/// The index of the `}` that closes a `${`, counting nested `${ }`.
fn closing_brace(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'$' if bytes.get(i + 1) == Some(&b'$') => i += 1,
            b'$' if bytes.get(i + 1) == Some(&b'{') => {
                depth += 1;
                i += 1;
            }
            b'}' if depth == 0 => return Some(i),
            b'}' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The inside of `${...}`: a name, then optionally an operator and a word.
fn braced(inner: &str, lookup: &dyn Fn(&str) -> Option<String>, unset: &mut Unset) -> Result<String, Failure> {
    let len = name_len(inner);
    let name = &inner[..len];
    if name.is_empty() {
        return Err(Failure::Bad(format!("\"${{{inner}}}\" does not start with a variable name")));
    }
    let op_and_word = &inner[len..];
    let value = lookup(name);
    let (op, word) = ["?", ":?", "-", ":-", "+", ":+"]
        .iter()
        .filter(|op| op_and_word.starts_with(*op))
        .max_by_key(|op| op.len())
        .map(|op| (*op, &op_and_word[op.len()..]))
        .unwrap_or(("", op_and_word));
    if op.is_empty() && !word.is_empty() {
        return Err(Failure::Bad(format!("\"${{{inner}}}\": after the name, expected }}, :-, -, :?, ?, :+ or +")));
    }
    let set = value.is_some();
    let non_empty = value.as_deref().is_some_and(|v| !v.is_empty());
    let mut expand = |w: &str| substitute(w, lookup, unset);
    match op {
        "" => match value {
            Some(v) => Ok(v),
            None => {
                unset.insert(name.to_string());
                Ok(String::new())
            }
        },
        ":-" if !non_empty => expand(word),
        "-" if !set => expand(word),
        ":?" if !non_empty => Err(Failure::Missing { variable: name.to_string(), message: expand(word)? }),
        "?" if !set => Err(Failure::Missing { variable: name.to_string(), message: expand(word)? }),
        ":+" => if non_empty { expand(word) } else { Ok(String::new()) },
        "+" => if set { expand(word) } else { Ok(String::new()) },
        _ => Ok(value.unwrap_or_default()),
    }
}

/// Interpolates every string value of a YAML tree in place. `path` names
/// where a failure was for the error message (`services.web.image`).
pub fn interpolate_tree(value: &mut Value, file: &Path, lookup: &dyn Fn(&str) -> Option<String>, unset: &mut Unset) -> Result<(), ComposeError> {
    walk(value, file, lookup, unset, &mut Vec::new())
}

fn walk(value: &mut Value, file: &Path, lookup: &dyn Fn(&str) -> Option<String>, unset: &mut Unset, path: &mut Vec<String>) -> Result<(), ComposeError> {
    match value {
        Value::String(s) if s.contains('$') => {
            *s = substitute(s, lookup, unset).map_err(|f| match f {
                Failure::Missing { variable, message } => ComposeError::MissingVariable { file: file.to_path_buf(), variable, message },
                Failure::Bad(why) => ComposeError::BadInterpolation { file: file.to_path_buf(), text: path.join("."), why },
            })?;
        }
        Value::Sequence(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                path.push(i.to_string());
                walk(item, file, lookup, unset, path)?;
                path.pop();
            }
        }
        Value::Mapping(map) => {
            for (k, v) in map.iter_mut() {
                path.push(super::flex::scalar(k).unwrap_or_default());
                walk(v, file, lookup, unset, path)?;
                path.pop();
            }
        }
        Value::Tagged(t) => walk(&mut t.value, file, lookup, unset, path)?,
        _ => {}
    }
    Ok(())
}

/// The warning Compose prints for a variable read while unset.
pub fn unset_warning(name: &str) -> String {
    format!("the {name:?} variable is not set: defaulting to a blank string")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &str) -> Option<String> {
        match name {
            "SET" => Some("value".into()),
            "EMPTY" => Some(String::new()),
            "OTHER" => Some("other".into()),
            _ => None,
        }
    }

    fn sub(text: &str) -> Result<String, Failure> {
        substitute(text, &env, &mut Unset::new())
    }

    #[test]
    fn plain_and_braced_variables() {
        assert_eq!(sub("a $SET b ${SET}c").unwrap(), "a value b valuec");
        assert_eq!(sub("$SET_x").unwrap(), "", "the name runs while it is a name");
        assert_eq!(sub("${SET}_x").unwrap(), "value_x");
        assert_eq!(sub("no dollars").unwrap(), "no dollars");
    }

    #[test]
    fn a_double_dollar_is_a_literal_dollar() {
        assert_eq!(sub("$$SET and $${SET} $$").unwrap(), "$SET and ${SET} $");
    }

    #[test]
    fn defaults_distinguish_unset_from_empty() {
        assert_eq!(sub("${UNSET:-d}").unwrap(), "d");
        assert_eq!(sub("${EMPTY:-d}").unwrap(), "d");
        assert_eq!(sub("${SET:-d}").unwrap(), "value");
        assert_eq!(sub("${UNSET-d}").unwrap(), "d");
        assert_eq!(sub("${EMPTY-d}").unwrap(), "");
        assert_eq!(sub("${UNSET:-}").unwrap(), "");
        assert_eq!(sub("${UNSET:-a b:c}").unwrap(), "a b:c");
    }

    #[test]
    fn required_variables_fail_with_the_message() {
        assert_eq!(sub("${UNSET:?set UNSET first}"), Err(Failure::Missing { variable: "UNSET".into(), message: "set UNSET first".into() }));
        assert!(matches!(sub("${EMPTY:?no}"), Err(Failure::Missing { .. })));
        assert_eq!(sub("${EMPTY?no}").unwrap(), "");
        assert!(matches!(sub("${UNSET?no}"), Err(Failure::Missing { .. })));
        assert_eq!(sub("${SET:?no}").unwrap(), "value");
    }

    #[test]
    fn alternatives_apply_when_set() {
        assert_eq!(sub("${SET:+alt}").unwrap(), "alt");
        assert_eq!(sub("${EMPTY:+alt}").unwrap(), "");
        assert_eq!(sub("${EMPTY+alt}").unwrap(), "alt");
        assert_eq!(sub("${UNSET+alt}").unwrap(), "");
        assert_eq!(sub("${UNSET:+alt}").unwrap(), "");
    }

    #[test]
    fn nested_defaults_are_interpolated() {
        assert_eq!(sub("${UNSET:-${OTHER}}").unwrap(), "other");
        assert_eq!(sub("${UNSET:-${ALSO_UNSET:-deep}}!").unwrap(), "deep!");
        assert_eq!(sub("${SET:+[$OTHER]}").unwrap(), "[other]");
    }

    #[test]
    fn unset_variables_are_blank_and_reported() {
        let mut unset = Unset::new();
        assert_eq!(substitute("x${NOPE}y$NOPE2", &env, &mut unset).unwrap(), "xy");
        assert_eq!(unset.into_iter().collect::<Vec<_>>(), ["NOPE", "NOPE2"]);
        // A default is not a warning.
        let mut unset = Unset::new();
        substitute("${NOPE:-x}", &env, &mut unset).unwrap();
        assert!(unset.is_empty());
    }

    #[test]
    fn malformed_templates_are_errors() {
        for bad in ["${", "${SET", "${}", "${1X}", "${SET!x}", "cost: $5", "$ x"] {
            assert!(matches!(sub(bad), Err(Failure::Bad(_))), "{bad}");
        }
    }

    #[test]
    fn trees_are_interpolated_in_values_not_keys() {
        let mut v: Value = serde_yaml_ng::from_str("$SET: ['${SET}', {k: $OTHER}]\nn: 3").unwrap();
        interpolate_tree(&mut v, Path::new("c.yaml"), &env, &mut Unset::new()).unwrap();
        assert_eq!(serde_yaml_ng::to_string(&v).unwrap(), "$SET:\n- value\n- k: other\nn: 3\n");
        let mut v: Value = serde_yaml_ng::from_str("image: ${TAG:?TAG must be set}").unwrap();
        let err = interpolate_tree(&mut v, Path::new("c.yaml"), &env, &mut Unset::new()).unwrap_err();
        assert_eq!(err.to_string(), "c.yaml: required variable TAG is missing a value: TAG must be set");
    }
}
