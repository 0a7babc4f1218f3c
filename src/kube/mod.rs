//! Kubernetes manifests: the model pontoon reads and writes (`model`), the
//! reader of multi-document files with located errors (`yaml`), the
//! warnings for fields pontoon does not act on (`unsupported`), the
//! translation of pods to pontoon's pod and container specs (`play`) and
//! back (`generate`). Pure: the engine (engine::kube_*) makes and removes.

pub mod error;
pub mod generate;
pub mod model;
pub mod play;
pub mod probes;
pub mod quantity;
pub mod sources;
pub mod unsupported;
pub mod yaml;
