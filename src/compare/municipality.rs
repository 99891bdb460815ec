//! Per municipality: scores, bands, rank and median in its county, change since last round.

use super::stats::{competition_ranks, median};
use super::{Place, Scored, Selection, latest_by_round, register_map};
use crate::model::SubGoal;
use crate::register::Municipality;
use crate::score::{Band, InterviewScore};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One score (a sub-goal or the index) of one municipality, set against its county.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    /// None for the index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subgoal: Option<SubGoal>,
    pub score: Option<f64>,
    /// None for the index, which has no coverage of its own.
    pub coverage: Option<f64>,
    pub uncertain: bool,
    pub band: Option<Band>,
    /// 1 = best among the municipalities of the county interviewed in this round that have this
    /// score; ties share a rank ("1, 2, 2, 4"). None without a score.
    pub rank_in_county: Option<usize>,
    /// How many were ranked: "rank 2 of 9".
    pub ranked_in_county: usize,
    /// Median of the same scores the rank is taken over (uncertain ones included).
    pub county_median: Option<f64>,
    /// `score − county_median`, in points; positive is above the median.
    pub from_county_median: Option<f64>,
    /// The score in the previous round, if the municipality has one there.
    pub previous: Option<f64>,
    /// `score − previous`, in points.
    pub change: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MunicipalityComparison {
    pub municipality_code: String,
    pub municipality: String,
    pub county_code: String,
    pub county: String,
    pub skr_group: String,
    pub round: String,
    pub interview_id: String,
    pub demo: bool,
    /// The round `previous` and `change` refer to: the greatest earlier round in which the
    /// municipality has an interview.
    pub previous_round: Option<String>,
    /// In `SubGoal::ALL` order.
    pub subgoals: [Standing; 5],
    pub index: Standing,
}

/// One municipality's place among the interviewed municipalities of its county, for one metric.
#[derive(Debug, Clone, Copy, Default)]
struct CountyFigures {
    rank: Option<usize>,
    ranked: usize,
    median: Option<f64>,
}

/// The five sub-goal scores and the index, in one array: index 5 is the index.
const METRICS: usize = 6;

fn metric(s: &InterviewScore, m: usize) -> (Option<f64>, Option<f64>, bool, Option<Band>) {
    match s.subgoals.get(m) {
        Some(g) => (g.score, Some(g.coverage), g.uncertain, g.band),
        None => (s.index, None, s.index_uncertain, s.index_band),
    }
}

/// The municipalities of `selection` interviewed in `round`, in code order. Ranks and medians
/// are taken over the whole county in that round, whatever the selection, so a municipality's
/// rank does not depend on which others the analyst is looking at.
pub fn compare_municipalities(
    scored: &[Scored],
    register: &[Municipality],
    round: &str,
    selection: &Selection,
) -> Vec<MunicipalityComparison> {
    let register = register_map(register);
    let latest = latest_by_round(scored);
    let mut rounds_of: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for s in scored {
        rounds_of.entry(&s.municipality_code).or_default().insert(&s.round);
    }
    // BTreeMap: code order, and a stable order for ranks and medians.
    let current: BTreeMap<&str, &Scored> =
        latest.iter().filter(|((_, r), _)| *r == round).map(|((code, _), s)| (*code, *s)).collect();
    let places: HashMap<&str, Place> = current.keys().map(|code| (*code, Place::lookup(code, &register))).collect();

    let mut by_county: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (code, place) in &places {
        by_county.entry(place.county_code.as_str()).or_default().push(code);
    }
    let mut county_figures: HashMap<(&str, usize), CountyFigures> = HashMap::new();
    for codes in by_county.values() {
        for m in 0..METRICS {
            let values: Vec<Option<f64>> =
                codes.iter().map(|c| current.get(c).and_then(|s| metric(&s.score, m).0)).collect();
            let present: Vec<f64> = values.iter().flatten().copied().collect();
            let med = median(&present);
            for (code, rank) in codes.iter().zip(competition_ranks(&values)) {
                county_figures.insert((code, m), CountyFigures { rank, ranked: present.len(), median: med });
            }
        }
    }

    let mut out = Vec::new();
    for (code, s) in &current {
        let Some(place) = places.get(code) else { continue };
        if !selection.contains(place) {
            continue;
        }
        let previous_round = rounds_of.get(code).and_then(|rs| rs.range(..round).next_back().copied());
        let previous = previous_round.and_then(|r| latest.get(&(*code, r)));
        let standing = |m: usize| {
            let (score, coverage, uncertain, band) = metric(&s.score, m);
            let county = county_figures.get(&(*code, m)).copied().unwrap_or_default();
            let county_median = county.median;
            let before = previous.and_then(|p| metric(&p.score, m).0);
            Standing {
                subgoal: SubGoal::ALL.get(m).copied(),
                score,
                coverage,
                uncertain,
                band,
                rank_in_county: county.rank,
                ranked_in_county: county.ranked,
                county_median,
                from_county_median: score.zip(county_median).map(|(a, b)| a - b),
                previous: before,
                change: score.zip(before).map(|(a, b)| a - b),
            }
        };
        out.push(MunicipalityComparison {
            municipality_code: place.code.clone(),
            municipality: place.name.clone(),
            county_code: place.county_code.clone(),
            county: place.county_name.clone(),
            skr_group: place.skr_group.clone(),
            round: round.to_string(),
            interview_id: s.interview_id.clone(),
            demo: s.demo,
            previous_round: previous_round.map(str::to_string),
            subgoals: [0, 1, 2, 3, 4].map(standing),
            index: standing(5),
        });
    }
    out
}
