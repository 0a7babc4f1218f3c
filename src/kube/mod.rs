//! `kube generate`, `kube play` and `kube down`.
