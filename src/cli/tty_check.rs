//! `run -it` and `exec -it` need a terminal on stdin: with a pipe or a
//! file there, the keys the container's terminal would read cannot come
//! from the user. Docker refuses such a command (exit 1) before it creates
//! anything; `-t` alone, or `-i` alone, run as usual.

use std::io::IsTerminal;

use anyhow::Result;

use crate::errors::PontoonError;

/// Fails when `-i` and `-t` are both asked for in the foreground while
/// stdin is not a terminal.
pub fn require_terminal_stdin(interactive: bool, tty: bool, detach: bool) -> Result<()> {
    if refuses(interactive, tty, detach, std::io::stdin().is_terminal()) {
        return Err(PontoonError::InputNotATty.into());
    }
    Ok(())
}

fn refuses(interactive: bool, tty: bool, detach: bool, stdin_is_terminal: bool) -> bool {
    interactive && tty && !detach && !stdin_is_terminal
}

#[cfg(test)]
mod tests {
    use super::refuses;

    #[test]
    fn only_a_foreground_it_without_a_terminal_is_refused() {
        assert!(refuses(true, true, false, false));
        assert!(!refuses(true, true, false, true), "a terminal on stdin");
        assert!(!refuses(false, true, false, false), "-t alone");
        assert!(!refuses(true, false, false, false), "-i alone");
        assert!(!refuses(true, true, true, false), "detached: nothing reads stdin");
    }
}
