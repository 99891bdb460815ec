//! The one integration-test binary (one link step instead of one per file).

mod backup;
mod cli;
mod exchange;
mod fixtures;
mod merge;
mod shipped;
mod store;
mod support;
