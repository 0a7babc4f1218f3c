//! `import`: an image of one layer from a root filesystem tarball, with the
//! container defaults given as Dockerfile instructions (`--change`).

use std::fs::File;
use std::io::Read;

use anyhow::{bail, Context, Result};
use serde_json::json;

use crate::engine::image_writer::{now_rfc3339, uncompressed_layer, write_image};
use crate::image::digest::Digest;
use crate::image::manifest::{ContainerConfig, History, ImageConfig, Platform, RootFs};
use crate::store::unpack::decompress;
use crate::store::Store;

/// The instructions `--change` accepts, as `docker import` and `docker
/// commit` do.
pub const CHANGE_INSTRUCTIONS: &str = "CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR";

/// Applies `--change` instructions to `config` in order.
pub fn apply_changes(changes: &[String], config: &mut ContainerConfig) -> Result<()> {
    for change in changes {
        apply_change(change, config).with_context(|| format!("--change {change:?}"))?;
    }
    Ok(())
}

fn apply_change(change: &str, c: &mut ContainerConfig) -> Result<()> {
    let trimmed = change.trim();
    let (instruction, rest) = trimmed.split_once(char::is_whitespace).unwrap_or((trimmed, ""));
    let rest = rest.trim();
    let instruction = instruction.to_ascii_uppercase();
    if rest.is_empty() && !instruction.is_empty() {
        bail!("{instruction} needs an argument");
    }
    match instruction.as_str() {
        "CMD" => c.cmd = Some(command_form(rest)),
        "ENTRYPOINT" => c.entrypoint = Some(command_form(rest)),
        "ENV" => {
            let env = c.env.get_or_insert_with(Vec::new);
            for (key, value) in key_values(rest)? {
                env.retain(|e| e.split_once('=').map_or(e.as_str(), |(k, _)| k) != key);
                env.push(format!("{key}={value}"));
            }
        }
        "LABEL" => c.labels.get_or_insert_with(Default::default).extend(key_values(rest)?),
        "EXPOSE" => {
            let ports = c.exposed_ports.get_or_insert_with(Default::default);
            for word in split_words(rest)? {
                ports.insert(port_spec(&word)?, json!({}));
            }
        }
        "VOLUME" => {
            let paths = match serde_json::from_str::<Vec<String>>(rest) {
                Ok(list) if rest.starts_with('[') => list,
                _ => split_words(rest)?,
            };
            let volumes = c.volumes.get_or_insert_with(Default::default);
            for path in paths {
                volumes.insert(path, json!({}));
            }
        }
        "USER" => c.user = Some(rest.to_string()),
        "WORKDIR" => {
            let dir = if rest.starts_with('/') {
                rest.to_string()
            } else {
                format!("{}/{rest}", c.working_dir.as_deref().unwrap_or("").trim_end_matches('/'))
            };
            c.working_dir = Some(dir);
        }
        "STOPSIGNAL" => c.stop_signal = Some(rest.to_string()),
        "ONBUILD" => c.on_build.get_or_insert_with(Vec::new).push(rest.to_string()),
        "" => bail!("empty instruction: use one of {CHANGE_INSTRUCTIONS}"),
        other => bail!("{other} is not supported: use one of {CHANGE_INSTRUCTIONS}"),
    }
    Ok(())
}

/// Exec form (`["sh", "-c", "x"]`) or shell form (`echo hi`, run by /bin/sh).
fn command_form(rest: &str) -> Vec<String> {
    match serde_json::from_str::<Vec<String>>(rest) {
        Ok(list) if rest.starts_with('[') => list,
        _ => vec!["/bin/sh".into(), "-c".into(), rest.into()],
    }
}

/// `k=v k2="v 2"`, or the legacy `key the whole value`.
fn key_values(rest: &str) -> Result<Vec<(String, String)>> {
    let first = rest.split_whitespace().next().unwrap_or("");
    if !first.contains('=') {
        let (key, value) = rest.split_once(char::is_whitespace).context("expected KEY=VALUE or KEY VALUE")?;
        return Ok(vec![(key.to_string(), value.trim().to_string())]);
    }
    split_words(rest)?
        .into_iter()
        .map(|word| match word.split_once('=') {
            Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
            _ => bail!("{word:?} is not KEY=VALUE"),
        })
        .collect()
}

/// `80` -> `80/tcp`; `53/udp`, `8000-8010/tcp` kept after checking.
fn port_spec(word: &str) -> Result<String> {
    let (ports, proto) = word.split_once('/').unwrap_or((word, "tcp"));
    let proto = proto.to_ascii_lowercase();
    if !matches!(proto.as_str(), "tcp" | "udp" | "sctp") {
        bail!("invalid protocol {proto:?} in {word:?}: use tcp, udp or sctp");
    }
    let valid = |p: &str| p.parse::<u16>().is_ok_and(|n| n > 0);
    let ok = match ports.split_once('-') {
        Some((a, b)) => valid(a) && valid(b),
        None => valid(ports),
    };
    if !ok {
        bail!("invalid port {word:?}: expected PORT[/PROTO] or START-END[/PROTO] with ports 1-65535");
    }
    Ok(format!("{ports}/{proto}"))
}

/// Splits on blanks, honouring "double" and 'single' quotes and backslashes.
fn split_words(s: &str) -> Result<Vec<String>> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = s.chars();
    while let Some(ch) = chars.next() {
        match ch {
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '\\' => {
                word.push(chars.next().unwrap_or('\\'));
                in_word = true;
            }
            '"' | '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some(c) if c == ch => break,
                        Some('\\') if ch == '"' => word.push(chars.next().unwrap_or('\\')),
                        Some(c) => word.push(c),
                        None => bail!("unterminated quote in {s:?}"),
                    }
                }
            }
            c => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

/// Opens what `import` reads: a file, `-` for standard input, or a URL.
pub fn open_source(source: &str) -> Result<Box<dyn Read>> {
    if source == "-" {
        return Ok(Box::new(std::io::stdin()));
    }
    if source.starts_with("http://") || source.starts_with("https://") {
        let response = ureq::get(source).call().map_err(|e| match e {
            ureq::Error::Status(code, _) => anyhow::anyhow!("download {source}: the server answered HTTP {code}"),
            other => anyhow::anyhow!("download {source}: {other}"),
        })?;
        return Ok(Box::new(response.into_reader()));
    }
    Ok(Box::new(File::open(source).with_context(|| format!("open {source}"))?))
}

/// What `import` was asked for, checked before anything is read.
pub struct ImportRequest {
    /// How the source is named in the image history (`-`, a path, a URL).
    pub source: String,
    pub config: ContainerConfig,
    pub message: Option<String>,
    /// A normalised `registry/repo:tag`, or none for a dangling image.
    pub name: Option<String>,
    /// The platform the image says it is for (`import --platform`); the host's when none.
    pub platform: Option<Platform>,
}

/// Stores `tarball` as the one layer of a new image; returns its Id.
pub fn import(store: &Store, tarball: impl Read, request: ImportRequest) -> Result<Digest> {
    let _lock = store.lock_shared()?;
    let (diff_id, size) = store.blobs.put_reader(decompress(tarball)?).context("read the tarball")?;
    if size == 0 {
        bail!("nothing to import: {} is empty", request.source);
    }
    store.layers.unpack(&diff_id, store.blobs.open(&diff_id)?, &store.unpack_options()).context("unpack the tarball")?;
    let created = now_rfc3339();
    let host = request.platform.clone().unwrap_or_else(Platform::host);
    let comment = request.message.clone().unwrap_or_else(|| format!("Imported from {}", request.source));
    let config = ImageConfig {
        created: Some(created.clone()),
        author: None,
        architecture: host.architecture,
        os: host.os,
        variant: host.variant,
        config: (request.config != ContainerConfig::default()).then_some(request.config),
        rootfs: RootFs { kind: "layers".into(), diff_ids: vec![diff_id.clone()] },
        history: vec![History { created: Some(created), comment: Some(comment), ..Default::default() }],
    };
    let record = write_image(store, &config, vec![uncompressed_layer(&diff_id, size)], request.name.into_iter().collect())?;
    crate::engine::events::emit(store, crate::engine::events::Event::image("import", &record.id.to_string(), &request.source));
    Ok(record.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The config as `inspect` sees its fields.
    fn as_json(c: &ContainerConfig) -> serde_json::Value {
        serde_json::to_value(c).unwrap()
    }

    fn changed(changes: &[&str]) -> Result<ContainerConfig> {
        let mut c = ContainerConfig::default();
        apply_changes(&changes.iter().map(|s| s.to_string()).collect::<Vec<_>>(), &mut c)?;
        Ok(c)
    }

    #[test]
    fn cmd_and_entrypoint_in_both_forms() {
        let c = changed(&[r#"CMD ["sh"]"#, "ENTRYPOINT echo hi there"]).unwrap();
        assert_eq!(c.cmd.unwrap(), ["sh"]);
        assert_eq!(c.entrypoint.unwrap(), ["/bin/sh", "-c", "echo hi there"]);
        let c = changed(&["cmd [not json"]).unwrap();
        assert_eq!(c.cmd.unwrap(), ["/bin/sh", "-c", "[not json"]);
    }

    #[test]
    fn env_label_in_both_forms_and_replacing() {
        let c = changed(&["ENV A=1 B=\"two words\"", "ENV C the rest of it", "ENV A=3"]).unwrap();
        assert_eq!(c.env.unwrap(), ["B=two words", "C=the rest of it", "A=3"]);
        let c = changed(&[r#"LABEL a=b "c.d"='e f'"#, "LABEL legacy some value"]).unwrap();
        let labels = c.labels.unwrap();
        assert_eq!(labels["a"], "b");
        assert_eq!(labels["c.d"], "e f");
        assert_eq!(labels["legacy"], "some value");
    }

    #[test]
    fn expose_volume_workdir_user_stopsignal_onbuild() {
        let c = changed(&["EXPOSE 80 53/udp 8000-8001", r#"VOLUME ["/data", "/logs"]"#, "VOLUME /x /y", "WORKDIR /app", "WORKDIR sub", "USER 1000:1000", "STOPSIGNAL SIGTERM", "ONBUILD RUN true"]).unwrap();
        let json = as_json(&c);
        let ports: Vec<&String> = c.exposed_ports.as_ref().unwrap().keys().collect();
        assert_eq!(ports, ["53/udp", "80/tcp", "8000-8001/tcp"]);
        assert_eq!(c.volumes.as_ref().unwrap().keys().collect::<Vec<_>>(), ["/data", "/logs", "/x", "/y"]);
        assert_eq!(json["WorkingDir"], "/app/sub");
        assert_eq!(json["User"], "1000:1000");
        assert_eq!(json["StopSignal"], "SIGTERM");
        assert_eq!(json["OnBuild"][0], "RUN true");
    }

    #[test]
    fn refuses_what_import_cannot_do() {
        let err = format!("{:#}", changed(&["RUN echo"]).unwrap_err());
        assert!(err.contains("RUN is not supported") && err.contains("CMD, ENTRYPOINT"), "{err}");
        assert!(changed(&["EXPOSE 99999"]).is_err());
        assert!(changed(&["EXPOSE 80/xyz"]).is_err());
        assert!(changed(&["ENV"]).is_err());
        assert!(changed(&["ENV A=\"open"]).is_err());
        assert!(changed(&["LABEL =x"]).is_err());
        assert!(changed(&[""]).is_err());
    }
}
