//! scripts/bench/report.sh, the writer of docs/benchmarks.md: medians,
//! ratios both ways (time and throughput), distance to the floor, targets
//! met or missed with the link to their hand-written note, failures shown
//! as they were recorded. (The benchmark itself is `make bench`, not a test.)

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

/// The report of rows.tsv / results.tsv / commands.tsv as bench.sh records them.
fn report(rows: &str, results: &str, notes: &str) -> String {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("a temp dir");
    let d = dir.path();
    fs::write(d.join("rows.tsv"), rows).expect("write rows");
    fs::write(d.join("results.tsv"), results).expect("write results");
    fs::write(d.join("commands.tsv"), "run-rm-root\tpontoon\tpontoon run --rm busybox true\n").expect("write commands");
    fs::write(d.join("header.md"), "# Benchmarks\n").expect("write header");
    fs::write(d.join("notes.md"), notes).expect("write notes");
    let out = d.join("out.md");
    let status = Command::new("bash")
        .arg(repo.join("scripts/bench/report.sh"))
        .args([d, &d.join("header.md"), &d.join("notes.md"), &out])
        .status()
        .expect("run report.sh");
    assert!(status.success(), "report.sh failed");
    fs::read_to_string(&out).expect("read the report")
}

fn line_of<'a>(report: &'a str, id: &str) -> &'a str {
    report.lines().find(|l| l.contains(&format!("</a>{id} |"))).unwrap_or_else(|| panic!("no row {id} in:\n{report}"))
}

#[test]
fn report_shows_medians_ratios_floors_and_targets() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    if common::skip_unless(fs::read_dir(repo.join("scripts")).is_ok(), "the checkout's scripts/ is not readable by this user") {
        return;
    }
    let rows = "run-rm-root\trun --rm busybox true\troot\ts\tlower\tratio>=15 floor<=2\tcrun run\n\
                ps-root\tps -a\troot\ts\tlower\tvalue<0.020\tcat | wc\n\
                port-throughput-root\tcurl via -p\troot\tMiB/s\thigher\tratio>=1\tloopback\n";
    let results = "run-rm-root\tpontoon\t0.050 0.040 0.060\n\
                   run-rm-root\tpodman\t0.900 1.000 0.800\n\
                   run-rm-root\tfloor\t0.030 0.020 0.025\n\
                   ps-root\tpontoon\t0.030\n\
                   ps-root\tpodman\tfailed: podman ps -a exited 125\n\
                   port-throughput-root\tpontoon\t500 600 700\n\
                   port-throughput-root\tpodman\t300\n\
                   port-throughput-root\tfloor\t1200\n";
    let out = report(rows, results, "# Notes\n\n## ps-root\n\nBounded by reading 1000 records.\n");

    // Time: podman / pontoon = 0.9 / 0.05; floor distance 0.05 / 0.025.
    let run = line_of(&out, "run-rm-root");
    assert!(run.contains("**50.0 ms**") && run.contains("18.00×") && run.contains("2.00×"), "{run}");
    assert!(run.contains("ratio ≥ 15: met") && run.contains("×floor ≤ 2: met"), "{run}");
    // A missed absolute target links to its note; a failure is shown as recorded.
    let ps = line_of(&out, "ps-root");
    assert!(ps.contains("value < 20.0 ms: **missed**") && ps.contains("(#ps-root)"), "{ps}");
    assert!(ps.contains("failed: podman ps -a exited 125") && ps.contains("cat \\| wc"), "{ps}");
    assert!(out.contains("<a id=\"ps-root\"></a>") && out.contains("Bounded by reading 1000 records."), "{out}");
    // Throughput: pontoon / podman = 600 / 300; floor distance 1200 / 600.
    let port = line_of(&out, "port-throughput-root");
    assert!(port.contains("2.00×") && port.contains("ratio ≥ 1: met"), "{port}");
    assert!(out.contains("`pontoon run --rm busybox true`"), "{out}");
}
