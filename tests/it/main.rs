//! The one integration-test binary (one link step instead of one per file).

mod analysis;
mod cli;
mod exchange;
mod fixtures;
mod shipped;
mod store;
mod support;
