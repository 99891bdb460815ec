//! Names of the five maturity bands (`score::Band`). Kept here with the other user-facing
//! strings so the band names cannot drift between screens, exports and the roadmap PDF.

use super::Lang;
use crate::score::Band;

pub fn name(band: Band, lang: Lang) -> &'static str {
    match (lang, band) {
        (Lang::Sv, Band::Startlage) => "Startläge",
        (Lang::Sv, Band::Paborjad) => "Påbörjad",
        (Lang::Sv, Band::Etablerad) => "Etablerad",
        (Lang::Sv, Band::Utvecklad) => "Utvecklad",
        (Lang::Sv, Band::Ledande) => "Ledande",
        (Lang::En, Band::Startlage) => "Starting",
        (Lang::En, Band::Paborjad) => "Emerging",
        (Lang::En, Band::Etablerad) => "Established",
        (Lang::En, Band::Utvecklad) => "Advanced",
        (Lang::En, Band::Ledande) => "Leading",
    }
}

/// A one-line description for legends and help screens.
pub fn description(band: Band, lang: Lang) -> &'static str {
    match (lang, band) {
        (Lang::Sv, Band::Startlage) => "Arbetet har knappt börjat; få eller inga beslut och ansvar.",
        (Lang::Sv, Band::Paborjad) => "Enstaka initiativ finns, men sällan beslutade eller samordnade.",
        (Lang::Sv, Band::Etablerad) => "Beslut, planer och ansvar finns; genomförandet har börjat.",
        (Lang::Sv, Band::Utvecklad) => "Arbetet genomförs brett i kommunen och följs upp.",
        (Lang::Sv, Band::Ledande) => "Systematiskt arbete som följs upp årligen och förbättras.",
        (Lang::En, Band::Startlage) => "Work has barely begun; few or no decisions and responsibilities.",
        (Lang::En, Band::Paborjad) => "Single initiatives exist, rarely decided or coordinated.",
        (Lang::En, Band::Etablerad) => "Decisions, plans and responsibilities exist; implementation has begun.",
        (Lang::En, Band::Utvecklad) => "Work is carried out across the municipality and followed up.",
        (Lang::En, Band::Ledande) => "Systematic work, followed up every year and improved.",
    }
}
