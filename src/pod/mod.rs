//! Pods and their infra container.
