//! Instruction lines into stages: global ARGs, then one stage per FROM.

use super::error::{fail, DockerfileError, Result};
use super::instructions::parse_instruction;
use super::lexer::RawInstruction;
use super::model::{Instruction, Stage, Step};
use super::words::{split_words, take_flags, FlagKind, FlagSpec};

const FROM_FLAGS: FlagSpec = &[("platform", FlagKind::Text)];

/// Returns the global ARGs and the stages of `raw`, errors placed in `file`.
pub fn into_stages(raw: Vec<RawInstruction>, escape: char, file: &str) -> Result<(Vec<Step>, Vec<Stage>)> {
    let mut global_args = Vec::new();
    let mut stages: Vec<Stage> = Vec::new();
    for r in raw {
        let keyword = r.keyword.to_ascii_uppercase();
        let place = |e: DockerfileError| e.at(file, r.line, &keyword);
        if keyword == "FROM" {
            let stage = from(&r, stages.len(), escape).map_err(place)?;
            if let Some(name) = &stage.name {
                if let Some(other) = stages.iter().find(|s| s.name.as_ref() == Some(name)) {
                    return Err(place(DockerfileError::new(format!(
                        "stage name {name} is already used by the FROM on line {}: give each stage its own name",
                        other.line
                    ))));
                }
            }
            stages.push(stage);
            continue;
        }
        let instruction = parse_instruction(&keyword, &r.args, r.heredocs, escape).map_err(place)?;
        let step = Step { line: r.line, original: r.original, instruction };
        match stages.last_mut() {
            Some(stage) => stage.instructions.push(step),
            None if matches!(step.instruction, Instruction::Arg(_)) => global_args.push(step),
            None => {
                return Err(place(DockerfileError::new(format!(
                    "{keyword} comes before the first FROM: only ARG may precede FROM; start the stage with FROM IMAGE"
                ))))
            }
        }
    }
    if stages.is_empty() {
        return Err(DockerfileError::new(
            "no FROM instruction: start the Dockerfile with FROM IMAGE (ARGs may come before it)",
        )
        .in_file(file));
    }
    Ok((global_args, stages))
}

/// `FROM [--platform=P] IMAGE [AS NAME]`.
fn from(r: &RawInstruction, index: usize, escape: char) -> Result<Stage> {
    let (flags, rest) = take_flags(&r.args, "FROM", FROM_FLAGS)?;
    let words = split_words(rest, escape);
    let (base, name) = match words.as_slice() {
        [base] => (base.clone(), None),
        [base, as_word, name] if as_word.eq_ignore_ascii_case("AS") => (base.clone(), Some(stage_name(name)?)),
        [] => return fail("FROM needs an image: write FROM IMAGE [AS NAME] (FROM scratch for an empty one)"),
        _ => return fail(format!("FROM takes IMAGE [AS NAME], not {rest:?}: write FROM IMAGE AS NAME")),
    };
    Ok(Stage {
        index,
        name,
        base,
        platform: flags.text("platform"),
        line: r.line,
        original: r.original.clone(),
        instructions: Vec::new(),
    })
}

/// Docker compares stage names case-insensitively and wants them to start
/// with a letter (so they never read as stage indexes).
fn stage_name(name: &str) -> Result<String> {
    let lower = name.to_ascii_lowercase();
    let mut chars = lower.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c));
    if !valid {
        return fail(format!(
            "stage name {name:?} is invalid: start it with a letter, then letters, digits, -, _ or ."
        ));
    }
    Ok(lower)
}
