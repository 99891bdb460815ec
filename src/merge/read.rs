//! Planning: reads both databases and computes a `MergePlan` without writing anything.

use super::decide::{Divergence, plan_interview};
use super::diff::{HistoryDiff, differing_answers};
use super::{CopiedInterview, Duplicate, MergeError, MergePlan};
use crate::exchange::json::Snapshot;
use crate::store::{Conflict, Interview, InterviewFilter, Store, content_hash, now};
use rusqlite::OptionalExtension;
use std::collections::{HashMap, HashSet};

/// A read transaction on the source, so the plan sees one committed state of it even if the
/// other interviewer's program is writing to it meanwhile. Dropping it ends the transaction.
struct ReadTx<'a> {
    store: &'a Store,
    active: bool,
}

impl<'a> ReadTx<'a> {
    fn begin(store: &'a Store) -> Result<ReadTx<'a>, MergeError> {
        let active = store.conn().is_autocommit();
        if active {
            store.conn().execute_batch("BEGIN DEFERRED")?;
        }
        Ok(ReadTx { store, active })
    }
}

impl Drop for ReadTx<'_> {
    fn drop(&mut self) {
        if self.active {
            // Nothing was written in it; if ending it fails, closing the connection ends it.
            let _ = self.store.conn().execute_batch("ROLLBACK");
        }
    }
}

fn by_interview(conflicts: Vec<Conflict>) -> HashMap<String, Vec<Conflict>> {
    let mut out: HashMap<String, Vec<Conflict>> = HashMap::new();
    for c in conflicts {
        out.entry(c.interview_id.clone()).or_default().push(c);
    }
    out
}

/// Computes what merging `theirs` into `ours` would do. `source` names the other database in
/// the plan and, once applied, in the `merges` record.
pub fn plan(ours: &Store, theirs: &Store, source: &str) -> Result<MergePlan, MergeError> {
    let _snapshot = ReadTx::begin(theirs)?;
    let all = InterviewFilter::default();
    let ours_interviews: HashMap<String, Interview> =
        ours.interviews(&all)?.into_iter().map(|i| (i.id.clone(), i)).collect();
    let theirs_interviews = theirs.interviews(&all)?;
    let common: HashSet<&str> =
        theirs_interviews.iter().map(|i| i.id.as_str()).filter(|id| ours_interviews.contains_key(*id)).collect();
    let ours_conflicts = by_interview(ours.all_conflicts()?);
    let mut theirs_conflicts = by_interview(theirs.all_conflicts()?);
    let history = HistoryDiff::read(ours, theirs, &common)?;
    let answers = differing_answers(ours, theirs, &common)?;

    let merge_id = uuid::Uuid::new_v4().to_string();
    let at = now();
    let mut new_id = || uuid::Uuid::new_v4().to_string();
    let mut plan = MergePlan { merge_id: merge_id.clone(), source: source.to_string(), ..Default::default() };
    for t in &theirs_interviews {
        let conflicts = theirs_conflicts.remove(&t.id).unwrap_or_default();
        let Some(o) = ours_interviews.get(&t.id) else {
            plan.new_interviews.push(CopiedInterview {
                interview: t.clone(),
                answers: theirs.answers(&t.id)?,
                history: theirs.history(&t.id)?,
                conflicts,
            });
            continue;
        };
        let divergence = Divergence {
            ours: o,
            theirs: t,
            ours_only: history.ours_only.get(&t.id).map(Vec::as_slice).unwrap_or_default(),
            theirs_only: history.theirs_only.get(&t.id).map(Vec::as_slice).unwrap_or_default(),
            differing: answers.get(&t.id).map(Vec::as_slice).unwrap_or_default(),
            ours_conflicts: ours_conflicts.get(&t.id).map(Vec::as_slice).unwrap_or_default(),
            theirs_conflicts: &conflicts,
        };
        let update = plan_interview(&divergence, &merge_id, &at, &mut new_id);
        if !update.is_empty() {
            plan.updates.push(update);
        }
    }
    plan.snapshots = missing_snapshots(ours, theirs, &plan.new_interviews)?;
    plan.duplicates = duplicates(ours_interviews.values(), &plan.new_interviews);
    Ok(plan)
}

/// The questionnaire snapshots the copied interviews need and `ours` lacks, checked against
/// their hash: an interview must keep the exact text it was taken with.
fn missing_snapshots(ours: &Store, theirs: &Store, copied: &[CopiedInterview]) -> Result<Vec<Snapshot>, MergeError> {
    let hashes: std::collections::BTreeSet<&str> = copied.iter().map(|c| c.interview.snapshot_hash.as_str()).collect();
    let mut out = Vec::new();
    for hash in hashes {
        let present: Option<i64> = ours
            .conn()
            .query_row("SELECT 1 FROM questionnaire_snapshots WHERE hash = ?1", [hash], |r| r.get(0))
            .optional()?;
        if present.is_some() {
            continue;
        }
        let s = theirs.conn().query_row(
            "SELECT hash, questionnaire_id, version, title, source, stored_at FROM questionnaire_snapshots WHERE hash = ?1",
            [hash],
            |r| {
                Ok(Snapshot {
                    hash: r.get(0)?,
                    questionnaire_id: r.get(1)?,
                    version: r.get(2)?,
                    title: r.get(3)?,
                    source: r.get(4)?,
                    stored_at: r.get(5)?,
                })
            },
        )?;
        if content_hash(&s.source) != s.hash {
            return Err(MergeError::CorruptSnapshot { hash: s.hash });
        }
        out.push(s);
    }
    Ok(out)
}

/// Copied interviews of a municipality and round that already has another interview (or that
/// another copied one shares): both are kept, and reported, never merged silently.
fn duplicates<'a>(ours: impl Iterator<Item = &'a Interview>, copied: &[CopiedInterview]) -> Vec<Duplicate> {
    let mut seen: HashMap<(&str, &str), Vec<&Interview>> = HashMap::new();
    for i in ours {
        seen.entry((i.municipality_code.as_str(), i.round.as_str())).or_default().push(i);
    }
    let mut reported: HashSet<(String, String)> = HashSet::new();
    let mut out = Vec::new();
    for c in copied {
        let i = &c.interview;
        let key = (i.municipality_code.as_str(), i.round.as_str());
        let others = seen.entry(key).or_default();
        for other in others.iter() {
            if reported.insert((i.id.clone(), other.id.clone())) {
                out.push(Duplicate {
                    interview_id: i.id.clone(),
                    interviewer: i.interviewer.clone(),
                    other_id: other.id.clone(),
                    other_interviewer: other.interviewer.clone(),
                    municipality_code: i.municipality_code.clone(),
                    round: i.round.clone(),
                });
            }
        }
        others.push(i);
    }
    out.sort_by(|a, b| {
        (&a.municipality_code, &a.round, &a.interview_id).cmp(&(&b.municipality_code, &b.round, &b.interview_id))
    });
    out
}
