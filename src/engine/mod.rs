//! The operations behind the commands. The CLI parses and prints; the engine
//! decides; the store, runtime and network act.

pub mod archive;
pub mod attach;
pub mod commit;
pub mod container;
pub mod container_command;
pub mod containers_conf;
pub mod container_files;
pub mod container_fs;
pub mod devices;
pub mod doctor;
pub mod entry;
pub mod events;
pub mod events_query;
pub mod etc_files;
pub mod exec;
pub mod exec_pipes;
pub mod exec_tty;
pub mod container_mount;
pub mod image_mount;
pub mod image_writer;
pub mod images;
pub mod login;
pub mod logs;
pub mod manifest;
pub mod manifest_push;
pub mod import;
pub mod inspect_container;
pub mod oci;
mod oci_tuning;
pub mod process;
pub mod pause;
pub mod pods;
pub mod pods_infra;
pub mod kube_down;
pub mod kube_play;
pub mod kube_generate;
pub mod pods_ops;
pub mod pods_view;
pub mod pull;
pub mod pull_layers;
pub mod removal;
pub mod push;
pub mod search;
pub mod secrets;
pub mod spec_checks;
pub mod stats;
pub mod system_info;
pub mod top;
pub mod user;
pub mod userns;
pub mod lifecycle;
pub mod monitor_exe;
pub mod copy_up;
pub mod disk_usage;
pub mod mounts;
pub mod namespaces;
pub mod networks;
pub mod volumes;
pub mod wait;
pub mod volume_archive;

/// ContainerSpec -> OCI spec -> the built-in runtime's mount calls, against a
/// recording kernel: the whole decision chain, without root.
#[cfg(test)]
mod rootfs_tests;
