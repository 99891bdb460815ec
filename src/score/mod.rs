//! Scoring (pure): answers → a 0–100 score, coverage and maturity band per sub-goal, and an
//! overall index. The rules are written out for analysts in docs/scoring.md; keep the two in
//! step (the `worked_example` test checks the numbers that page states).

mod band;
mod level;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod worked_example;

pub use band::Band;
pub use level::level_of;

use crate::model::visibility::{Answers, visible_ids};
use crate::model::{Questionnaire, SubGoal};
use serde::Serialize;

/// A score whose coverage is below this share is uncertain: shown as such, never as a plain
/// low score.
pub const UNCERTAIN_BELOW: f64 = 0.5;

/// The multiplier from a mean level (0–4) to a score (0–100).
const POINTS_PER_LEVEL: f64 = 25.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubGoalScore {
    pub subgoal: SubGoal,
    /// 25 × weighted mean level of the answered, visible, scored questions; None when no such
    /// question has a level (nothing answered, or only "Vet ej" / "Ej tillämpligt").
    pub score: Option<f64>,
    /// `answered_weight / visible_weight`, 0–1; 0 when the sub-goal has no visible question.
    pub coverage: f64,
    /// Total weight of the visible scored questions whose answer gives a level.
    pub answered_weight: f64,
    /// Total weight of the visible scored questions of the sub-goal.
    pub visible_weight: f64,
    /// `coverage < UNCERTAIN_BELOW`. Also true when `score` is None (coverage is then 0), so a
    /// missing sub-goal flags the index built without it.
    pub uncertain: bool,
    pub band: Option<Band>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterviewScore {
    /// In `SubGoal::ALL` order, so `subgoals[g.index()]` is sub-goal `g`.
    pub subgoals: [SubGoalScore; 5],
    /// Unweighted mean of the sub-goal scores that exist; None when none does.
    pub index: Option<f64>,
    /// True when any of the five sub-goals is uncertain, including one without a score: an
    /// index over fewer than five sub-goals is not comparable at face value.
    pub index_uncertain: bool,
    pub index_band: Option<Band>,
}

impl InterviewScore {
    pub fn get(&self, subgoal: SubGoal) -> &SubGoalScore {
        &self.subgoals[subgoal.index()]
    }
}

/// Scores one interview: its questionnaire (the snapshot it was taken with) and its answers.
pub fn score_interview(questionnaire: &Questionnaire, answers: &Answers) -> InterviewScore {
    let visible = visible_ids(questionnaire, answers);
    let mut sums = [Sums::default(); 5];
    for question in questionnaire.questions() {
        let Some(scoring) = question.scoring else { continue };
        if !visible.contains(&question.id) {
            continue;
        }
        let s = &mut sums[scoring.subgoal.index()];
        s.visible_weight += scoring.weight;
        if let Some(level) = answers.get(&question.id).and_then(|v| level_of(question, v)) {
            s.answered_weight += scoring.weight;
            s.weighted_levels += scoring.weight * f64::from(level);
        }
    }
    let subgoals = SubGoal::ALL.map(|g| sums[g.index()].finish(g));
    let (index, index_uncertain) = index_of(&subgoals);
    InterviewScore { index_band: index.map(Band::of), subgoals, index, index_uncertain }
}

/// The overall index of five sub-goal scores and whether it is uncertain.
pub fn index_of(subgoals: &[SubGoalScore; 5]) -> (Option<f64>, bool) {
    let present: Vec<f64> = subgoals.iter().filter_map(|s| s.score).collect();
    let index = (!present.is_empty()).then(|| present.iter().sum::<f64>() / present.len() as f64);
    (index, subgoals.iter().any(|s| s.uncertain))
}

#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    visible_weight: f64,
    answered_weight: f64,
    weighted_levels: f64,
}

impl Sums {
    fn finish(self, subgoal: SubGoal) -> SubGoalScore {
        // The weight divides the weighted sum of levels, so a weight-2 question counts exactly
        // like two weight-1 questions: weighting only the numerator would let weights push a
        // score past 100.
        let score = (self.answered_weight > 0.0).then(|| {
            let mean = self.weighted_levels / self.answered_weight;
            // Only rounding can take the mean outside 0–4; the clamp keeps 100 exact.
            (POINTS_PER_LEVEL * mean).clamp(0.0, 100.0)
        });
        let coverage =
            if self.visible_weight > 0.0 { (self.answered_weight / self.visible_weight).clamp(0.0, 1.0) } else { 0.0 };
        SubGoalScore {
            subgoal,
            score,
            coverage,
            answered_weight: self.answered_weight,
            visible_weight: self.visible_weight,
            uncertain: coverage < UNCERTAIN_BELOW,
            band: score.map(Band::of),
        }
    }
}
