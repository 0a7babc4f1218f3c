# shellcheck shell=bash
# The pull rows of `make bench`: the large fixture and the postgres-like
# 7-layer image from the local registry into a fresh store (disk synced
# before each run), against `tar -xzf` of the same layers from local
# disk; and 5 pulls of one image started at once into one store, with
# the blob GETs the registry served. Rootful (the registry listens on the
# host's loopback). Sourced by bench.sh.

# layout_layers LAYOUT: the layer blobs of the layout's image, in order.
layout_layers() {
  python3 - "$1" <<'PY'
import json, sys, os
root = sys.argv[1]
blob = lambda d: os.path.join(root, "blobs", *d.split(":", 1))
index = json.load(open(os.path.join(root, "index.json")))
manifest = json.load(open(blob(index["manifests"][0]["digest"])))
for layer in manifest["layers"]:
    print(blob(layer["digest"]))
PY
}

# untar_snippet DIR LAYOUT: the command extracting every layer into DIR.
untar_snippet() {
  local dir=$1 layer out=
  for layer in $(layout_layers "$2"); do out+="${out:+ && }tar -xzf $(q "$layer") -C $(q "$dir")"; done
  echo "$out"
}

# pull_row ID TITLE IMAGE LAYOUT: a fresh store per run.
pull_row() {
  local id=$1 title=$2 image=$3 layout=$4
  row "$id" "$title" root s lower "ratio>=1.5 floor<=1.2" "tar -xzf of the same layers (local files)"
  tool pontoon "$(q wipe "$BENCH/pull-p") && sync" "$(q "$PONTOON" --root "$BENCH/pull-p/root" --runroot "$BENCH/pull-p/run") pull -q $(q "$image")"
  podman_tool "$(q wipe "$BENCH/pull-q") && sync" "$(q "${PODMAN_BASE[@]}" --root "$BENCH/pull-q/root" --runroot "$BENCH/pull-q/run" --tmpdir "$BENCH/pull-q/tmp") pull -q $(q "$image")"
  tool floor "rm -rf $(q "$BENCH/untar") && mkdir -p $(q "$BENCH/untar") && sync" "$(untar_snippet "$BENCH/untar" "$layout")"
  measure "$RUNS"
}

# parallel_snippet CLI IMAGE: 5 pulls of IMAGE at once, failing if any did.
parallel_snippet() {
  echo "bench_pids=(); for bench_n in 1 2 3 4 5; do $1 pull -q $(q "$2") >/dev/null & bench_pids+=(\$!); done; bench_rc=0; for bench_n in \"\${bench_pids[@]}\"; do wait \$bench_n || bench_rc=1; done; ((bench_rc == 0))"
}

# blob_gets: the blob GETs the registry answered so far.
blob_gets() {
  grep -c '"GET /v2/[^ ]*/blobs/sha256:[0-9a-f]* HTTP/[0-9.]*" 200' "$BENCH/registry.log" || true
}

section_pull() {
  pull_row pull-large-root "pull of the $MB MiB fixture (5 layers)" "$IMAGE" "$LAYOUT"
  pull_row pull-layered-root "pull of the postgres-like image (7 layers, 6 of ~$LAYER_MB MiB)" "$LAYERED_IMAGE" "$LAYERED_LAYOUT"
  wipe "$BENCH/untar"

  local pcli qcli
  pcli=$(q "$PONTOON" --root "$BENCH/pull-p/root" --runroot "$BENCH/pull-p/run")
  qcli=$(q "${PODMAN_BASE[@]}" --root "$BENCH/pull-q/root" --runroot "$BENCH/pull-q/run" --tmpdir "$BENCH/pull-q/tmp")
  row pull-parallel-root "5 parallel pulls of the postgres-like image into one store" root s lower "" "one tar -xzf of its layers"
  tool pontoon "$(q wipe "$BENCH/pull-p") && sync" "$(parallel_snippet "$pcli" "$LAYERED_IMAGE")"
  podman_tool "$(q wipe "$BENCH/pull-q") && sync" "$(parallel_snippet "$qcli" "$LAYERED_IMAGE")"
  tool floor "rm -rf $(q "$BENCH/untar") && mkdir -p $(q "$BENCH/untar") && sync" "$(untar_snippet "$BENCH/untar" "$LAYERED_LAYOUT")"
  measure "$RUNS"

  # The blobs each tool downloaded for one such round, from the registry's
  # access log, against the image's blob count (its layers and config).
  local blobs
  blobs=$(($(layout_layers "$LAYERED_LAYOUT" | wc -l) + 1))
  row pull-parallel-gets-root "5 parallel pulls: blob GETs served by the registry" root GETs lower "floor==1" "the image's blobs ($blobs: config and layers)"
  local t cli gets0 gets1
  for t in pontoon podman; do
    [[ $t == podman && -z $HAVE_PODMAN ]] && { describe podman "podman is not installed"; continue; }
    cli=$pcli
    [[ $t == podman ]] && cli=$qcli
    describe "$t" "registry access log GET .../blobs/... 200 lines during: $(parallel_snippet "$cli" "$LAYERED_IMAGE")"
    if [[ $t == podman ]]; then wipe "$BENCH/pull-q"; else wipe "$BENCH/pull-p"; fi
    gets0=$(blob_gets)
    if eval "$(parallel_snippet "$cli" "$LAYERED_IMAGE")" >"$BENCH/last.out" 2>&1; then
      sleep 0.5
      gets1=$(blob_gets)
      record "$t" $((gets1 - gets0))
    else
      record_failed "$t" "$(tail -n 2 "$BENCH/last.out")"
    fi
  done
  describe floor "the image's manifest: config + layers"
  record floor "$blobs"
  wipe "$BENCH/pull-p"
  wipe "$BENCH/pull-q"
  wipe "$BENCH/untar"
}
