//! Containers of one user network find each other by name whichever
//! started first: a container that starts (or starts again) is written
//! into the /etc/hosts of the peers already running.

mod common;

use common::TestEnv;

/// A busybox httpd on port 8000 answering `reply`, on network `app`.
fn serve(env: &TestEnv, name: &str, reply: &str) {
    let script = format!("mkdir -p /srv && echo {reply} >/srv/index.html && exec httpd -f -p 8000 -h /srv");
    env.ok(&["run", "-d", "--name", name, "--network", "app", "busybox", "sh", "-c", &script]);
}

#[test]
fn the_first_container_reaches_one_started_after_it_by_name() {
    let env = TestEnv::with_netns();
    env.load_busybox();
    env.ok(&["network", "create", "app"]);
    serve(&env, "first", "from-first");
    serve(&env, "second", "from-second");
    let got = env.ok(&["exec", "first", "wget", "-qO-", "http://second:8000/"]);
    assert_eq!(got, "from-second\n", "the container started first does not know the second by name");
    let got = env.ok(&["exec", "second", "wget", "-qO-", "http://first:8000/"]);
    assert_eq!(got, "from-first\n");
}

#[test]
fn a_peer_that_starts_again_is_found_again() {
    let env = TestEnv::with_netns();
    env.load_busybox();
    env.ok(&["network", "create", "app"]);
    serve(&env, "api", "from-api");
    serve(&env, "web", "from-web");
    env.ok(&["stop", "-t", "0", "api"]);
    let hosts = env.ok(&["exec", "web", "cat", "/etc/hosts"]);
    assert!(!hosts.contains("api"), "a stopped peer is still listed:\n{hosts}");
    env.ok(&["start", "api"]);
    let got = env.ok(&["exec", "web", "wget", "-qO-", "http://api:8000/"]);
    assert_eq!(got, "from-api\n", "web lost api's name when api started again");
}
