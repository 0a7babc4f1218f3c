//! `pontoon compose config`: the resolved Compose model as a user sees it,
//! from files in a project directory, and the errors a bad file gets.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{describe, pontoon_bin, TestEnv};

/// A project directory `app` inside the test env, and commands run there.
struct Project {
    env: TestEnv,
    dir: PathBuf,
}

impl Project {
    fn new() -> Project {
        let env = TestEnv::new();
        let dir = env.path().join("app");
        std::fs::create_dir_all(&dir).expect("create the project directory");
        Project { env, dir }
    }

    fn write(&self, name: &str, text: &str) -> &Project {
        let path = self.dir.join(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create a directory");
        std::fs::write(path, text).expect("write a project file");
        self
    }

    fn compose(&self, args: &[&str]) -> Command {
        let mut all = vec!["compose"];
        all.extend_from_slice(args);
        let mut c = self.env.cmd(&all);
        c.current_dir(&self.dir);
        for var in ["COMPOSE_FILE", "COMPOSE_PROJECT_NAME", "COMPOSE_PROFILES", "TAG", "PORT"] {
            c.env_remove(var);
        }
        c
    }

    fn ok(&self, args: &[&str]) -> String {
        output_ok(self.compose(args).output().expect("run pontoon compose"), args)
    }

    fn fails(&self, args: &[&str]) -> String {
        let out = self.compose(args).output().expect("run pontoon compose");
        assert!(!out.status.success(), "`compose {}` should have failed:\n{}", args.join(" "), describe(&out));
        assert!(out.stdout.is_empty(), "a failed config prints no model:\n{}", describe(&out));
        String::from_utf8_lossy(&out.stderr).into_owned()
    }
}

fn output_ok(out: Output, args: &[&str]) -> String {
    assert!(out.status.success(), "`compose {}` failed:\n{}", args.join(" "), describe(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The model printed by `config --format json`.
fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|_| panic!("not JSON:\n{text}"))
}

#[test]
fn config_prints_every_short_form_in_its_long_form() {
    let p = Project::new();
    p.write(
        "compose.yaml",
        r#"
services:
  web:
    build: ./web
    ports: ["8080:80", "127.0.0.1:5353:53/udp"]
    volumes: ["./src:/app:ro", "data:/data"]
    environment: [MODE=prod]
    env_file: web.env
    command: sh -c "echo hi"
    depends_on: [db]
    healthcheck: {test: curl -f http://localhost, interval: 90s}
  db:
    image: postgres:16
volumes:
  data:
"#,
    );
    p.write("web.env", "# from the env file\nFROM_FILE=1\nMODE=dev\n");
    let text = p.ok(&["config", "--format", "json"]);
    let m = json(&text);
    assert_eq!(m["name"], "app", "the directory names the project");
    let web = &m["services"]["web"];
    let dir = p.dir.display().to_string();
    assert_eq!(web["build"]["context"], format!("{dir}/web"));
    assert_eq!(web["ports"][0]["target"], 80);
    assert_eq!(web["ports"][0]["published"], "8080");
    assert_eq!(web["ports"][1]["host_ip"], "127.0.0.1");
    assert_eq!(web["ports"][1]["protocol"], "udp");
    assert_eq!(web["volumes"][0]["type"], "bind");
    assert_eq!(web["volumes"][0]["source"], format!("{dir}/src"));
    assert_eq!(web["volumes"][0]["read_only"], true);
    assert_eq!(web["volumes"][1]["type"], "volume");
    assert_eq!(web["environment"]["MODE"], "prod", "environment wins over env_file");
    assert_eq!(web["environment"]["FROM_FILE"], "1");
    assert_eq!(web["command"], serde_json::json!(["sh", "-c", "echo hi"]));
    assert_eq!(web["depends_on"]["db"]["condition"], "service_started");
    assert_eq!(web["healthcheck"]["test"], serde_json::json!(["CMD-SHELL", "curl -f http://localhost"]));
    assert_eq!(web["healthcheck"]["interval"], "1m30s");
    assert_eq!(m["volumes"]["data"]["name"], "app_data");
    assert_eq!(m["networks"]["default"]["name"], "app_default");

    let text = p.ok(&["config"]);
    assert!(text.starts_with("name: app\nservices:\n"), "{text}");
    assert!(text.contains("      target: 80\n      published: '8080'\n"), "{text}");
    assert_eq!(p.ok(&["config", "--services"]), "db\nweb\n", "services in start order");
    assert_eq!(p.ok(&["config", "--volumes"]), "data\n");
    assert_eq!(p.ok(&["config", "-q"]), "");
    assert_eq!(p.ok(&["config", "-o", "resolved.yaml"]), "");
    assert_eq!(std::fs::read_to_string(p.dir.join("resolved.yaml")).expect("read the written model"), text);
}

#[test]
fn a_yaml_syntax_error_names_file_line_and_column() {
    let p = Project::new();
    p.write("compose.yaml", "services:\n  web:\n    image: busybox\n   ports: ['80']\n");
    let err = p.fails(&["config"]);
    let file = p.dir.join("compose.yaml");
    assert!(err.contains(&format!("{}:4:", file.display())), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn an_unknown_service_key_is_an_error_at_its_line() {
    let p = Project::new();
    p.write("compose.yaml", "services:\n  web:\n    image: busybox\n    enviroment: [A=1]\n");
    let err = p.fails(&["config"]);
    let expected = format!("{}:4:5: service \"web\" has an unknown key \"enviroment\"", p.dir.join("compose.yaml").display());
    assert!(err.contains(&expected), "{err}");
}

#[test]
fn a_missing_required_variable_fails_with_its_message() {
    let p = Project::new();
    p.write("compose.yaml", "services:\n  web:\n    image: \"busybox:${TAG:?set TAG to the release to run}\"\n");
    let err = p.fails(&["config"]);
    assert!(err.contains("TAG") && err.contains("set TAG to the release to run") && err.contains("compose.yaml"), "{err}");
    let out = p.compose(&["config", "--format", "json"]).env("TAG", "1.36").output().expect("run pontoon");
    assert_eq!(json(&output_ok(out, &["config"]))["services"]["web"]["image"], "busybox:1.36");
}

#[test]
fn an_unknown_top_level_key_warns_and_goes_on() {
    let p = Project::new();
    p.write("compose.yaml", "services:\n  web: {image: busybox}\nservice:\n  typo: {}\n");
    let out = p.compose(&["config", "--services"]).output().expect("run pontoon");
    assert_eq!(output_ok(out.clone(), &["config"]), "web\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("WARNING") && stderr.contains("\"service\""), "{stderr}");
}

#[test]
fn dash_f_files_are_merged_in_order() {
    let p = Project::new();
    p.write("base.yaml", "services:\n  web:\n    image: busybox\n    ports: ['8080:80']\n    environment: {A: base, B: base}\n");
    p.write("prod.yaml", "services:\n  web:\n    image: busybox:stable\n    ports: ['443:443']\n    environment: {B: prod}\n");
    let m = json(&p.ok(&["-f", "base.yaml", "-f", "prod.yaml", "config", "--format", "json"]));
    let web = &m["services"]["web"];
    assert_eq!(web["image"], "busybox:stable");
    assert_eq!(web["ports"].as_array().map(Vec::len), Some(2));
    assert_eq!((web["environment"]["A"].as_str(), web["environment"]["B"].as_str()), (Some("base"), Some("prod")));
}

#[test]
fn the_shell_environment_wins_over_dot_env() {
    let p = Project::new();
    p.write(".env", "TAG=from-dotenv\nexport PORT=8080 # the web port\n");
    p.write("compose.yaml", "services:\n  web:\n    image: busybox:${TAG}\n    ports: ['${PORT:-80}:80']\n");
    let m = json(&p.ok(&["config", "--format", "json"]));
    assert_eq!(m["services"]["web"]["image"], "busybox:from-dotenv");
    assert_eq!(m["services"]["web"]["ports"][0]["published"], "8080");
    let out = p.compose(&["config", "--format", "json"]).env("TAG", "from-shell").output().expect("run pontoon");
    let m = json(&output_ok(out, &["config"]));
    assert_eq!(m["services"]["web"]["image"], "busybox:from-shell");
    p.write("other.env", "TAG=from-env-file\n");
    let m = json(&p.ok(&["--env-file", "other.env", "config", "--format", "json"]));
    assert_eq!(m["services"]["web"]["image"], "busybox:from-env-file");
}

#[test]
fn the_file_is_found_in_a_parent_directory_and_named_by_p() {
    let p = Project::new();
    p.write("compose.yml", "services:\n  web: {image: busybox}\n");
    p.write("sub/dir/.keep", "");
    let out = p.compose(&["-p", "other", "config", "--format", "json"]).current_dir(p.dir.join("sub/dir")).output().expect("run pontoon");
    let m = json(&output_ok(out, &["config"]));
    assert_eq!(m["name"], "other");
    assert_eq!(m["networks"]["default"]["name"], "other_default");
    let empty = p.env.path().join("empty");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let out = p.compose(&["config"]).current_dir(&empty).output().expect("run pontoon");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no configuration file provided"), "{}", describe(&out));
}

#[test]
fn a_dependency_cycle_and_a_service_without_image_are_errors() {
    let p = Project::new();
    p.write("compose.yaml", "services:\n  a: {image: busybox, depends_on: [b]}\n  b: {image: busybox, depends_on: [a]}\n");
    assert!(p.fails(&["config"]).contains("dependency cycle between services: a -> b -> a"));
    p.write("compose.yaml", "services:\n  web: {ports: ['80']}\n");
    assert!(p.fails(&["config", "-q"]).contains("service \"web\" has neither an image nor a build context"));
}

#[test]
fn profiles_hide_services_until_enabled() {
    let p = Project::new();
    p.write("compose.yaml", "services:\n  web: {image: busybox}\n  debug: {image: busybox, profiles: [debug]}\n");
    assert_eq!(p.ok(&["config", "--services"]), "web\n");
    assert_eq!(p.ok(&["--profile", "debug", "config", "--services"]), "debug\nweb\n");
    let out = p.compose(&["config", "--services"]).env("COMPOSE_PROFILES", "debug").output().expect("run pontoon");
    assert_eq!(output_ok(out, &["config"]), "debug\nweb\n");
}

#[test]
fn docker_compose_through_a_symlink_is_compose() {
    let p = Project::new();
    p.write("compose.yaml", "services:\n  web: {image: busybox}\n");
    let link = p.env.path().join("docker-compose");
    std::os::unix::fs::symlink(pontoon_bin(), &link).expect("symlink docker-compose");
    let out = p.env.cmd_with(Path::new(&link), &["config", "--services"]).current_dir(&p.dir).output().expect("run docker-compose");
    assert_eq!(output_ok(out, &["config"]), "web\n");
    let out = p.env.cmd_with(Path::new(&link), &["version", "--short"]).output().expect("run docker-compose");
    assert_eq!(output_ok(out, &["version"]).trim(), env!("CARGO_PKG_VERSION"));
}
