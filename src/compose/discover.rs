//! Which files make the project and what it is called, as Compose decides:
//! `-f` files, else `COMPOSE_FILE`, else the first of `compose.yaml`,
//! `compose.yml`, `docker-compose.yml`, `docker-compose.yaml` in the
//! current directory or its parents, with its `compose.override.yaml`;
//! the name from `-p`, `COMPOSE_PROJECT_NAME`, `name:`, or the directory.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use super::error::ComposeError;

pub const FILE_NAMES: &[&str] = &["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];
pub const OVERRIDE_NAMES: &[&str] = &["compose.override.yaml", "compose.override.yml", "docker-compose.override.yml", "docker-compose.override.yaml"];

/// What the command line and the environment say about the project.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `-f` files, in order (`-` is standard input).
    pub files: Vec<PathBuf>,
    /// `-p`.
    pub project_name: Option<String>,
    /// `--project-directory`.
    pub project_directory: Option<PathBuf>,
    /// `--env-file`, replacing the project directory's `.env`.
    pub env_files: Vec<PathBuf>,
    /// `--profile`.
    pub profiles: Vec<String>,
    /// Where relative `-f` paths and the search for a file start.
    pub cwd: PathBuf,
    /// The shell's environment (a parameter, so that tests control it).
    pub environment: BTreeMap<String, String>,
}

impl Options {
    /// Options with the process's current directory and environment.
    pub fn from_process() -> std::io::Result<Options> {
        Ok(Options { cwd: std::env::current_dir()?, environment: std::env::vars().collect(), ..Options::default() })
    }
}

/// The files found, and warnings about the choice.
#[derive(Debug, PartialEq)]
pub struct Found {
    pub files: Vec<PathBuf>,
    pub warnings: Vec<String>,
}

pub fn find_files(opts: &Options) -> Result<Found, ComposeError> {
    let mut warnings = Vec::new();
    if !opts.files.is_empty() {
        let files = opts.files.iter().map(|f| if f == Path::new("-") { f.clone() } else { absolute(&opts.cwd, f) }).collect();
        return Ok(Found { files, warnings });
    }
    if let Some(list) = opts.environment.get("COMPOSE_FILE").filter(|v| !v.is_empty()) {
        let sep = opts.environment.get("COMPOSE_PATH_SEPARATOR").and_then(|s| s.chars().next()).unwrap_or(':');
        let files = list.split(sep).filter(|s| !s.is_empty()).map(|f| absolute(&opts.cwd, Path::new(f))).collect();
        return Ok(Found { files, warnings });
    }
    let start = opts.project_directory.as_ref().map(|d| absolute(&opts.cwd, d)).unwrap_or_else(|| opts.cwd.clone());
    for dir in start.ancestors() {
        let present: Vec<&str> = FILE_NAMES.iter().copied().filter(|n| dir.join(n).is_file()).collect();
        let Some(first) = present.first() else { continue };
        if present.len() > 1 {
            warnings.push(format!("found multiple config files with supported names: {}; using {first}", present.join(", ")));
        }
        let mut files = vec![dir.join(first)];
        if let Some(o) = OVERRIDE_NAMES.iter().find(|n| dir.join(n).is_file()) {
            files.push(dir.join(o));
        }
        return Ok(Found { files, warnings });
    }
    Err(ComposeError::NoComposeFile { dir: start })
}

/// `path` made absolute against `base`, `~` expanded, `.` and `..` removed
/// (lexically, as Compose prints paths).
pub fn absolute(base: &Path, path: &Path) -> PathBuf {
    let text = path.to_string_lossy();
    let joined = if text == "~" || text.starts_with("~/") {
        let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/"));
        home.join(text.trim_start_matches('~').trim_start_matches('/'))
    } else if path.is_absolute() {
        path.to_path_buf()
    } else {
        base.join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// A directory's name made a project name: lowercase, only `[a-z0-9_-]`,
/// starting with a letter or digit.
pub fn normalise_name(raw: &str) -> String {
    let kept: String = raw.to_lowercase().chars().filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == '-').collect();
    kept.trim_start_matches(['_', '-']).to_string()
}

/// A name the user gave (`-p`, `COMPOSE_PROJECT_NAME`, `name:`) must
/// already be valid: Compose refuses rather than renames it.
pub fn check_name(name: &str, from: &str) -> Result<String, ComposeError> {
    if !name.is_empty() && normalise_name(name) == name {
        return Ok(name.to_string());
    }
    Err(ComposeError::Invalid(format!(
        "invalid project name {name:?} (from {from}): use only lowercase letters, digits, dashes and underscores, starting with a letter or digit, such as {:?}",
        normalise_name(name)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(cwd: &Path) -> Options {
        Options { cwd: cwd.to_path_buf(), ..Options::default() }
    }

    #[test]
    fn a_file_is_found_in_a_parent_with_its_override() {
        let tmp = tempfile::tempdir().unwrap();
        let sub = tmp.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(tmp.path().join("docker-compose.yml"), "services: {}").unwrap();
        std::fs::write(tmp.path().join("compose.override.yaml"), "services: {}").unwrap();
        let found = find_files(&opts(&sub)).unwrap();
        assert_eq!(found.files, [tmp.path().join("docker-compose.yml"), tmp.path().join("compose.override.yaml")]);
    }

    #[test]
    fn compose_yaml_comes_first_and_duplicates_warn() {
        let tmp = tempfile::tempdir().unwrap();
        for n in ["docker-compose.yml", "compose.yaml"] {
            std::fs::write(tmp.path().join(n), "services: {}").unwrap();
        }
        let found = find_files(&opts(tmp.path())).unwrap();
        assert_eq!(found.files, [tmp.path().join("compose.yaml")]);
        assert_eq!(found.warnings.len(), 1);
    }

    #[test]
    fn dash_f_and_compose_file_win_over_the_search() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("compose.yaml"), "services: {}").unwrap();
        let mut o = opts(tmp.path());
        o.files = vec!["x.yaml".into(), "/abs/y.yaml".into()];
        assert_eq!(find_files(&o).unwrap().files, [tmp.path().join("x.yaml"), PathBuf::from("/abs/y.yaml")]);
        let mut o = opts(tmp.path());
        o.environment.insert("COMPOSE_FILE".into(), "a.yaml:b/c.yaml".into());
        assert_eq!(find_files(&o).unwrap().files, [tmp.path().join("a.yaml"), tmp.path().join("b/c.yaml")]);
    }

    #[test]
    fn no_file_is_an_error_naming_the_directory() {
        let tmp = tempfile::tempdir().unwrap();
        let err = find_files(&opts(tmp.path())).unwrap_err();
        assert!(err.to_string().contains(&tmp.path().display().to_string()), "{err}");
    }

    #[test]
    fn names_are_normalised_as_compose_does() {
        assert_eq!(normalise_name("My App.v2"), "myappv2");
        assert_eq!(normalise_name("_-web_1"), "web_1");
        assert!(check_name("my-app_1", "-p").is_ok());
        assert!(check_name("My App", "-p").is_err());
        assert!(check_name("", "-p").is_err());
    }

    #[test]
    fn paths_are_made_absolute_lexically() {
        assert_eq!(absolute(Path::new("/p/q"), Path::new("./a/../b")), PathBuf::from("/p/q/b"));
        assert_eq!(absolute(Path::new("/p/q"), Path::new("../x")), PathBuf::from("/p/x"));
        assert_eq!(absolute(Path::new("/p"), Path::new("/abs/./y")), PathBuf::from("/abs/y"));
    }
}
