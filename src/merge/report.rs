//! The merge report: what a plan does, for people (`i18n::merge::report_text`) and as JSON.

use super::{Counts, Duplicate, MergePlan};
use crate::model::AnswerValue;
use crate::register;
use crate::store::{ConflictReason, ConflictSide, InterviewStatus, StoredAnswer};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct MergeReport {
    pub source: String,
    pub dry_run: bool,
    pub counts: Counts,
    pub new_interviews: Vec<InterviewLine>,
    pub updated_interviews: Vec<UpdatedLine>,
    pub conflicts: Vec<ConflictLine>,
    pub duplicates: Vec<DuplicateLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InterviewLine {
    pub id: String,
    pub municipality_code: String,
    pub municipality: String,
    pub round: String,
    pub interviewer: String,
    pub status: InterviewStatus,
    pub answers: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct UpdatedLine {
    pub id: String,
    pub municipality_code: String,
    pub municipality: String,
    pub round: String,
    pub answers_taken: Vec<TakenLine>,
    pub history_added: usize,
    pub conflicts: usize,
    pub status: Option<StatusLine>,
    pub status_disagreement: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TakenLine {
    pub question_id: String,
    pub before: Option<AnswerState>,
    pub after: AnswerState,
}

/// An answer's value and note, with who gave it when.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerState {
    pub value: Option<AnswerValue>,
    pub note: String,
    pub changed_at: String,
    pub changed_by: String,
}

impl From<&StoredAnswer> for AnswerState {
    fn from(a: &StoredAnswer) -> Self {
        AnswerState {
            value: a.value.clone(),
            note: a.note.clone(),
            changed_at: a.updated_at.clone(),
            changed_by: a.updated_by.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusLine {
    pub from: InterviewStatus,
    pub to: InterviewStatus,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConflictLine {
    pub conflict_id: String,
    pub interview_id: String,
    pub municipality_code: String,
    pub municipality: String,
    pub round: String,
    pub question_id: String,
    pub reason: ConflictReason,
    pub ours: ConflictSide,
    pub theirs: ConflictSide,
}

#[derive(Debug, Clone, Serialize)]
pub struct DuplicateLine {
    #[serde(flatten)]
    pub duplicate: Duplicate,
    pub municipality: String,
}

fn municipality_name(code: &str) -> String {
    register::by_code(code).map(|m| m.name.clone()).unwrap_or_default()
}

impl MergeReport {
    pub fn new(plan: &MergePlan, dry_run: bool) -> MergeReport {
        let new_interviews = plan
            .new_interviews
            .iter()
            .map(|c| InterviewLine {
                id: c.interview.id.clone(),
                municipality: municipality_name(&c.interview.municipality_code),
                municipality_code: c.interview.municipality_code.clone(),
                round: c.interview.round.clone(),
                interviewer: c.interview.interviewer.clone(),
                status: c.interview.status,
                answers: c.answers.iter().filter(|a| a.value.is_some()).count(),
            })
            .collect();
        let mut conflicts = Vec::new();
        let mut updated_interviews = Vec::new();
        for u in &plan.updates {
            let i = &u.interview;
            let municipality = municipality_name(&i.municipality_code);
            for c in &u.conflicts {
                conflicts.push(ConflictLine {
                    conflict_id: c.id.clone(),
                    interview_id: i.id.clone(),
                    municipality_code: i.municipality_code.clone(),
                    municipality: municipality.clone(),
                    round: i.round.clone(),
                    question_id: c.question_id.clone(),
                    reason: c.reason,
                    ours: c.ours.clone(),
                    theirs: c.theirs.clone(),
                });
            }
            updated_interviews.push(UpdatedLine {
                id: i.id.clone(),
                municipality_code: i.municipality_code.clone(),
                municipality,
                round: i.round.clone(),
                answers_taken: u
                    .taken
                    .iter()
                    .map(|t| TakenLine {
                        question_id: t.after.question_id.clone(),
                        before: t.before.as_ref().map(AnswerState::from),
                        after: AnswerState::from(&t.after),
                    })
                    .collect(),
                history_added: u.history.len(),
                conflicts: u.conflicts.len(),
                status: u.status.as_ref().map(|s| StatusLine { from: s.from, to: s.to }),
                status_disagreement: u.status_disagreement,
            });
        }
        let duplicates = plan
            .duplicates
            .iter()
            .map(|d| DuplicateLine { municipality: municipality_name(&d.municipality_code), duplicate: d.clone() })
            .collect();
        MergeReport {
            source: plan.source.clone(),
            dry_run,
            counts: plan.counts(),
            new_interviews,
            updated_interviews,
            conflicts,
            duplicates,
        }
    }
}
