//! What a build prints, as Podman prints it: `[1/2] STEP 1/4: FROM ...`
//! for each step, `--> Using cache ID` where the cache has it, `--> ID`
//! after each step, and the tags at the end; nothing with `-q`.

pub struct Printer {
    quiet: bool,
    stages: usize,
}

impl Printer {
    pub fn new(quiet: bool, stages: usize) -> Printer {
        Printer { quiet, stages }
    }

    pub fn quiet(&self) -> bool {
        self.quiet
    }

    pub fn step(&self, position: usize, step: usize, steps: usize, text: &str) {
        if self.quiet {
            return;
        }
        if self.stages > 1 {
            println!("[{}/{}] STEP {step}/{steps}: {text}", position + 1, self.stages);
        } else {
            println!("STEP {step}/{steps}: {text}");
        }
    }

    pub fn line(&self, text: &str) {
        if !self.quiet {
            println!("{text}");
        }
    }
}
