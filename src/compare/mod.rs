//! Comparison and reports (pure): scored interviews → standings per municipality, statistics per
//! set of municipalities, and the Skåne-style status report. No I/O: the caller loads the
//! interviews and passes the municipality register in.
//!
//! Conventions shared by every function here:
//! - One interview per municipality and round counts. If the input holds several for the same
//!   municipality and round, the one given **last** wins, so a caller that lists interviews in
//!   the order they were started gets the latest one.
//! - Rounds compare as strings ("2018" < "2022"); the previous round of a municipality is the
//!   greatest round string below the current one in which it has an interview.
//! - A municipality missing from the register is still compared: its name is its code and its
//!   county is the code's first two digits (SCB codes start with the county code).

mod municipality;
mod report;
mod set;
mod stats;

pub use municipality::{MunicipalityComparison, Standing, compare_municipalities};
pub use report::{
    ChoiceDistribution, CollatedAnswers, CollatedEntry, Notes, OptionShare, ReportInput, SkaneReport, Visited,
    skane_report,
};
pub use set::{SetSummary, summarise};
pub use stats::{Stats, TIE_TOLERANCE, competition_ranks, median, quantile, stats};

use crate::register::Municipality;
use crate::score::InterviewScore;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// One scored interview, as the comparison needs it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored {
    pub municipality_code: String,
    pub round: String,
    pub interview_id: String,
    pub score: InterviewScore,
    /// Part of the fictitious example dataset; everything derived from it says "Exempeldata".
    pub demo: bool,
}

/// A set of municipalities to compare or summarise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Selection {
    /// Every municipality (the whole country).
    All,
    /// A county by its two-digit code, e.g. "12" for Skåne.
    County(String),
    /// An SKR municipality group (2017), e.g. "B4".
    Group(String),
    /// An explicit list of municipality codes.
    Codes(Vec<String>),
}

impl Selection {
    fn contains(&self, place: &Place) -> bool {
        match self {
            Selection::All => true,
            Selection::County(cc) => &place.county_code == cc,
            Selection::Group(g) => &place.skr_group == g,
            Selection::Codes(codes) => codes.contains(&place.code),
        }
    }

    /// Whether the municipality with this code is in the set, by the rules the comparison itself
    /// uses (a code missing from the register belongs to the county its first two digits name).
    /// For callers outside this module that must pick interviews before comparing them.
    pub fn includes(&self, code: &str, register: &[Municipality]) -> bool {
        self.membership(register)(code)
    }

    /// `includes` for many codes: the register is indexed once, not once per code.
    pub fn membership<'a>(&'a self, register: &'a [Municipality]) -> impl Fn(&str) -> bool + 'a {
        let map = register_map(register);
        move |code| self.contains(&Place::lookup(code, &map))
    }

    /// How many municipalities the set holds: from the register, or the distinct codes listed.
    fn size(&self, register: &[Municipality]) -> usize {
        match self {
            Selection::Codes(codes) => codes.iter().collect::<BTreeSet<_>>().len(),
            _ => register.iter().filter(|m| self.contains(&Place::of(m))).count(),
        }
    }
}

/// The rounds present in the input, ascending.
pub fn rounds(scored: &[Scored]) -> Vec<String> {
    scored.iter().map(|s| s.round.clone()).collect::<BTreeSet<_>>().into_iter().collect()
}

/// The greatest round in the input: the default when the user names none.
pub fn latest_round(scored: &[Scored]) -> Option<&str> {
    scored.iter().map(|s| s.round.as_str()).max()
}

/// Where a municipality belongs, from the register or derived from its code.
#[derive(Debug, Clone)]
struct Place {
    code: String,
    name: String,
    county_code: String,
    county_name: String,
    skr_group: String,
}

impl Place {
    fn of(m: &Municipality) -> Place {
        Place {
            code: m.code.clone(),
            name: m.name.clone(),
            county_code: m.county_code.clone(),
            county_name: m.county_name.clone(),
            skr_group: m.skr_group.clone(),
        }
    }

    fn lookup(code: &str, register: &HashMap<&str, &Municipality>) -> Place {
        match register.get(code) {
            Some(m) => Place::of(m),
            None => Place {
                code: code.to_string(),
                name: code.to_string(),
                county_code: code.chars().take(2).collect(),
                county_name: String::new(),
                skr_group: String::new(),
            },
        }
    }
}

fn register_map(register: &[Municipality]) -> HashMap<&str, &Municipality> {
    register.iter().map(|m| (m.code.as_str(), m)).collect()
}

/// The interview that counts for each (municipality, round): the last one in the input.
fn latest_by_round(scored: &[Scored]) -> HashMap<(&str, &str), &Scored> {
    let mut out = HashMap::new();
    for s in scored {
        out.insert((s.municipality_code.as_str(), s.round.as_str()), s);
    }
    out
}

#[cfg(test)]
mod report_tests;
#[cfg(test)]
mod tests;
