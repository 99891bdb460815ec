//! One file per screen; drawing never changes state.

pub mod interview;
pub mod interview_draw;
pub mod review;
pub mod roadmap;
pub mod setup;
pub mod start;
