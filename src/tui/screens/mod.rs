//! One file per screen; drawing never changes state.

pub mod compare;
pub mod interview;
pub mod interview_draw;
pub mod report;
pub mod review;
pub mod roadmap;
pub mod setup;
pub mod start;

#[cfg(test)]
mod analysis_tests;
