//! Roadmap planning (pure): a scored interview and the catalogue → a municipality's digital
//! roadmap; many of them → the county's roadmap of shared work. No I/O: `gather` reads the
//! store and hands the inputs in.
//!
//! A municipality's roadmap is the catalogue entries whose rule its interview meets, each with
//! the evidence that selected it, ordered by need and laid on a three-year timeline
//! (`timeline`). The rules are documented for catalogue maintainers in roadmaps/README.md.

mod county;
mod rule;
pub mod timeline;

#[cfg(test)]
mod tests;

pub use county::{CountyMember, CountyRoadmap, SharedBy, SharedEntry, county_roadmap};
pub use rule::{Answered, Outcome, QuotedAnswer, answered, evaluate};
pub use timeline::{Period, Slot};

use crate::compare::{MunicipalityComparison, Notes, Standing};
use crate::model::roadmap::{Catalogue, Entry};
use crate::model::visibility::{Answers, visible_ids};
use crate::model::{Level, Questionnaire, SubGoal};
use crate::score::level_of;
use serde::Serialize;
use std::cmp::Ordering;

/// Who was interviewed, when and by whom: what the cover page says beyond the standing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterviewInfo {
    pub interviewer: String,
    pub respondents: String,
    /// The day the interview started, `YYYY-MM-DD`.
    pub date: String,
}

/// One municipality's interview, everything planning needs.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// Scores against the county (from `compare::compare_municipalities`).
    pub standing: &'a MunicipalityComparison,
    pub info: &'a InterviewInfo,
    /// The questionnaire the interview was taken with (its stored snapshot).
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a Answers,
    pub notes: &'a Notes,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CatalogueInfo {
    pub id: String,
    pub version: String,
    pub title: String,
}

impl CatalogueInfo {
    pub fn of(c: &Catalogue) -> CatalogueInfo {
        CatalogueInfo { id: c.id.clone(), version: c.version.clone(), title: c.title.clone() }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MunicipalityRoadmap {
    pub standing: MunicipalityComparison,
    pub info: InterviewInfo,
    pub catalogue: CatalogueInfo,
    /// Selected entries, most needed first (see `municipality_roadmap`).
    pub entries: Vec<PlannedEntry>,
    /// Per sub-goal in `SubGoal::ALL` order: the answers to its scored, visible questions.
    pub key_answers: [Vec<KeyAnswer>; 5],
    /// Every answered or annotated visible question, by section in questionnaire order.
    pub appendix: Vec<AppendixSection>,
}

impl MunicipalityRoadmap {
    pub fn subgoal(&self, g: SubGoal) -> &Standing {
        &self.standing.subgoals[g.index()]
    }

    pub fn entries_of(&self, g: SubGoal) -> impl Iterator<Item = &PlannedEntry> {
        self.entries.iter().filter(move |e| e.entry.subgoal == g)
    }

    /// The entries that are certain, in priority order: the "first priorities" of the summary.
    pub fn certain(&self) -> impl Iterator<Item = &PlannedEntry> {
        self.entries.iter().filter(|e| !e.uncertain)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedEntry {
    /// 1 for the most needed.
    pub priority: usize,
    pub entry: Entry,
    /// Selected only through a score whose coverage is below 50 %: something to look into,
    /// never presented as a certain need.
    pub uncertain: bool,
    pub evidence: Evidence,
    pub slot: Slot,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The entry's sub-goal score, its coverage and the county median, whatever selected it.
    pub score: Option<f64>,
    pub coverage: f64,
    pub score_uncertain: bool,
    pub county_median: Option<f64>,
    /// The rule's threshold, when the score condition was met.
    pub score_below: Option<f64>,
    /// The answers that met the rule's answer conditions.
    pub answers: Vec<QuotedAnswer>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyAnswer {
    pub question_id: String,
    pub question: String,
    pub answer: Answered,
    /// The level the answer gives (None: "Vet ej", "Ej tillämpligt" or unanswered).
    pub level: Option<Level>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppendixSection {
    pub title: String,
    pub items: Vec<AppendixItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppendixItem {
    pub question_id: String,
    pub question: String,
    pub answer: Answered,
    pub note: Option<String>,
}

/// Plans one municipality's roadmap.
///
/// Order ("by need"): entries selected with certainty come before uncertain ones, so that no
/// uncertain entry is ever among the first priorities. Within each group: lowest sub-goal score
/// first (a sub-goal without a score last), then the largest gap below the county median, then
/// the shorter horizon, then catalogue order, which makes the order total and deterministic.
pub fn municipality_roadmap(catalogue: &Catalogue, input: &Input<'_>) -> MunicipalityRoadmap {
    let visible = visible_ids(input.questionnaire, input.answers);
    let mut selected: Vec<(usize, PlannedEntry)> = Vec::new();
    for (position, entry) in catalogue.entries.iter().enumerate() {
        let standing = &input.standing.subgoals[entry.subgoal.index()];
        let outcome = evaluate(&entry.rule, standing.score, input.questionnaire, input.answers, &visible);
        if !outcome.selected {
            continue;
        }
        let uncertain = outcome.matched.is_empty() && standing.uncertain;
        let evidence = Evidence {
            score: standing.score,
            coverage: standing.coverage.unwrap_or(0.0),
            score_uncertain: standing.uncertain,
            county_median: standing.county_median,
            score_below: entry.rule.score_below.filter(|_| outcome.score_met),
            answers: outcome.matched,
        };
        let planned =
            PlannedEntry { priority: 0, entry: entry.clone(), uncertain, evidence, slot: Slot::of(entry.horizon) };
        selected.push((position, planned));
    }
    selected.sort_by(|(pa, a), (pb, b)| need_order(a, b).then(pa.cmp(pb)));
    let entries = selected
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut e))| {
            e.priority = i + 1;
            e
        })
        .collect();
    MunicipalityRoadmap {
        standing: input.standing.clone(),
        info: input.info.clone(),
        catalogue: CatalogueInfo::of(catalogue),
        entries,
        key_answers: SubGoal::ALL.map(|g| key_answers(input, &visible, g)),
        appendix: appendix(input, &visible),
    }
}

fn need_order(a: &PlannedEntry, b: &PlannedEntry) -> Ordering {
    // Scores and gaps are finite (0–100), so total_cmp orders them as numbers; a missing score
    // sorts after every score, a missing gap after every gap.
    let score = |e: &PlannedEntry| e.evidence.score.unwrap_or(f64::INFINITY);
    let below_median = |e: &PlannedEntry| match (e.evidence.score, e.evidence.county_median) {
        (Some(s), Some(m)) => s - m,
        _ => f64::INFINITY,
    };
    a.uncertain
        .cmp(&b.uncertain)
        .then(score(a).total_cmp(&score(b)))
        .then(below_median(a).total_cmp(&below_median(b)))
        .then(a.entry.horizon.cmp(&b.entry.horizon))
}

fn key_answers(input: &Input<'_>, visible: &std::collections::HashSet<String>, g: SubGoal) -> Vec<KeyAnswer> {
    input
        .questionnaire
        .questions()
        .filter(|q| q.scoring.is_some_and(|s| s.subgoal == g) && visible.contains(&q.id))
        .map(|q| {
            let value = input.answers.get(&q.id);
            KeyAnswer {
                question_id: q.id.clone(),
                question: q.text.clone(),
                answer: answered(q, value),
                level: value.and_then(|v| level_of(q, v)),
            }
        })
        .collect()
}

fn appendix(input: &Input<'_>, visible: &std::collections::HashSet<String>) -> Vec<AppendixSection> {
    input
        .questionnaire
        .sections
        .iter()
        .map(|s| AppendixSection {
            title: s.title.clone(),
            items: s
                .questions
                .iter()
                .filter(|q| visible.contains(&q.id))
                .filter_map(|q| {
                    let value = input.answers.get(&q.id);
                    let note = input.notes.get(&q.id).map(|n| n.trim()).filter(|n| !n.is_empty()).map(str::to_string);
                    (value.is_some() || note.is_some()).then(|| AppendixItem {
                        question_id: q.id.clone(),
                        question: q.text.clone(),
                        answer: answered(q, value),
                        note,
                    })
                })
                .collect(),
        })
        .filter(|s| !s.items.is_empty())
        .collect()
}
