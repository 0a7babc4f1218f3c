//! The Compose spec: model, interpolation, planner and commands.
