//! Names in the generated shell completions: clap_complete writes the
//! flags and subcommands; each script gets a small function that first asks
//! `pontoon __complete` (complete.rs) for the containers, images, volumes,
//! networks, pods or secrets the command line takes at that word, and
//! falls back to the generated completion where it takes none (exit 1).

use anyhow::{bail, Result};
use clap_complete::Shell;

const BASH: &str = r#"
# Names of containers, images, volumes, networks, pods and secrets where the
# command takes one, from `pontoon __complete` (it exits 1 elsewhere, and
# the completion generated above answers).
_pontoon_names() {
    local cur words cword names
    if declare -F _get_comp_words_by_ref >/dev/null; then
        # bash-completion's: keeps `busybox:latest` one word.
        _get_comp_words_by_ref -n =: cur words cword
    else
        cur=${COMP_WORDS[COMP_CWORD]} words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
    fi
    if names=$("${words[0]}" __complete -- "${words[@]:1:cword}" 2>/dev/null); then
        local IFS=$'\n'
        COMPREPLY=($(compgen -W "$names" -- "$cur"))
        if declare -F __ltrim_colon_completions >/dev/null; then
            __ltrim_colon_completions "$cur"
        fi
        return 0
    fi
    _pontoon "$@"
}
"#;

const ZSH: &str = r#"
# Names of containers, images, volumes, networks, pods and secrets where the
# command takes one, from `pontoon __complete` (it exits 1 elsewhere, and
# the completion generated above answers).
_pontoon() {
    local out
    if out=$(${words[1]} __complete -- "${(@)words[2,CURRENT]}" 2>/dev/null); then
        local -a names
        names=(${(f)out})
        compadd -a names
        return
    fi
    _pontoon_generated "$@"
}

"#;

const FISH: &str = r#"
# Names of containers, images, volumes, networks, pods and secrets where the
# command takes one, from `pontoon __complete` (it exits 1 elsewhere, and
# the completions above answer).
function __fish_pontoon_names_wanted
    set -l words (commandline -opc) (commandline -ct)
    set -g __fish_pontoon_names ($words[1] __complete -- $words[2..-1] 2>/dev/null)
end
complete -c pontoon -f -n __fish_pontoon_names_wanted -a '$__fish_pontoon_names'
"#;

/// The generated script of `shell` with the names added.
pub fn with_names(shell: Shell, generated: &str) -> Result<String> {
    match shell {
        Shell::Bash => {
            // Registers the wrapper in place of the generated function.
            let registered = "complete -F _pontoon -o";
            if !generated.contains(registered) {
                bail!("the generated bash completion has no `{registered}` line: clap_complete changed, update docs_names.rs");
            }
            Ok(generated.replace(registered, "complete -F _pontoon_names -o") + BASH)
        }
        Shell::Zsh => {
            // The generated `_pontoon` is renamed, and ours, which calls it,
            // defined before the file's last lines call or register `_pontoon`.
            let main = "\n_pontoon() {\n";
            let tail = "\nif [ \"$funcstack[1]\" = \"_pontoon\" ]; then";
            let (Some(_), Some(at)) = (generated.find(main), generated.rfind(tail)) else {
                bail!("the generated zsh completion has no `_pontoon()` or final `funcstack` lines: clap_complete changed, update docs_names.rs");
            };
            let (body, tail) = generated.split_at(at);
            Ok(format!("{}{ZSH}{}", body.replacen(main, "\n_pontoon_generated() {\n", 1), tail.trim_start_matches('\n')))
        }
        Shell::Fish => Ok(format!("{generated}{FISH}")),
        other => bail!("no completion of names for {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_script_asks_pontoon_for_names_then_falls_back() {
        let mut cmd = crate::cli::command();
        for (shell, asks, falls_back) in [
            (Shell::Bash, "complete -F _pontoon_names -o", "    _pontoon \"$@\""),
            (Shell::Zsh, "_pontoon_generated() {", "    _pontoon_generated \"$@\""),
            (Shell::Fish, "complete -c pontoon -f -n __fish_pontoon_names_wanted", "__fish_pontoon_using_subcommand rm"),
        ] {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "pontoon", &mut out);
            let script = with_names(shell, &String::from_utf8_lossy(&out)).expect("names added");
            assert!(script.contains("__complete --"), "{shell}");
            assert!(script.contains(asks) && script.contains(falls_back), "{shell}:\n{script}");
        }
    }
}
