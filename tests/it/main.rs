//! The one integration-test binary (one link step instead of one per file).

mod cli;
mod exchange;
mod fixtures;
mod roadmap;
mod shipped;
mod store;
mod support;
