//! What a transfer shows while it runs, shared by pull and (later) push:
//! one byte-counting bar per blob on a terminal; when stderr is not a
//! terminal, one plain line per finished blob as Podman prints them
//! (`Copying blob sha256:... done`); nothing with `-q`.

use std::io::IsTerminal;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::image::digest::Digest;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Bars,
    Lines,
    Quiet,
}

pub struct Progress {
    mode: Mode,
    multi: MultiProgress,
}

impl Progress {
    /// Bars on a terminal, lines otherwise, nothing when `quiet`.
    pub fn for_stderr(quiet: bool) -> Progress {
        let mode = match (quiet, std::io::stderr().is_terminal()) {
            (true, _) => Mode::Quiet,
            (false, true) => Mode::Bars,
            (false, false) => Mode::Lines,
        };
        Progress::new(mode)
    }

    pub fn new(mode: Mode) -> Progress {
        let target = if mode == Mode::Bars { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
        Progress { mode, multi: MultiProgress::with_draw_target(target) }
    }

    /// A status line ("Trying to pull ...", "Writing manifest ...").
    pub fn note(&self, line: &str) {
        match self.mode {
            Mode::Bars => {
                if self.multi.println(line).is_err() {
                    eprintln!("{line}");
                }
            }
            Mode::Lines => eprintln!("{line}"),
            Mode::Quiet => {}
        }
    }

    /// A blob that needs no transfer.
    pub fn skipped(&self, kind: &str, digest: &Digest) {
        self.note(&format!("Copying {kind} {digest} skipped: already exists"));
    }

    /// Starts showing the transfer of `size` bytes of `digest`.
    pub fn start(&self, kind: &str, digest: &Digest, size: u64) -> Transfer {
        let label = format!("Copying {kind} {digest}");
        let bar = (self.mode == Mode::Bars).then(|| {
            let bar = self.multi.add(ProgressBar::new(size));
            let style = ProgressStyle::with_template("{prefix} [{bar:30}] {bytes}/{total_bytes} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            bar.set_style(style);
            bar.set_prefix(format!("Copying {kind} {}", digest.short()));
            bar
        });
        Transfer { bar, label, mode: self.mode }
    }
}

/// One blob's transfer; `done` or `failed` ends it.
pub struct Transfer {
    bar: Option<ProgressBar>,
    label: String,
    mode: Mode,
}

impl Transfer {
    /// Bytes moved so far (a retry starts again from 0).
    pub fn set(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(bytes);
        }
    }

    pub fn done(self) {
        match (&self.bar, self.mode) {
            (Some(bar), _) => bar.finish_with_message("done"),
            (None, Mode::Lines) => eprintln!("{} done", self.label),
            _ => {}
        }
    }

    pub fn failed(self) {
        if let Some(bar) = &self.bar {
            bar.abandon_with_message("failed");
        }
    }
}
