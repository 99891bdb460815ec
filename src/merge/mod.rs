//! Merging another interviewer's database into this one without losing or overwriting anything.
//!
//! Planning is separate from writing: [`plan`] reads both databases and computes a [`MergePlan`]
//! (the rules live in `decide`, as pure functions); [`apply`] writes a plan in one transaction.
//! [`merge`] does both under one write lock, so the plan cannot go stale before it lands; a dry
//! run only plans.
//!
//! - Interviews are matched by UUID. New ones are copied whole: questionnaire snapshot, answers,
//!   full history, conflicts.
//! - For interviews in both, the union of the two histories (by `change_id`) decides per answer
//!   and for the status; see `decide`. Both histories are kept whole.
//! - Conflicts keep both sides; the answer keeps this database's side until someone resolves
//!   it (`Store::resolve_conflict`).
//! - Two interviews of the same municipality and round with different ids are both kept and
//!   reported as a possible duplicate.
//! - Merging the same database again finds nothing to do and writes nothing.

mod apply;
pub mod decide;
mod diff;
mod read;
pub mod report;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use apply::apply;
pub use read::plan;
pub use report::MergeReport;

use crate::exchange::json::Snapshot;
use crate::store::{Conflict, HistoryEntry, Interview, InterviewStatus, Store, StoreError, StoredAnswer};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("a database cannot be merged into itself")]
    SameDatabase,
    #[error("questionnaire snapshot {hash} in the other database does not match its hash")]
    CorruptSnapshot { hash: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for MergeError {
    fn from(e: rusqlite::Error) -> Self {
        MergeError::Store(e.into())
    }
}

/// Everything a merge would write. Built by [`plan`], written by [`apply`].
#[derive(Debug, Clone, Default)]
pub struct MergePlan {
    pub merge_id: String,
    /// The other database, as the user named it.
    pub source: String,
    /// Questionnaire snapshots the copied interviews need.
    pub snapshots: Vec<Snapshot>,
    pub new_interviews: Vec<CopiedInterview>,
    /// Interviews in both databases that change; unchanged ones are left out.
    pub updates: Vec<InterviewUpdate>,
    pub duplicates: Vec<Duplicate>,
}

/// An interview only the other database has, copied whole.
#[derive(Debug, Clone)]
pub struct CopiedInterview {
    pub interview: Interview,
    pub answers: Vec<StoredAnswer>,
    pub history: Vec<HistoryEntry>,
    pub conflicts: Vec<Conflict>,
}

/// The changes to one interview both databases hold.
#[derive(Debug, Clone)]
pub struct InterviewUpdate {
    /// Our interview as it was before the merge.
    pub interview: Interview,
    /// Their history rows we lack, oldest first; appended unchanged.
    pub history: Vec<HistoryEntry>,
    /// Answers changed only on their side, taken as they are there.
    pub taken: Vec<TakenAnswer>,
    /// Disagreements found by this merge.
    pub conflicts: Vec<Conflict>,
    /// Their conflicts we did not know (found by an earlier merge there).
    pub copied_conflicts: Vec<Conflict>,
    /// Conflicts open here that were resolved there; the rows as resolved there.
    pub resolved_conflicts: Vec<Conflict>,
    pub status: Option<StatusChange>,
    /// Both sides changed the status and ended differently; the interview is kept in progress.
    pub status_disagreement: bool,
}

impl InterviewUpdate {
    pub fn is_empty(&self) -> bool {
        self.history.is_empty()
            && self.taken.is_empty()
            && self.conflicts.is_empty()
            && self.copied_conflicts.is_empty()
            && self.resolved_conflicts.is_empty()
            && self.status.is_none()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TakenAnswer {
    /// Our answer before (None: we had none).
    pub before: Option<StoredAnswer>,
    pub after: StoredAnswer,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatusChange {
    pub from: InterviewStatus,
    pub to: InterviewStatus,
    pub completed_at: Option<String>,
}

/// A copied interview of a municipality and round that another interview also covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duplicate {
    pub interview_id: String,
    pub interviewer: String,
    pub other_id: String,
    pub other_interviewer: String,
    pub municipality_code: String,
    pub round: String,
}

/// How much a plan does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub new_interviews: usize,
    pub updated_interviews: usize,
    pub answers_taken: usize,
    pub history_added: usize,
    pub conflicts: usize,
    pub conflicts_copied: usize,
    pub conflicts_resolved_there: usize,
    pub status_changes: usize,
    pub duplicates: usize,
}

impl MergePlan {
    /// Nothing to write: the other database holds nothing this one lacks.
    pub fn is_empty(&self) -> bool {
        self.new_interviews.is_empty() && self.updates.is_empty() && self.snapshots.is_empty()
    }

    pub fn counts(&self) -> Counts {
        let u = &self.updates;
        let copied_history: usize = self.new_interviews.iter().map(|c| c.history.len()).sum();
        let copied_conflicts: usize = self.new_interviews.iter().map(|c| c.conflicts.len()).sum();
        Counts {
            new_interviews: self.new_interviews.len(),
            updated_interviews: u.len(),
            answers_taken: u.iter().map(|x| x.taken.len()).sum(),
            history_added: copied_history + u.iter().map(|x| x.history.len()).sum::<usize>(),
            conflicts: u.iter().map(|x| x.conflicts.len()).sum(),
            conflicts_copied: copied_conflicts + u.iter().map(|x| x.copied_conflicts.len()).sum::<usize>(),
            conflicts_resolved_there: u.iter().map(|x| x.resolved_conflicts.len()).sum(),
            status_changes: u.iter().filter(|x| x.status.is_some()).count(),
            duplicates: self.duplicates.len(),
        }
    }
}

/// Merges `theirs` into `ours`: plans and applies under one write transaction on `ours`, so
/// nothing can change between the two. With `dry_run`, only plans. `theirs` is only read; open
/// it with `Store::open_read_only`.
pub fn merge(ours: &Store, theirs: &Store, source: &str, by: &str, dry_run: bool) -> Result<MergePlan, MergeError> {
    if same_file(ours, theirs) {
        return Err(MergeError::SameDatabase);
    }
    if dry_run {
        return plan(ours, theirs, source);
    }
    let tx = ours.begin()?;
    let planned = plan(ours, theirs, source)?;
    apply(ours, &planned, by)?;
    tx.commit()?;
    Ok(planned)
}

fn same_file(a: &Store, b: &Store) -> bool {
    match (a.path().and_then(|p| p.canonicalize().ok()), b.path().and_then(|p| p.canonicalize().ok())) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}
