//! The per-container supervisor: logs, exit codes, restarts, health, ports.
