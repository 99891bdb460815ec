//! The one integration-test binary (one link step instead of one per file).

mod analysis;
mod backup;
mod cli;
mod e2e;
mod exchange;
mod fixtures;
mod merge;
mod roadmap;
mod shipped;
mod store;
mod support;
mod tui;
