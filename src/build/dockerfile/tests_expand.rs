//! Docker's substitution and quote removal, as the executor applies it.

use super::*;

fn vars(name: &str) -> Option<String> {
    match name {
        "NAME" => Some("world".to_string()),
        "EMPTY" => Some(String::new()),
        "PATH" => Some("/bin".to_string()),
        _ => None,
    }
}

fn ex(word: &str) -> String {
    match expand(word, &vars, '\\') {
        Ok(v) => v,
        Err(e) => panic!("{word:?} should expand: {e}"),
    }
}

#[test]
fn substitutes_every_form_docker_supports() {
    let cases: &[(&str, &str)] = &[
        ("$NAME", "world"),
        ("${NAME}", "world"),
        ("hello-${NAME}-$NAME.txt", "hello-world-world.txt"),
        ("$UNSET", ""),
        ("${UNSET:-fallback}", "fallback"),
        ("${EMPTY:-fallback}", "fallback"),
        ("${NAME:-fallback}", "world"),
        ("${UNSET-fallback}", "fallback"),
        ("${EMPTY-fallback}", ""),
        ("${NAME:+alt}", "alt"),
        ("${EMPTY:+alt}", ""),
        ("${EMPTY+alt}", "alt"),
        ("${UNSET+alt}", ""),
        ("${NAME:?must be set}", "world"),
        ("${UNSET:-${NAME}}", "world"),
        ("${UNSET:-$PATH:/usr/bin}", "/bin:/usr/bin"),
        ("${UNSET:-a b}", "a b"),
        ("$PATH:/sbin", "/bin:/sbin"),
        ("\\$NAME", "$NAME"),
        ("\\${NAME}", "${NAME}"),
        ("'$NAME'", "$NAME"),
        ("\"$NAME and ${UNSET:-x}\"", "world and x"),
        ("\"say \\\"hi\\\" \\$NAME\"", "say \"hi\" $NAME"),
        ("\"a\\b\"", "a\\b"),
        ("\"ACME Inc\"", "ACME Inc"),
        ("a\\ b", "a b"),
        ("price$", "price$"),
        ("$1", ""),
        ("100%", "100%"),
        ("", ""),
    ];
    for (word, want) in cases {
        assert_eq!(ex(word), *want, "{word}");
    }
}

#[test]
fn the_backtick_escape_leaves_backslashes_alone() {
    let got = expand("C:\\dir\\`$NAME", &vars, '`').expect("expands");
    assert_eq!(got, "C:\\dir\\$NAME");
}

#[test]
fn broken_words_are_errors_with_the_fix() {
    let cases: &[(&str, &str)] = &[
        ("${NAME", "missing } in ${NAME: close the ${...}"),
        ("${UNSET:-x", "missing } in ${UNSET:-x"),
        ("${}", "bad substitution in ${}: write ${NAME}"),
        ("${NAME#prefix}", "unsupported modifier # in ${NAME#prefix}: use :-, -, :+, +, :? or ?"),
        ("${NAME:=x}", "unsupported modifier :="),
        ("'open", "unmatched ' in 'open: close the quote"),
        ("\"open", "unmatched \" in \"open"),
        ("${UNSET:?}", "UNSET: is not set: pass it with --build-arg UNSET=VALUE or set it with ARG/ENV"),
        ("${EMPTY:?give a tag}", "EMPTY: give a tag: pass it with --build-arg EMPTY=VALUE"),
    ];
    for (word, want) in cases {
        let e = expand(word, &vars, '\\').expect_err(word);
        assert!(e.to_string().contains(want), "{word}: {e}");
    }
    // The executor adds the place.
    let e = expand("${X", &vars, '\\').expect_err("open brace").at("Dockerfile", 4, "workdir");
    assert!(e.to_string().starts_with("Dockerfile:4: WORKDIR: missing }"), "{e}");
}

#[test]
fn parsed_words_expand_to_what_docker_sets() {
    let d = parse(
        "FROM a\nLABEL \"com.example.vendor\"=\"ACME Inc\" greeting='hi $NAME'\nENV DIR=/home/${NAME:-x}\nENV MSG hello \"$NAME\"\n",
        "Dockerfile",
    )
    .expect("parses");
    let mut got = Vec::new();
    for step in &d.stages[0].instructions {
        let pairs = match &step.instruction {
            Instruction::Label(p) | Instruction::Env(p) => p,
            other => panic!("unexpected {other:?}"),
        };
        for p in pairs {
            got.push((ex(&p.key), ex(&p.value)));
        }
    }
    let want: Vec<(String, String)> = [
        ("com.example.vendor", "ACME Inc"),
        ("greeting", "hi $NAME"),
        ("DIR", "/home/world"),
        ("MSG", "hello world"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(got, want);
}
