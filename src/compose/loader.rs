//! From files to one merged model: read and parse each file, interpolate it
//! (every file before any is typed, so that a missing `${VAR:?}` is the
//! first error), resolve `include` and `extends`, type each service with
//! paths made absolute, and merge the files in order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_yaml_ng::{Mapping, Value};

use super::discover::{self, absolute, Options};
use super::error::ComposeError;
use super::interpolate::{self, Unset};
use super::model::{FileModel, Service, TOP_LEVEL_KEYS};
use super::mounts::MountType;
use super::{dotenv, merge, project, yaml, Project};

/// Loads the project the options describe.
pub fn load(opts: &Options) -> Result<Project, ComposeError> {
    let found = discover::find_files(opts)?;
    let project_dir = match &opts.project_directory {
        Some(d) => absolute(&opts.cwd, d),
        None => match found.files.first() {
            Some(f) if f != Path::new("-") => f.parent().map(Path::to_path_buf).unwrap_or_else(|| opts.cwd.clone()),
            _ => opts.cwd.clone(),
        },
    };
    let environment = project_environment(opts, &project_dir)?;
    let mut loader = Loader { env: &environment, unset: Unset::new(), warnings: found.warnings, depth: 0 };

    let mut sources = Vec::new();
    for file in &found.files {
        // Paths in every -f file are relative to the project directory.
        sources.push(loader.source(file, &project_dir)?);
    }
    let mut merged = Value::Mapping(Mapping::new());
    for source in &sources {
        let model = loader.file_model(source)?;
        merged = merge::merge_models(merged, model);
    }
    merge::strip_directives(&mut merged);
    let model: FileModel = serde_yaml_ng::from_value(merged).map_err(|e| ComposeError::Invalid(format!("merging {}: {e}", display_files(&found.files))))?;
    let mut warnings = loader.warnings;
    warnings.extend(loader.unset.iter().map(|v| interpolate::unset_warning(v)));
    project::finish(model, project::Context { dir: project_dir, files: found.files, environment, opts, warnings })
}

fn display_files(files: &[PathBuf]) -> String {
    files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// The variables files are interpolated with: `--env-file` files (or the
/// project directory's `.env`), then the shell's environment over them.
fn project_environment(opts: &Options, project_dir: &Path) -> Result<BTreeMap<String, String>, ComposeError> {
    let files: Vec<PathBuf> = if opts.env_files.is_empty() {
        Some(project_dir.join(".env")).filter(|p| p.is_file()).into_iter().collect()
    } else {
        opts.env_files.iter().map(|f| absolute(&opts.cwd, f)).collect()
    };
    let mut env = BTreeMap::new();
    for file in files {
        let earlier = env.clone();
        let lookup = |n: &str| opts.environment.get(n).or_else(|| earlier.get(n)).cloned();
        let entries = dotenv::read(&file, &lookup).map_err(ComposeError::Invalid)?;
        env.extend(dotenv::to_map(entries));
    }
    env.extend(opts.environment.iter().map(|(k, v)| (k.clone(), v.clone())));
    Ok(env)
}

/// One parsed, interpolated file, and the directory its relative paths
/// start from.
struct Source {
    path: PathBuf,
    base_dir: PathBuf,
    raw: Value,
}

struct Loader<'a> {
    env: &'a BTreeMap<String, String>,
    unset: Unset,
    warnings: Vec<String>,
    /// How deep in `include`/`extends` files we are, to stop loops.
    depth: usize,
}

const MAX_DEPTH: usize = 32;

impl Loader<'_> {
    fn source(&mut self, file: &Path, base_dir: &Path) -> Result<Source, ComposeError> {
        let text = if file == Path::new("-") {
            std::io::read_to_string(std::io::stdin()).map_err(|e| ComposeError::InvalidFile { file: file.into(), message: format!("read standard input: {e}") })?
        } else {
            std::fs::read_to_string(file).map_err(|e| ComposeError::InvalidFile { file: file.into(), message: format!("cannot read the file: {e}") })?
        };
        let mut raw = yaml::parse(file, &text)?;
        if let Value::Mapping(map) = &raw {
            for key in map.keys() {
                let k = key.as_str().unwrap_or_default();
                if k == "version" {
                    self.warnings.push(format!("{}: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion", file.display()));
                } else if !TOP_LEVEL_KEYS.contains(&k) && !k.starts_with("x-") {
                    self.warnings.push(format!("{}: unknown top-level key {k:?} is ignored (expected services, networks, volumes, secrets, configs, include or name)", file.display()));
                }
            }
        }
        let env = self.env;
        interpolate::interpolate_tree(&mut raw, file, &|n| env.get(n).cloned(), &mut self.unset)?;
        Ok(Source { path: file.to_path_buf(), base_dir: base_dir.to_path_buf(), raw })
    }

    /// A file's model in its long form, its includes and extends resolved.
    fn file_model(&mut self, src: &Source) -> Result<Value, ComposeError> {
        let mut model = Mapping::new();
        if let Some(name) = src.raw.get("name") {
            model.insert("name".into(), name.clone());
        }
        let mut services = Mapping::new();
        let names: Vec<String> = src.raw.get("services").and_then(Value::as_mapping).map(|m| m.keys().filter_map(super::flex::scalar).collect()).unwrap_or_default();
        if let Some(s) = src.raw.get("services").filter(|s| !s.is_mapping() && !s.is_null()) {
            return Err(ComposeError::InvalidFile { file: src.path.clone(), message: format!("services must be a mapping of service names, not {s:?}") });
        }
        for name in names {
            let svc = self.service(src, &name, &mut Vec::new())?;
            services.insert(name.into(), svc);
        }
        model.insert("services".into(), Value::Mapping(services));
        for (key, value) in resources(src)? {
            model.insert(key.into(), value);
        }
        let mut model = Value::Mapping(model);
        if let Some(include) = src.raw.get("include") {
            model = self.include(src, include, model)?;
        }
        Ok(model)
    }

    /// A service's definition in its long form, with `extends` applied.
    fn service(&mut self, src: &Source, name: &str, chain: &mut Vec<(PathBuf, String)>) -> Result<Value, ComposeError> {
        let invalid = |message: String| ComposeError::InvalidService { file: src.path.clone(), service: name.to_string(), message };
        let raw = src.raw.get("services").and_then(|s| s.get(name)).ok_or_else(|| invalid(format!("no such service in {}", src.path.display())))?;
        let mut map = match raw {
            Value::Mapping(m) => m.clone(),
            Value::Null => Mapping::new(),
            _ => return Err(invalid("a service must be a mapping".into())),
        };
        map.retain(|k, _| !k.as_str().is_some_and(|k| k.starts_with("x-")));
        let extends = map.remove("extends");
        let directives = merge::take_directives(&mut map);
        let mut own = type_service(src, name, Value::Mapping(map))?;
        merge::put_directives(&mut own, &directives);
        let Some(extends) = extends else { return Ok(own) };

        let (file, base_name) = match &extends {
            Value::String(s) => (None, s.clone()),
            Value::Mapping(m) => {
                let service = m.get("service").and_then(super::flex::scalar).ok_or_else(|| invalid("extends needs a service".into()))?;
                (m.get("file").and_then(super::flex::scalar), service)
            }
            _ => return Err(invalid("extends must be a service name or {file, service}".into())),
        };
        let key = (file.as_ref().map(|f| absolute(src.path.parent().unwrap_or(Path::new("/")), Path::new(f))).unwrap_or_else(|| src.path.clone()), base_name.clone());
        chain.push((src.path.clone(), name.to_string()));
        if chain.contains(&key) || chain.len() > MAX_DEPTH {
            let names: Vec<String> = chain.iter().map(|(_, s)| s.clone()).chain([base_name]).collect();
            return Err(invalid(format!("extends loops: {}", names.join(" -> "))));
        }
        let base = match file {
            Some(_) => {
                // Paths in another file are relative to that file.
                let dir = key.0.parent().map(Path::to_path_buf).unwrap_or_default();
                let other = self.source(&key.0, &dir)?;
                self.service(&other, &base_name, chain)?
            }
            None => self.service(src, &base_name, chain)?,
        };
        chain.pop();
        Ok(merge::merge_service(base, own))
    }

    /// `include:` entries: each loaded as a project of its own (paths
    /// relative to it), whose services and resources join this file's;
    /// defining one twice is an error.
    fn include(&mut self, src: &Source, include: &Value, own: Value) -> Result<Value, ComposeError> {
        let bad = |message: String| ComposeError::InvalidFile { file: src.path.clone(), message };
        let entries = include.as_sequence().ok_or_else(|| bad("include must be a list".into()))?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(bad("include nests too deep (does a file include itself?)".into()));
        }
        let here = src.path.parent().unwrap_or(Path::new("/")).to_path_buf();
        let mut result = own;
        for entry in entries {
            let (paths, project_dir) = match entry {
                Value::Mapping(m) => {
                    let paths = m.get("path").map(super::flex::to_list).transpose().map_err(bad)?.unwrap_or_default();
                    (paths, m.get("project_directory").and_then(super::flex::scalar))
                }
                other => (super::flex::to_list(other).map_err(bad)?, None),
            };
            let mut imported = Value::Mapping(Mapping::new());
            for p in &paths {
                let file = absolute(&here, Path::new(p));
                let dir = match &project_dir {
                    Some(d) => absolute(&here, Path::new(d)),
                    None => file.parent().map(Path::to_path_buf).unwrap_or_default(),
                };
                let sub = self.source(&file, &dir)?;
                let model = self.file_model(&sub)?;
                imported = merge::merge_models(imported, model);
            }
            result = join_disjoint(&src.path, result, imported)?;
        }
        self.depth -= 1;
        Ok(result)
    }
}

/// Adds an included model's definitions to a file's; the same service,
/// network, volume, secret or config in both is an error.
fn join_disjoint(file: &Path, own: Value, imported: Value) -> Result<Value, ComposeError> {
    let (Value::Mapping(mut own), Value::Mapping(imported)) = (own, imported) else { return Ok(Value::Null) };
    for (section, defs) in imported {
        if section.as_str() == Some("name") {
            continue;
        }
        let Value::Mapping(defs) = defs else { continue };
        let target = own.entry(section.clone()).or_insert_with(|| Value::Mapping(Mapping::new()));
        let Some(target) = target.as_mapping_mut() else { continue };
        for (k, v) in defs {
            if target.contains_key(&k) {
                return Err(ComposeError::InvalidFile {
                    file: file.to_path_buf(),
                    message: format!("{}.{} is defined both here and in an included file: rename one of them", section.as_str().unwrap_or_default(), k.as_str().unwrap_or_default()),
                });
            }
            target.insert(k, v);
        }
    }
    Ok(Value::Mapping(own))
}

/// Types one service (every short form to its long one), makes its paths
/// absolute, and writes it back as a YAML value for merging.
fn type_service(src: &Source, name: &str, value: Value) -> Result<Value, ComposeError> {
    // Keys the text check could not see (from a `<<` merge of an anchor).
    if let Some(key) = value.as_mapping().and_then(|m| m.keys().filter_map(Value::as_str).find(|k| !super::model::service_keys().contains(k))) {
        return Err(ComposeError::UnknownServiceKey { file: src.path.clone(), line: None, column: None, service: name.to_string(), key: key.to_string() });
    }
    let mut svc: Service = serde_yaml_ng::from_value(value.clone()).map_err(|e| ComposeError::InvalidService {
        file: src.path.clone(),
        service: name.to_string(),
        message: failing_key(&value).unwrap_or_else(|| e.to_string()),
    })?;
    let dir = &src.base_dir;
    if let Some(build) = &mut svc.build {
        if !is_remote(&build.context) {
            build.context = absolute(dir, Path::new(&build.context)).display().to_string();
        }
    }
    for mount in &mut svc.volumes {
        if mount.kind == MountType::Bind {
            if let Some(source) = &mut mount.source {
                *source = absolute(dir, Path::new(source.as_str())).display().to_string();
            }
        }
    }
    for env_file in &mut svc.env_file {
        env_file.path = absolute(dir, Path::new(&env_file.path)).display().to_string();
    }
    if let Some(h) = &mut svc.healthcheck {
        h.normalise();
    }
    serde_yaml_ng::to_value(&svc).map_err(|e| ComposeError::Invalid(format!("service {name}: {e}")))
}

/// Names the key whose value did not type, by typing each key alone.
fn failing_key(value: &Value) -> Option<String> {
    let map = value.as_mapping()?;
    map.iter().find_map(|(k, v)| {
        let mut one = Mapping::new();
        one.insert(k.clone(), v.clone());
        serde_yaml_ng::from_value::<Service>(Value::Mapping(one)).err().map(|e| format!("{}: {}", k.as_str().unwrap_or_default(), short_message(&e.to_string())))
    })
}

/// serde's "unknown field `x`, expected one of `a`, `b`, ..." without the
/// (long) list, in the words of the other key errors.
fn short_message(message: &str) -> String {
    match message.split_once("unknown field `") {
        Some((before, rest)) => {
            let key = rest.split('`').next().unwrap_or_default();
            format!("{before}unknown key {key:?}: remove it or check its spelling")
        }
        None => message.to_string(),
    }
}

/// A build context that is a URL (git) rather than a directory.
fn is_remote(context: &str) -> bool {
    context.contains("://") || context.starts_with("git@") || context.starts_with("github.com/")
}

/// The top-level networks, volumes, secrets and configs of one file, typed
/// and written back, with secret and config files made absolute.
fn resources(src: &Source) -> Result<Vec<(&'static str, Value)>, ComposeError> {
    let mut top = Mapping::new();
    for section in ["networks", "volumes", "secrets", "configs"] {
        let Some(mut value) = src.raw.get(section).cloned() else { continue };
        // The old `external: {name: X}` is `external: true` with `name: X`.
        if let Value::Mapping(defs) = &mut value {
            for (_, def) in defs.iter_mut() {
                let Value::Mapping(def) = def else { continue };
                if let Some(Value::Mapping(ext)) = def.get("external").cloned() {
                    if let Some(n) = ext.get("name") {
                        def.insert("name".into(), n.clone());
                    }
                    def.insert("external".into(), Value::Bool(true));
                }
            }
        }
        top.insert(section.into(), value);
    }
    let mut model: FileModel = serde_yaml_ng::from_value(Value::Mapping(top)).map_err(|e| ComposeError::InvalidFile { file: src.path.clone(), message: e.to_string() })?;
    for obj in model.secrets.values_mut().chain(model.configs.values_mut()) {
        if let Some(file) = &mut obj.file {
            *file = absolute(&src.base_dir, Path::new(file.as_str())).display().to_string();
        }
    }
    let value = serde_yaml_ng::to_value(&model).map_err(|e| ComposeError::Invalid(e.to_string()))?;
    let mut out = Vec::new();
    if let Value::Mapping(m) = value {
        for section in ["networks", "volumes", "secrets", "configs"] {
            if let Some(v) = m.get(section) {
                out.push((section, v.clone()));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
#[path = "loader_tests.rs"]
mod tests;
