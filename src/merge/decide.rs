//! The merge rules for one interview present in both databases, as pure functions of what
//! differs between the two sides (a `Divergence`, read by `diff`): no I/O. `decide` is tested
//! directly; `plan_interview` through small databases in `tests` and `proptests`.
//!
//! The common history of the two sides is the set of history rows (by `change_id`) both hold.
//! A side "changed" an answer when it holds an `answer` or `resolve` row for that question the
//! other side lacks; likewise for the status (`complete`/`reopen` rows). Then per answer:
//! identical → nothing; changed on one side only → that side's answer; changed on both sides,
//! differently → a conflict that keeps both. A completed interview is never changed silently:
//! when one side completed it without the other side's later answer, that answer becomes a
//! conflict instead of landing in the completed interview.

use super::{InterviewUpdate, StatusChange, TakenAnswer};
use crate::store::{
    Conflict, ConflictReason, ConflictSide, ConflictStatus, HistoryEntry, Interview, InterviewStatus, StoredAnswer,
};
use std::collections::{HashMap, HashSet};

/// What one side's history row changed: enough to tell which answers and whether the status
/// changed, without its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub event: String,
    pub question_id: Option<String>,
}

impl From<&HistoryEntry> for Change {
    fn from(h: &HistoryEntry) -> Self {
        Change { event: h.event.clone(), question_id: h.question_id.clone() }
    }
}

/// One answer whose state (value or note) differs between the sides; None: no row there.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerPair {
    pub question_id: String,
    pub ours: Option<StoredAnswer>,
    pub theirs: Option<StoredAnswer>,
}

/// Everything that differs between the two sides' copies of one interview. Answers not listed
/// are the same on both sides, and history rows not listed are held by both.
#[derive(Debug, Clone, Copy)]
pub struct Divergence<'a> {
    pub ours: &'a Interview,
    pub theirs: &'a Interview,
    /// Our history rows they lack.
    pub ours_only: &'a [Change],
    /// Their history rows we lack, oldest first; a merge appends them as they are.
    pub theirs_only: &'a [HistoryEntry],
    pub differing: &'a [AnswerPair],
    /// Every conflict of this interview on each side, open or resolved.
    pub ours_conflicts: &'a [Conflict],
    pub theirs_conflicts: &'a [Conflict],
}

/// What the merge does with one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Keep,
    TakeTheirs,
    Conflict(ConflictReason),
}

/// The facts about one answer the rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AnswerFacts {
    pub ours_changed: bool,
    pub theirs_changed: bool,
    /// Same value and note on both sides (a missing answer counts as no value, no note).
    pub same: bool,
    /// Our side completed the interview, and the merged interview stays completed.
    pub ours_locked: bool,
    pub theirs_locked: bool,
}

pub fn decide(f: AnswerFacts) -> Decision {
    if f.same {
        return Decision::Keep;
    }
    match (f.ours_changed, f.theirs_changed) {
        (true, true) => Decision::Conflict(ConflictReason::BothChanged),
        (true, false) if f.theirs_locked => Decision::Conflict(ConflictReason::AfterCompletion),
        (true, false) => Decision::Keep,
        (false, true) if f.ours_locked => Decision::Conflict(ConflictReason::AfterCompletion),
        (false, true) => Decision::TakeTheirs,
        // Different answers but no history row explains either: never pick one silently.
        (false, false) => Decision::Conflict(ConflictReason::Unexplained),
    }
}

/// The merged status: a side that changed it wins over one that did not; when both changed it
/// and ended differently, "in progress" wins, so nobody is locked out of an interview someone
/// else reopened for a reason (the reopen row with its reason comes along in the history).
pub fn merged_status(
    ours: InterviewStatus,
    ours_changed: bool,
    theirs: InterviewStatus,
    theirs_changed: bool,
) -> InterviewStatus {
    match (ours_changed, theirs_changed) {
        (_, false) => ours,
        (false, true) => theirs,
        (true, true) if ours == theirs => ours,
        (true, true) => InterviewStatus::InProgress,
    }
}

fn is_answer_event(c: &Change) -> bool {
    matches!(c.event.as_str(), "answer" | "resolve")
}

fn is_status_event(c: &Change) -> bool {
    matches!(c.event.as_str(), "complete" | "reopen")
}

/// The other side's answer states that a conflict on `question` already records, so merging
/// the same file twice does not record the same disagreement twice.
fn already_recorded<'a>(mut open: impl Iterator<Item = &'a Conflict>, question: &str, c: &Conflict) -> bool {
    open.any(|o| {
        o.question_id == question
            && ((o.ours.same_answer(&c.ours) && o.theirs.same_answer(&c.theirs))
                || (o.ours.same_answer(&c.theirs) && o.theirs.same_answer(&c.ours)))
    })
}

/// Plans the merge of one interview both databases hold. `new_id` makes conflict ids.
pub fn plan_interview(
    d: &Divergence<'_>,
    merge_id: &str,
    now: &str,
    new_id: &mut dyn FnMut() -> String,
) -> InterviewUpdate {
    let theirs_only: Vec<Change> = d.theirs_only.iter().map(Change::from).collect();
    let changed = |rows: &[Change]| -> HashSet<String> {
        rows.iter().filter(|c| is_answer_event(c)).filter_map(|c| c.question_id.clone()).collect()
    };
    let (ours_changed, theirs_changed) = (changed(d.ours_only), changed(&theirs_only));
    let ours_status_changed = d.ours_only.iter().any(is_status_event);
    let theirs_status_changed = theirs_only.iter().any(is_status_event);

    let (o, t) = (d.ours, d.theirs);
    let status = merged_status(o.status, ours_status_changed, t.status, theirs_status_changed);
    let completed_at = match (status, ours_status_changed, theirs_status_changed) {
        (InterviewStatus::InProgress, ..) => None,
        (_, _, false) => o.completed_at.clone(),
        (_, false, true) => t.completed_at.clone(),
        // Both completed it on their own: the later completion is when it was finally done.
        (_, true, true) => o.completed_at.clone().max(t.completed_at.clone()),
    };
    let locked = |side: &Interview, status_changed: bool| {
        status == InterviewStatus::Completed && side.status == InterviewStatus::Completed && status_changed
    };
    let (ours_locked, theirs_locked) = (locked(o, ours_status_changed), locked(t, theirs_status_changed));

    let mut update = InterviewUpdate {
        interview: o.clone(),
        history: d.theirs_only.to_vec(),
        status: (status != o.status || completed_at != o.completed_at).then_some(StatusChange {
            from: o.status,
            to: status,
            completed_at,
        }),
        status_disagreement: ours_status_changed && theirs_status_changed && o.status != t.status,
        taken: Vec::new(),
        conflicts: Vec::new(),
        copied_conflicts: Vec::new(),
        resolved_conflicts: Vec::new(),
    };

    // Conflicts travel by id: unknown ones are copied, and a resolution made there closes ours.
    let ours_conflicts: HashMap<&str, &Conflict> = d.ours_conflicts.iter().map(|c| (c.id.as_str(), c)).collect();
    for c in d.theirs_conflicts {
        match ours_conflicts.get(c.id.as_str()) {
            None => update.copied_conflicts.push(c.clone()),
            Some(mine) if mine.status == ConflictStatus::Open && c.status == ConflictStatus::Resolved => {
                update.resolved_conflicts.push(c.clone())
            }
            Some(_) => {}
        }
    }
    let resolved_now: HashSet<&str> = update.resolved_conflicts.iter().map(|c| c.id.as_str()).collect();
    let open_before: Vec<&Conflict> = d
        .ours_conflicts
        .iter()
        .filter(|c| c.status == ConflictStatus::Open && !resolved_now.contains(c.id.as_str()))
        .chain(update.copied_conflicts.iter().filter(|c| c.status == ConflictStatus::Open))
        .collect();

    // Answers the sides hold alike need nothing (rule one of `decide`); only differing ones are
    // looked at.
    let mut found = Vec::new();
    for pair in d.differing {
        let q = pair.question_id.as_str();
        let (ours_side, theirs_side) = (ConflictSide::of(pair.ours.as_ref()), ConflictSide::of(pair.theirs.as_ref()));
        let facts = AnswerFacts {
            ours_changed: ours_changed.contains(q),
            theirs_changed: theirs_changed.contains(q),
            same: ours_side.same_answer(&theirs_side),
            ours_locked,
            theirs_locked,
        };
        match decide(facts) {
            Decision::Keep => {}
            // A history row always writes its answer row, so a side that changed an answer has
            // one; if a damaged database lacks it, keeping ours loses nothing.
            Decision::TakeTheirs => {
                if let Some(after) = &pair.theirs {
                    update.taken.push(TakenAnswer { before: pair.ours.clone(), after: after.clone() });
                }
            }
            Decision::Conflict(reason) => {
                let c = Conflict {
                    id: new_id(),
                    interview_id: o.id.clone(),
                    question_id: q.to_string(),
                    reason,
                    ours: ours_side,
                    theirs: theirs_side,
                    merge_id: Some(merge_id.to_string()),
                    detected_at: now.to_string(),
                    status: ConflictStatus::Open,
                    resolution: None,
                    resolved_change_id: None,
                    resolved_at: None,
                    resolved_by: None,
                };
                if !already_recorded(open_before.iter().copied(), q, &c) {
                    found.push(c);
                }
            }
        }
    }
    update.conflicts = found;
    update
}
