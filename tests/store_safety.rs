//! The store keeps the user's data safe: an image a container uses is not
//! deleted under it, parallel pulls download each blob once, sparse files
//! stay sparse, a full disk can always be cleaned up with pontoon itself,
//! and what killed commands leave behind is finished by the next one.

mod common;

use common::{store_entries, TestEnv};

fn short(id: &str) -> &str {
    &id.trim_start_matches("sha256:")[..12]
}

#[test]
fn rmi_of_an_image_a_container_uses_is_refused_and_rmi_f_only_untags() {
    let env = TestEnv::new();
    env.load_busybox();
    let image = env.ok(&["inspect", "--format", "{{.Id}}", "busybox"]).trim().to_string();
    let container = env.ok(&["create", "--name", "web", "busybox", "echo", "still here"]).trim().to_string();

    let (code, err) = env.fails(&["rmi", "busybox"]);
    assert_eq!(code, 2, "Podman's exit code for an image in use: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    let expected = format!(
        "Error: conflict: unable to remove repository reference \"busybox\" (must force) - container {} is using its referenced image {}",
        &container[..12],
        short(&image)
    );
    assert!(err.starts_with(&expected), "Docker's message:\n{err}\nexpected it to start with\n{expected}");
    assert!(err.contains("pontoon rm web") && err.contains("-f"), "names the fix: {err}");
    let (code, err) = env.fails(&["rmi", short(&image)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&format!("unable to delete {}", short(&image))), "{err}");
    env.ok(&["image", "prune", "-f", "-a"]);
    assert_eq!(env.ok(&["images", "-q"]).trim(), short(&image), "image prune -a keeps an image a stopped container uses");

    // -f untags; the data stays, so the container still starts.
    assert_eq!(env.ok(&["rmi", "-f", "busybox"]), "Untagged: busybox:latest\n");
    assert_eq!(env.ok(&["images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"]), format!("<none>:<none> {}\n", short(&image)));
    assert_eq!(env.ok(&["start", "-a", "web"]), "still here\n");
    let (code, err) = env.fails(&["rmi", "-f", short(&image)]);
    assert_eq!(code, 2, "nothing left to untag, and the container uses it: {err}");
    assert!(err.contains("cannot be forced") && err.contains("pontoon rm web"), "{err}");
    env.ok(&["image", "prune", "-f"]);
    assert_eq!(env.ok(&["images", "-q"]).trim(), short(&image), "image prune keeps a dangling image in use");
    // Once no container uses it, the next prune removes the dangling image.
    env.ok(&["rm", "web"]);
    env.ok(&["image", "prune", "-f"]);
    assert_eq!(env.ok(&["images", "-q"]), "");
    assert!(store_entries(&env, "layers").is_empty() && store_entries(&env, "blobs/sha256").is_empty(), "its data is collected");
}

#[test]
fn a_dangling_image_in_use_survives_prunes_and_goes_by_its_id_after_its_last_container() {
    let env = TestEnv::new();
    env.load_busybox();
    let image = env.ok(&["inspect", "--format", "{{.Id}}", "busybox"]).trim().to_string();
    env.ok(&["create", "--name", "one", "busybox", "true"]);
    env.ok(&["run", "-d", "--name", "two", "busybox", "sleep", "1000"]);
    env.ok(&["rmi", "-f", "busybox"]);
    env.ok(&["rm", "one"]);
    env.ok(&["image", "prune", "-f"]);
    // system prune removes stopped containers, then images no container uses.
    env.ok(&["system", "prune", "-f", "-a"]);
    assert_eq!(env.ok(&["images", "-q"]).trim(), short(&image), "running container two still uses it");
    env.ok(&["rm", "-f", "two"]);
    assert_eq!(env.ok(&["rmi", short(&image)]), format!("Deleted: {image}\n"));
    assert!(store_entries(&env, "layers").is_empty());
}
