//! Heredoc markers (`<<EOF`, `<<-EOF`, `<<"EOF"`) in RUN, COPY and ADD lines.
//!
//! Only the markers are found here; their bodies are the physical lines that
//! follow the instruction, which the lexer collects.

use super::error::{fail, Result};

/// A `<<NAME` found in an instruction's arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub name: String,
    /// `<<-NAME`: strip leading tabs from the body and the delimiter line.
    pub strip_tabs: bool,
    /// False when the delimiter was quoted: the body is taken literally.
    pub expand: bool,
}

/// Instructions whose lines may carry heredocs (Dockerfile syntax 1.4+).
pub fn allows_heredocs(keyword: &str) -> bool {
    ["RUN", "COPY", "ADD"].iter().any(|k| keyword.eq_ignore_ascii_case(k))
}

/// The markers of `args` in order. A marker starts an unquoted word, like
/// the shell reads it: `echo "<<EOF"` and `a<<b` hold none, `<<<` is a
/// here-string and not a marker.
pub fn find_markers(args: &str, escape: char) -> Result<Vec<Marker>> {
    let chars: Vec<char> = args.chars().collect();
    let mut markers = Vec::new();
    let mut quote: Option<char> = None;
    let mut word_start = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match quote {
            Some(q) => {
                if c == escape && q == '"' {
                    i += 1;
                } else if c == q {
                    quote = None;
                }
                word_start = false;
            }
            None if c == escape => {
                i += 1;
                word_start = false;
            }
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                word_start = false;
            }
            None if c.is_whitespace() => word_start = true,
            None if word_start && starts_marker(&chars, i) => {
                let (marker, next) = read_marker(&chars, i + 2)?;
                markers.push(marker);
                i = next;
                word_start = false;
                continue;
            }
            None => word_start = false,
        }
        i += 1;
    }
    Ok(markers)
}

fn starts_marker(chars: &[char], i: usize) -> bool {
    chars.get(i) == Some(&'<') && chars.get(i + 1) == Some(&'<') && chars.get(i + 2) != Some(&'<')
}

/// Reads `-`? then a quoted or bare delimiter from `chars[i..]`; returns the
/// marker and the index after it.
fn read_marker(chars: &[char], mut i: usize) -> Result<(Marker, usize)> {
    let strip_tabs = chars.get(i) == Some(&'-');
    if strip_tabs {
        i += 1;
    }
    let mut name = String::new();
    let mut expand = true;
    if let Some(&q) = chars.get(i).filter(|c| **c == '"' || **c == '\'') {
        expand = false;
        i += 1;
        while i < chars.len() && chars[i] != q {
            name.push(chars[i]);
            i += 1;
        }
        if i >= chars.len() {
            return fail(format!("heredoc delimiter {q}{name} has no closing {q}: write <<{q}{name}{q}"));
        }
        i += 1;
    } else {
        while i < chars.len() && !chars[i].is_whitespace() && !"<>|&;()".contains(chars[i]) {
            name.push(chars[i]);
            i += 1;
        }
    }
    if name.is_empty() {
        return fail("heredoc marker << has no delimiter word: write <<EOF and end the body with a line EOF");
    }
    Ok((Marker { name, strip_tabs, expand }, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(args: &str) -> Vec<(String, bool, bool)> {
        find_markers(args, '\\')
            .expect("markers")
            .into_iter()
            .map(|m| (m.name, m.strip_tabs, m.expand))
            .collect()
    }

    /// Delimiter, strip_tabs, expand.
    type Want = (&'static str, bool, bool);

    #[test]
    fn finds_markers_the_way_a_shell_reads_words() {
        let cases: &[(&str, &[Want])] = &[
            ("<<EOF", &[("EOF", false, true)]),
            ("<<-EOT", &[("EOT", true, true)]),
            ("<<\"EOF\"", &[("EOF", false, false)]),
            ("<<-'END' x", &[("END", true, false)]),
            ("cat <<EOF > /file", &[("EOF", false, true)]),
            ("<<A <<B /dest/", &[("A", false, true), ("B", false, true)]),
            ("python3 <<EOF>out", &[("EOF", false, true)]),
            ("echo \"<<EOF\"", &[]),
            ("echo '<<EOF'", &[]),
            ("echo a<<b", &[]),
            ("cat <<< word", &[]),
            ("echo \\<<EOF", &[]),
        ];
        for (args, want) in cases {
            let want: Vec<(String, bool, bool)> =
                want.iter().map(|(n, s, e)| (n.to_string(), *s, *e)).collect();
            assert_eq!(names(args), want, "{args}");
        }
    }

    #[test]
    fn a_marker_without_a_word_is_an_error() {
        let err = find_markers("cat << ", '\\').expect_err("no word");
        assert!(err.message.contains("no delimiter word"), "{err}");
        let err = find_markers("cat <<\"EOF", '\\').expect_err("open quote");
        assert!(err.message.contains("no closing"), "{err}");
    }
}
