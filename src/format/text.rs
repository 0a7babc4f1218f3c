//! Text as Go's fmt and strconv write it, for output that scripts written
//! against Docker parse.

/// `strconv.Quote`: double quotes around the text, with `"` and `\`
/// escaped and control characters written as Go escapes; printable
/// Unicode (such as `…`) is kept as it is.
pub fn go_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_as_go_strconv_does() {
        assert_eq!(go_quote("sh -c 'x'"), "\"sh -c 'x'\"");
        assert_eq!(go_quote("a \"b\" \\"), "\"a \\\"b\\\" \\\\\"");
        assert_eq!(go_quote("tab\there\nend\u{1}"), "\"tab\\there\\nend\\x01\"");
        assert_eq!(go_quote("cut…"), "\"cut…\"");
    }
}
