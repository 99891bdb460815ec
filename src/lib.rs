//! fardplan: status interviews with Swedish municipalities, scored against the five sub-goals of
//! the national digitalisation strategy, compared, and turned into digital roadmaps.
//!
//! A pure core (`model`, `load`, `register`) and thin shells around it (`store`, `cli`).

pub mod analysis;
pub mod cli;
pub mod compare;
pub mod config;
pub mod demo;
pub mod exchange;
pub mod files;
pub mod gather;
pub mod i18n;
pub mod load;
pub mod merge;
pub mod model;
pub mod pdf;
pub mod plan;
pub mod register;
pub mod score;
pub mod store;
pub mod tui;
