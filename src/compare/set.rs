//! Per set of municipalities (a county, an SKR group, a list): how many were interviewed and the
//! spread of their scores.

use super::stats::{Stats, stats};
use super::{Place, Scored, Selection, latest_by_round, register_map};
use crate::model::SubGoal;
use crate::register::Municipality;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetSummary {
    pub selection: Selection,
    pub round: String,
    /// Municipalities in the set (from the register; for a list, the distinct codes listed).
    pub members: usize,
    /// Members with an interview in the round.
    pub interviewed: usize,
    /// True when any interview counted is example data.
    pub demo: bool,
    /// In `SubGoal::ALL` order.
    pub subgoals: [Stats; 5],
    pub index: Stats,
}

/// Median, quartiles, min and max per sub-goal and for the index over the municipalities of
/// `selection` interviewed in `round`. Uncertain scores are included and counted.
pub fn summarise(scored: &[Scored], register: &[Municipality], round: &str, selection: &Selection) -> SetSummary {
    let map = register_map(register);
    let counted: Vec<&Scored> = latest_by_round(scored)
        .into_iter()
        .filter(|((code, r), _)| *r == round && selection.contains(&Place::lookup(code, &map)))
        .map(|(_, s)| s)
        .collect();
    let interviewed = counted.len();
    let subgoals = SubGoal::ALL.map(|g| {
        let values: Vec<(f64, bool)> =
            counted.iter().filter_map(|s| s.score.get(g).score.map(|v| (v, s.score.get(g).uncertain))).collect();
        stats(Some(g), &values, interviewed - values.len())
    });
    let index_values: Vec<(f64, bool)> =
        counted.iter().filter_map(|s| s.score.index.map(|v| (v, s.score.index_uncertain))).collect();
    SetSummary {
        selection: selection.clone(),
        round: round.to_string(),
        members: selection.size(register),
        interviewed,
        demo: counted.iter().any(|s| s.demo),
        subgoals,
        index: stats(None, &index_values, interviewed - index_values.len()),
    }
}
