//! What a parsed Dockerfile is: stages of typed instructions.
//!
//! Words of instructions that Docker expands (see [`super::expand`]) are kept
//! as written, quotes included: expansion is also what removes quotes, and it
//! needs the build args and ENV of the moment, which only the executor knows.

use std::time::Duration;

/// A whole Dockerfile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dockerfile {
    pub directives: Directives,
    /// `ARG`s before the first `FROM`: usable in every `FROM` line, and in a
    /// stage only after that stage re-declares them (Docker's scoping).
    pub global_args: Vec<Step>,
    pub stages: Vec<Stage>,
}

impl Dockerfile {
    /// The stage a `--target`, `COPY --from=` or `FROM` names: by name
    /// (case-insensitive, as Docker compares them) or by index. `None` means
    /// the reference is an image. Whether a stage may name a later one is
    /// the executor's rule, not the lookup's.
    pub fn stage(&self, reference: &str) -> Option<&Stage> {
        let lower = reference.to_ascii_lowercase();
        if let Some(stage) = self.stages.iter().find(|s| s.name.as_deref() == Some(lower.as_str())) {
            return Some(stage);
        }
        let is_index = !reference.is_empty() && reference.chars().all(|c| c.is_ascii_digit());
        reference.parse::<usize>().ok().filter(|_| is_index).and_then(|i| self.stages.get(i))
    }
}

/// Parser directives from the head of the file (`# escape=`...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directives {
    /// `# syntax=docker/dockerfile:1`: recorded, the frontend is always ours.
    pub syntax: Option<String>,
    /// `# escape=` (`\` unless set to `` ` ``).
    pub escape: char,
    /// `# check=skip=...`: recorded for a future linter.
    pub check: Option<String>,
}

impl Default for Directives {
    fn default() -> Self {
        Directives { syntax: None, escape: '\\', check: None }
    }
}

/// One stage: a `FROM` and the instructions up to the next `FROM`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    /// 0-based position, what `COPY --from=0` names.
    pub index: usize,
    /// `AS name`, lower-cased as Docker compares stage names.
    pub name: Option<String>,
    /// The base image, another stage's name, or `scratch`, as written
    /// (global ARGs are expanded in it by the executor).
    pub base: String,
    /// `--platform=...` as written.
    pub platform: Option<String>,
    /// Line of the `FROM` (1-based).
    pub line: usize,
    /// The `FROM` line as written (continuations joined).
    pub original: String,
    pub instructions: Vec<Step>,
}

/// An instruction with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// 1-based line where the instruction starts.
    pub line: usize,
    /// The instruction as written, continuations joined, heredoc bodies left
    /// out: what `STEP N/M:` prints and history's `created_by` is made of.
    pub original: String,
    pub instruction: Instruction,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Instruction {
    Run(Run),
    Cmd(Command),
    Entrypoint(Command),
    /// `ENV a=b c=d` or the legacy `ENV a b c` (one key, the rest its value).
    Env(Vec<KeyValue>),
    Arg(Vec<ArgDecl>),
    Label(Vec<KeyValue>),
    /// `80`, `53/udp`, `8000-8010/tcp` (validated after expansion).
    Expose(Vec<String>),
    Volume(Vec<String>),
    User(String),
    Workdir(String),
    Copy(Copy),
    Add(Add),
    Healthcheck(Healthcheck),
    /// Always the JSON form.
    Shell(Vec<String>),
    StopSignal(String),
    /// The trigger's text goes into the image config as written; the parsed
    /// instruction proves it is valid now rather than in a child build.
    OnBuild { trigger: String, instruction: Box<Instruction> },
    Maintainer(String),
}

/// RUN, CMD and ENTRYPOINT: exec form (`["a", "b"]`) or shell form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Exec(Vec<String>),
    /// Run with the stage's SHELL (`/bin/sh -c` by default); never expanded
    /// by the builder, the shell does it.
    Shell(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyValue {
    pub key: String,
    /// As written, quotes included; [`super::expand`] gives the value.
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgDecl {
    pub name: String,
    /// As written, quotes included; expanded by the executor.
    pub default: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub command: Command,
    pub mounts: Vec<RunMount>,
    /// `--network=`; `None` is the build's own setting.
    pub network: Option<RunNetwork>,
    /// `--security=insecure|sandbox` as written.
    pub security: Option<String>,
    /// Bodies of `<<EOF` markers of the line, in order. When the command is
    /// only one marker, the body is the script; otherwise the shell gets the
    /// command followed by the bodies, as a shell would read them.
    pub heredocs: Vec<Heredoc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunNetwork {
    Default,
    None,
    Host,
}

/// One `--mount=` of a RUN. Fields a type does not use stay `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunMount {
    pub kind: MountKind,
    /// Where it appears in the container; `None` only for secrets and ssh
    /// (their default is `/run/secrets/ID`, `/run/buildkit/ssh_agent.N`).
    pub target: Option<String>,
    /// Path in `from` (bind, cache) or the build context.
    pub source: Option<String>,
    /// A stage name or index, or an image (bind, cache).
    pub from: Option<String>,
    /// Cache or secret id.
    pub id: Option<String>,
    pub readonly: bool,
    pub sharing: CacheSharing,
    pub mode: Option<u32>,
    pub uid: Option<u32>,
    pub gid: Option<u32>,
    /// tmpfs size in bytes.
    pub size: Option<u64>,
    /// Secret and ssh: fail the step when the secret is not given.
    pub required: bool,
    /// Secret: expose it as this environment variable.
    pub env: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MountKind {
    Bind,
    Cache,
    Tmpfs,
    Secret,
    Ssh,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CacheSharing {
    #[default]
    Shared,
    Private,
    Locked,
}

/// Flags and operands COPY and ADD have in common.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Transfer {
    pub sources: Vec<Source>,
    /// As written: a trailing `/` makes it a directory (Docker's rule, and
    /// required when there are several sources).
    pub dest: String,
    pub chown: Option<String>,
    pub chmod: Option<String>,
    pub link: bool,
    pub exclude: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A path or glob in the context (or `--from`), or for ADD a URL.
    Path(String),
    /// `COPY <<EOF /file`: a file made of the body.
    Heredoc(Heredoc),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    pub transfer: Transfer,
    /// `--from=`: a stage name, a stage index or an image.
    pub from: Option<String>,
    /// `--parents`: keep the source's parent directories.
    pub parents: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Add {
    pub transfer: Transfer,
    /// `--checksum=sha256:...` of a URL source.
    pub checksum: Option<String>,
    pub keep_git_dir: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heredoc {
    /// The delimiter word (`EOF`); for `COPY <<EOF /f` also the file's name.
    pub name: String,
    /// The lines between the marker and the delimiter, each ending in `\n`
    /// (leading tabs removed for `<<-`).
    pub content: String,
    /// False for a quoted delimiter (`<<"EOF"`, `<<'EOF'`): no expansion.
    pub expand: bool,
    /// `<<-`: leading tabs were stripped.
    pub strip_tabs: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Healthcheck {
    /// `HEALTHCHECK NONE`: disable the base image's check.
    None,
    Check(HealthcheckCommand),
}

/// `HEALTHCHECK [OPTIONS] CMD command`; an option not given stays `None`
/// (inherit Docker's default: 30s, 30s, 0s, 5s, 3 retries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthcheckCommand {
    pub test: Command,
    pub interval: Option<Duration>,
    pub timeout: Option<Duration>,
    pub start_period: Option<Duration>,
    pub start_interval: Option<Duration>,
    pub retries: Option<u32>,
}
