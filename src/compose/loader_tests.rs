//! Loading whole projects from files in a temporary directory, with an
//! environment the test controls.

use std::collections::BTreeMap;
use std::path::Path;

use super::load;
use crate::compose::{ComposeError, Options, Project};

struct Dir(tempfile::TempDir);

impl Dir {
    fn new() -> Dir {
        Dir(tempfile::Builder::new().prefix("proj").tempdir().unwrap())
    }
    fn path(&self) -> &Path {
        self.0.path()
    }
    fn write(&self, name: &str, text: &str) -> &Dir {
        let p = self.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }
    fn opts(&self) -> Options {
        Options { cwd: self.path().to_path_buf(), project_name: Some("t".into()), ..Options::default() }
    }
    fn load(&self) -> Project {
        load(&self.opts()).unwrap_or_else(|e| panic!("{e}"))
    }
    fn load_with(&self, f: impl FnOnce(&mut Options)) -> Result<Project, ComposeError> {
        let mut o = self.opts();
        f(&mut o);
        load(&o)
    }
    fn error(&self) -> String {
        load(&self.opts()).map(|_| ()).unwrap_err().to_string()
    }
}

fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn dash_f_files_merge_in_order() {
    let d = Dir::new();
    d.write("a.yaml", "services:\n  web:\n    image: web:1\n    ports: ['8080:80']\n    environment: [A=1, B=2]\n    command: echo a\n");
    d.write("b.yaml", "services:\n  web:\n    image: web:2\n    ports: ['9090:90', {target: 80, published: 8080}]\n    environment: {B: 3}\n    command: [echo, b]\n");
    let p = d.load_with(|o| o.files = vec!["a.yaml".into(), "b.yaml".into()]).unwrap();
    let web = &p.services["web"];
    assert_eq!(web.image.as_deref(), Some("web:2"));
    assert_eq!(web.ports.iter().map(|p| p.target).collect::<Vec<_>>(), [80, 90], "the same port is merged, a new one added");
    assert_eq!(web.environment["A"].as_deref(), Some("1"));
    assert_eq!(web.environment["B"].as_deref(), Some("3"));
    assert_eq!(web.command.as_deref(), Some(&["echo".to_string(), "b".to_string()][..]));
}

#[test]
fn reset_and_override_tags_change_the_merge() {
    let d = Dir::new();
    d.write("compose.yaml", "services:\n  web:\n    image: web\n    ports: ['8080:80']\n    environment: {FOO: foo, KEEP: k}\n    dns: [1.1.1.1]\n");
    d.write("compose.override.yaml", "services:\n  web:\n    ports: !reset []\n    environment: {FOO: !reset null}\n    dns: !override [8.8.8.8]\n");
    let web = &d.load().services["web"];
    assert!(web.ports.is_empty());
    assert_eq!(web.environment.keys().collect::<Vec<_>>(), ["KEEP"]);
    assert_eq!(web.dns, ["8.8.8.8"]);
}

#[test]
fn a_later_false_overrides_an_earlier_true() {
    let d = Dir::new();
    d.write("compose.yaml", "services:\n  web: {image: w, privileged: true, tty: true}\n");
    d.write("compose.override.yaml", "services:\n  web: {privileged: false}\n");
    let web = &d.load().services["web"];
    assert_eq!((web.privileged, web.tty), (Some(false), Some(true)));
}

#[test]
fn the_override_file_is_merged_on_top() {
    let d = Dir::new();
    d.write("compose.yaml", "services:\n  web:\n    image: web\n    volumes: ['data:/d']\nvolumes: {data: {}, other: {}}\n");
    d.write("compose.override.yaml", "services:\n  web:\n    volumes: ['other:/d']\n");
    let p = d.load();
    assert_eq!(p.files.len(), 2);
    let vols = &p.services["web"].volumes;
    assert_eq!((vols.len(), vols[0].source.as_deref()), (1, Some("other")), "volumes are unique by target");
}

#[test]
fn the_shell_wins_over_dot_env_and_env_file_replaces_it() {
    let d = Dir::new();
    d.write(".env", "TAG=fromdotenv\nONLY_DOTENV=yes\n");
    d.write("other.env", "TAG=fromother\n");
    d.write("compose.yaml", "services:\n  web:\n    image: web:${TAG}\n    environment: ['X=${ONLY_DOTENV:-no}']\n");
    assert_eq!(d.load().services["web"].image.as_deref(), Some("web:fromdotenv"));
    let p = d.load_with(|o| o.environment = env(&[("TAG", "fromshell")])).unwrap();
    assert_eq!(p.services["web"].image.as_deref(), Some("web:fromshell"));
    assert_eq!(p.services["web"].environment["X"].as_deref(), Some("yes"));
    let p = d.load_with(|o| o.env_files = vec!["other.env".into()]).unwrap();
    assert_eq!(p.services["web"].image.as_deref(), Some("web:fromother"));
    assert_eq!(p.services["web"].environment["X"].as_deref(), Some("no"), "--env-file replaces .env");
}

#[test]
fn a_required_variable_fails_before_any_other_error() {
    let d = Dir::new();
    d.write("a.yaml", "services:\n  web:\n    ports: ['not a port']\n");
    d.write("b.yaml", "services:\n  web:\n    image: ${IMAGE:?set IMAGE to the image to run}\n");
    let err = d.load_with(|o| o.files = vec!["a.yaml".into(), "b.yaml".into()]).unwrap_err().to_string();
    assert!(err.contains("IMAGE") && err.contains("set IMAGE to the image to run") && err.contains("b.yaml"), "{err}");
}

#[test]
fn project_names_come_from_flag_env_file_or_directory() {
    let d = Dir::new();
    d.write("compose.yaml", "name: fromfile\nservices:\n  web: {image: w}\n");
    assert_eq!(d.load().name, "t");
    assert_eq!(d.load_with(|o| o.project_name = None).unwrap().name, "fromfile");
    let p = d.load_with(|o| {
        o.project_name = None;
        o.environment = env(&[("COMPOSE_PROJECT_NAME", "fromenv")]);
    });
    assert_eq!(p.unwrap().name, "fromenv");
    d.write("compose.yaml", "services:\n  web: {image: w}\n");
    let dir_name = super::discover::normalise_name(&d.path().file_name().unwrap().to_string_lossy());
    assert_eq!(d.load_with(|o| o.project_name = None).unwrap().name, dir_name);
    d.write("compose.yaml", "name: Bad Name\nservices:\n  web: {image: w}\n");
    assert!(d.load_with(|o| o.project_name = None).is_err());
}

#[test]
fn engine_names_are_prefixed_by_the_project() {
    let d = Dir::new();
    d.write("compose.yaml", "services:\n  web: {image: w, volumes: ['data:/d', 'ext:/e']}\nvolumes:\n  data:\n  ext: {external: true}\nnetworks:\n  named: {name: exact}\n");
    let p = d.load();
    assert_eq!(p.volumes["data"].name.as_deref(), Some("t_data"));
    assert_eq!(p.volumes["ext"].name.as_deref(), Some("ext"));
    assert_eq!(p.networks["default"].name.as_deref(), Some("t_default"));
    assert_eq!(p.networks["named"].name.as_deref(), Some("exact"));
    assert!(p.services["web"].networks.contains_key("default"));
}

#[test]
fn profiles_enable_services() {
    let d = Dir::new();
    d.write("compose.yaml", "services:\n  web: {image: w}\n  debug: {image: d, profiles: [debug]}\n  tools: {image: t, profiles: [tools, debug]}\n");
    let p = d.load();
    assert_eq!(p.services.keys().collect::<Vec<_>>(), ["web"]);
    assert_eq!(p.disabled_services.len(), 2);
    let p = d.load_with(|o| o.profiles = vec!["tools".into()]).unwrap();
    assert_eq!(p.services.keys().collect::<Vec<_>>(), ["tools", "web"]);
    let p = d.load_with(|o| o.environment = env(&[("COMPOSE_PROFILES", "debug")])).unwrap();
    assert_eq!(p.services.len(), 3);
}

#[test]
fn depending_on_a_disabled_service_is_an_error() {
    let d = Dir::new();
    d.write("compose.yaml", "services:\n  web: {image: w, depends_on: [db]}\n  db: {image: d, profiles: [db]}\n");
    let err = d.error();
    assert!(err.contains("\"web\"") && err.contains("\"db\"") && err.contains("--profile"), "{err}");
    assert!(d.load_with(|o| o.profiles = vec!["db".into()]).is_ok());
}

#[test]
fn start_order_follows_dependencies() {
    let d = Dir::new();
    d.write("compose.yaml", "services:\n  web: {image: w, depends_on: {api: {condition: service_healthy}}}\n  api: {image: a, depends_on: [db, cache]}\n  db: {image: d}\n  cache: {image: c}\n  zz: {image: z}\n");
    let p = d.load();
    let order: Vec<&str> = p.services_in_start_order().unwrap().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(order, ["cache", "db", "api", "web", "zz"]);
}

#[test]
fn a_dependency_cycle_names_its_services() {
    let d = Dir::new();
    d.write("compose.yaml", "services:\n  a: {image: x, depends_on: [b]}\n  b: {image: x, depends_on: [c]}\n  c: {image: x, depends_on: [a]}\n  d: {image: x}\n");
    assert_eq!(d.error(), "dependency cycle between services: a -> b -> c -> a");
}

#[test]
fn invalid_services_are_errors() {
    let d = Dir::new();
    d.write("compose.yaml", "services:\n  web: {restart: always}\n");
    assert_eq!(d.error(), "service \"web\" has neither an image nor a build context: add `image:` or `build:`");
    d.write("compose.yaml", "services:\n  web: {image: w, depends_on: [nope]}\n");
    assert!(d.error().contains("undefined service \"nope\""), "{}", d.error());
    d.write("compose.yaml", "services:\n  web: {image: w, volumes: ['data:/d']}\n");
    assert!(d.error().contains("undefined volume \"data\""), "{}", d.error());
    d.write("compose.yaml", "services:\n  web:\n    image: w\n    ports: ['8080:80', 'x:y']\n");
    let err = d.error();
    assert!(err.contains("\"web\"") && err.contains("ports") && err.contains("x:y"), "{err}");
    d.write("compose.yaml", "services:\n  web: {image: w, network_mode: host, networks: [front]}\nnetworks: {front: {}}\n");
    assert!(d.error().contains("network_mode and networks"), "{}", d.error());
    d.write("compose.yaml", "services:\n  web: {image: w, container_name: one, deploy: {replicas: 2}}\n");
    assert!(d.error().contains("container_name"), "{}", d.error());
    d.write("compose.yaml", "services:\n  web:\n    image: w\n    restart: sometimes\n");
    assert!(d.error().contains("restart policy"), "{}", d.error());
}

#[test]
fn an_unknown_service_key_names_its_line() {
    let d = Dir::new();
    d.write("compose.yaml", "services:\n  web:\n    image: w\n    port: ['80']\n");
    let err = d.error();
    assert!(err.ends_with("compose.yaml:4:5: service \"web\" has an unknown key \"port\": remove it or check its spelling"), "{err}");
}

#[test]
fn unknown_keys_from_anchors_and_in_nested_mappings_are_named() {
    let d = Dir::new();
    d.write("compose.yaml", "x-base: &base\n  bogus: 1\nservices:\n  web:\n    <<: *base\n    image: w\n");
    assert!(d.error().ends_with("compose.yaml: service \"web\" has an unknown key \"bogus\": remove it or check its spelling"), "{}", d.error());
    d.write("compose.yaml", "services:\n  web:\n    image: w\n    deploy: {replicas: 1, replica: 2}\n");
    assert!(d.error().ends_with("service \"web\": deploy: unknown key \"replica\": remove it or check its spelling"), "{}", d.error());
}

#[test]
fn unknown_top_level_keys_are_warnings() {
    let d = Dir::new();
    d.write("compose.yaml", "services:\n  web: {image: w}\nservice:\n  typo: {}\nx-ok: 1\n");
    let p = d.load();
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    assert!(p.warnings[0].contains("\"service\""));
}

#[test]
fn env_files_are_read_under_environment() {
    let d = Dir::new();
    d.write("conf/web.env", "A=from-file\nB=from-file\n# comment\n");
    d.write("compose.yaml", "services:\n  web:\n    image: w\n    env_file: [conf/web.env, {path: missing.env, required: false}]\n    environment: {B: from-compose, FROM_SHELL: null}\n");
    let p = d.load_with(|o| o.environment = env(&[("FROM_SHELL", "sh")])).unwrap();
    let e = &p.services["web"].environment;
    assert_eq!((e["A"].as_deref(), e["B"].as_deref(), e["FROM_SHELL"].as_deref()), (Some("from-file"), Some("from-compose"), Some("sh")));
    d.write("compose.yaml", "services:\n  web: {image: w, env_file: nope.env}\n");
    assert!(d.error().contains("nope.env"), "{}", d.error());
}

#[test]
fn relative_paths_start_at_the_project_directory() {
    let d = Dir::new();
    d.write("compose.yaml", "services:\n  web:\n    build: ./web\n    volumes: ['./src:/src', '~/x:/x']\nsecrets:\n  key: {file: ./key.txt}\n");
    d.write("sub/extra.yaml", "services:\n  web:\n    volumes: ['./more:/more']\n");
    let p = d.load_with(|o| o.files = vec!["compose.yaml".into(), "sub/extra.yaml".into()]).unwrap();
    let web = &p.services["web"];
    let root = d.path().display().to_string();
    assert_eq!(web.build.as_ref().unwrap().context, format!("{root}/web"));
    assert_eq!(web.volumes[0].source.as_deref(), Some(format!("{root}/src").as_str()));
    assert!(web.volumes[1].source.as_deref().is_some_and(|s| s.starts_with('/') && s.ends_with("/x")));
    assert_eq!(web.volumes[2].source.as_deref(), Some(format!("{root}/more").as_str()), "override files' paths start at the project directory too");
    assert_eq!(p.secrets["key"].file.as_deref(), Some(format!("{root}/key.txt").as_str()));
}

#[test]
fn extends_merges_a_base_service() {
    let d = Dir::new();
    d.write("common/base.yaml", "services:\n  base:\n    image: base\n    environment: {A: '1'}\n    volumes: ['./data:/data']\n");
    d.write(
        "compose.yaml",
        "services:\n  web:\n    extends: {file: common/base.yaml, service: base}\n    environment: {B: '2'}\n  worker:\n    extends: web\n    command: work\n",
    );
    let p = d.load();
    let web = &p.services["web"];
    assert_eq!(web.image.as_deref(), Some("base"));
    assert_eq!(web.environment.len(), 2);
    let root = d.path().display().to_string();
    assert_eq!(web.volumes[0].source.as_deref(), Some(format!("{root}/common/data").as_str()), "paths of another file start at that file");
    let worker = &p.services["worker"];
    assert_eq!((worker.image.as_deref(), worker.command.as_ref().map(|c| c.join(" "))), (Some("base"), Some("work".to_string())));
    d.write("compose.yaml", "services:\n  a: {extends: b, image: x}\n  b: {extends: a}\n");
    assert!(d.error().contains("extends loops"), "{}", d.error());
}

#[test]
fn include_brings_in_another_project() {
    let d = Dir::new();
    d.write("db/compose.yaml", "services:\n  db:\n    image: db\n    volumes: ['./init:/init', 'dbdata:/var/lib/db']\nvolumes: {dbdata: {}}\n");
    d.write("compose.yaml", "include: [db/compose.yaml]\nservices:\n  web: {image: w, depends_on: [db]}\n");
    let p = d.load();
    assert_eq!(p.services.keys().collect::<Vec<_>>(), ["db", "web"]);
    let root = d.path().display().to_string();
    assert_eq!(p.services["db"].volumes[0].source.as_deref(), Some(format!("{root}/db/init").as_str()));
    assert!(p.volumes.contains_key("dbdata"));
    d.write("compose.yaml", "include: [db/compose.yaml]\nservices:\n  db: {image: other}\n");
    assert!(d.error().contains("services.db"), "{}", d.error());
}

#[test]
fn the_config_hash_is_stable_and_follows_the_definition() {
    let d = Dir::new();
    d.write("compose.yaml", "services:\n  web: {image: w:1, environment: {A: '1', B: '2'}}\n");
    let h1 = d.load().config_hash("web").unwrap();
    d.write("compose.yaml", "services:\n  web: {environment: [B=2, A=1], image: 'w:1', deploy: {replicas: 3}}\n");
    assert_eq!(d.load().config_hash("web").unwrap(), h1, "order and replicas do not change the hash");
    d.write("compose.yaml", "services:\n  web: {image: w:2, environment: {A: '1', B: '2'}}\n");
    assert_ne!(d.load().config_hash("web").unwrap(), h1);
    assert!(d.load().config_hash("nope").is_err());
}

#[test]
fn containers_are_named_and_labelled_as_compose_does() {
    let d = Dir::new();
    d.write("compose.yaml", "services:\n  web: {build: ., labels: [tier=front], depends_on: {db: {condition: service_healthy}}}\n  db: {image: d, container_name: the-db}\n");
    let p = d.load();
    assert_eq!(p.container_name(&p.services["web"], 2), "t-web-2");
    assert_eq!(p.container_name(&p.services["db"], 1), "the-db");
    assert_eq!(p.image_name(&p.services["web"]), "t-web");
    let labels = p.container_labels("web", 1).unwrap();
    assert_eq!(labels["com.docker.compose.project"], "t");
    assert_eq!(labels["com.docker.compose.service"], "web");
    assert_eq!(labels["com.docker.compose.container-number"], "1");
    assert_eq!(labels["com.docker.compose.config-hash"], p.config_hash("web").unwrap());
    assert_eq!(labels["com.docker.compose.depends_on"], "db:service_healthy:false");
    assert_eq!(labels["tier"], "front");
}

#[test]
fn interpolated_numbers_and_booleans_are_typed() {
    let d = Dir::new();
    d.write("compose.yaml", "services:\n  web:\n    image: w\n    init: ${INIT}\n    deploy: {replicas: '${N}'}\n    healthcheck: {test: [CMD, x], retries: $R}\n");
    let p = d.load_with(|o| o.environment = env(&[("INIT", "true"), ("N", "3"), ("R", "5")])).unwrap();
    let web = &p.services["web"];
    assert_eq!((web.init, web.replicas(), web.healthcheck.as_ref().and_then(|h| h.retries)), (Some(true), 3, Some(5)));
}
