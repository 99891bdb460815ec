//! The one integration-test binary (one link step instead of one per file).

mod analysis;
mod cli;
mod e2e;
mod exchange;
mod fixtures;
mod roadmap;
mod shipped;
mod store;
mod support;
mod tui;
