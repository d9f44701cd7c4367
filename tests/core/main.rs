//! The native test layer: one binary for the core and the command-line tool.
//! Each module holds data-driven cases for one part of the core.

mod architecture;
mod classifier;
mod cli;
mod committee;
mod engine;
mod interchange;
mod json;
mod ladder;
mod rubric;
mod scorecard;
mod support;
mod wire;
