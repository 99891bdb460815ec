//! Writing a `MergePlan`: all of it in one transaction, or nothing.

use super::{MergeError, MergePlan};
use crate::store::{Store, now};
use rusqlite::params;

/// Writes the plan in one transaction (a savepoint when the caller already holds one). A plan
/// with nothing to do writes nothing, not even a `merges` record.
pub fn apply(store: &Store, plan: &MergePlan, by: &str) -> Result<(), MergeError> {
    if plan.is_empty() {
        return Ok(());
    }
    let tx = store.begin()?;
    let conn = store.conn();
    let counts = plan.counts();
    conn.execute(
        "INSERT INTO merges (id, source, merged_at, merged_by, interviews_added, answers_taken, history_added,
                             conflicts_found, duplicates_found)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            plan.merge_id,
            plan.source,
            now(),
            by,
            counts.new_interviews as i64,
            counts.answers_taken as i64,
            counts.history_added as i64,
            counts.conflicts as i64,
            counts.duplicates as i64
        ],
    )?;
    for s in &plan.snapshots {
        conn.execute(
            "INSERT OR IGNORE INTO questionnaire_snapshots (hash, questionnaire_id, version, title, source, stored_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![s.hash, s.questionnaire_id, s.version, s.title, s.source, s.stored_at],
        )?;
    }
    for c in &plan.new_interviews {
        store.insert_interview(&c.interview)?;
        for a in &c.answers {
            store.insert_answer_raw(&c.interview.id, a)?;
        }
        for h in &c.history {
            store.insert_history_raw(h)?;
        }
        for conflict in &c.conflicts {
            store.insert_conflict_raw(conflict)?;
        }
    }
    for u in &plan.updates {
        let id = &u.interview.id;
        for h in &u.history {
            store.insert_history_raw(h)?;
        }
        for t in &u.taken {
            store.upsert_answer_raw(id, &t.after)?;
        }
        if let Some(s) = &u.status {
            store.set_status_raw(id, s.to, s.completed_at.as_deref())?;
        }
        for c in u.copied_conflicts.iter().chain(&u.conflicts) {
            store.insert_conflict_raw(c)?;
        }
        for c in &u.resolved_conflicts {
            store.mark_conflict_resolved_raw(c)?;
        }
    }
    tx.commit()?;
    Ok(())
}
