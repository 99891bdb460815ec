//! Every user-facing string, in Swedish (default) and English. Code elsewhere asks for text here
//! instead of writing it inline, so a translation never misses a screen.

pub mod analysis;
pub mod bands;
pub mod files;
pub mod merge;
mod messages;
pub mod pdf;
pub mod pdf_sentences;
pub mod problems;
mod problems_roadmap;
mod roadmap;
mod texts;
pub mod tui;
pub mod tui_roadmap;

pub use messages::*;
pub use roadmap::*;

pub use texts::{EN, SV, Texts};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }

    /// `sv`/`en` from a setting such as `FARDPLAN_LANG` or `LANG=en_US.UTF-8`; None if neither.
    pub fn from_setting(value: &str) -> Option<Lang> {
        let v = value.trim().to_ascii_lowercase();
        if v.starts_with("sv") {
            Some(Lang::Sv)
        } else if v.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}
