//! Current answers and their append-only history.

use super::{InterviewStatus, Result, Store, StoreError, now};
use crate::model::AnswerValue;
use crate::model::visibility::Answers;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredAnswer {
    pub question_id: String,
    /// None: only a note has been written so far.
    pub value: Option<AnswerValue>,
    pub note: String,
    pub updated_at: String,
    pub updated_by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub change_id: String,
    pub interview_id: String,
    pub event: String,
    pub question_id: Option<String>,
    pub old_value: Option<AnswerValue>,
    pub old_note: Option<String>,
    pub new_value: Option<AnswerValue>,
    pub new_note: Option<String>,
    pub reason: Option<String>,
    pub changed_at: String,
    pub changed_by: String,
}

/// Splits a value into the (kind, text) columns; the text is the canonical `Display` form.
pub fn encode(value: Option<&AnswerValue>) -> (Option<&'static str>, Option<String>) {
    match value {
        None => (None, None),
        Some(v @ AnswerValue::Choice(_)) => (Some("choice"), Some(v.to_string())),
        Some(v @ AnswerValue::Number(_)) => (Some("number"), Some(v.to_string())),
        Some(AnswerValue::Text(t)) => (Some("text"), Some(t.clone())),
        Some(AnswerValue::DontKnow) => (Some("vet-ej"), None),
        Some(AnswerValue::NotApplicable) => (Some("ej-tillampligt"), None),
    }
}

pub fn decode(kind: Option<&str>, value: Option<&str>) -> Option<AnswerValue> {
    let value = value.unwrap_or_default();
    match kind? {
        "choice" => Some(AnswerValue::Choice(value.split(',').filter(|s| !s.is_empty()).map(String::from).collect())),
        // The column only ever holds what `encode` wrote; a hand-edited bad number reads as absent.
        "number" => value.parse().ok().map(AnswerValue::Number),
        "text" => Some(AnswerValue::Text(value.to_string())),
        "vet-ej" => Some(AnswerValue::DontKnow),
        "ej-tillampligt" => Some(AnswerValue::NotApplicable),
        _ => None,
    }
}

/// The value whose kind is in column `k` and text in column `k + 1`, read without copying the
/// columns first (analyses decode tens of thousands of rows).
pub(crate) fn decode_at(r: &rusqlite::Row<'_>, k: usize) -> rusqlite::Result<Option<AnswerValue>> {
    let text = |i: usize| -> rusqlite::Result<Option<&str>> { Ok(r.get_ref(i)?.as_str_or_null()?) };
    Ok(decode(text(k)?, text(k + 1)?))
}

impl Store {
    /// Sets the full state (value and note) of one answer in one committed transaction, with a
    /// history row. Returns once the commit is durable. Setting the same state again is a no-op.
    pub fn set_answer(
        &self,
        interview_id: &str,
        question_id: &str,
        value: Option<&AnswerValue>,
        note: &str,
        by: &str,
    ) -> Result<StoredAnswer> {
        let tx = self.begin()?;
        let status: Option<String> = self
            .conn
            .prepare_cached("SELECT status FROM interviews WHERE id = ?1")?
            .query_row([interview_id], |r| r.get(0))
            .optional()?;
        match status.as_deref() {
            None => return Err(StoreError::UnknownInterview(interview_id.into())),
            Some(s) if s == InterviewStatus::Completed.as_str() => {
                return Err(StoreError::Completed(interview_id.into()));
            }
            Some(_) => {}
        }
        let old = self.answer(interview_id, question_id)?;
        let at = now();
        let new = StoredAnswer {
            question_id: question_id.to_string(),
            value: value.cloned(),
            note: note.to_string(),
            updated_at: at.clone(),
            updated_by: by.to_string(),
        };
        if let Some(old) = &old
            && old.value.as_ref() == value
            && old.note == note
        {
            return Ok(old.clone());
        }
        // The same upsert a merge uses; the history row below is what sets the two apart.
        self.upsert_answer_raw(interview_id, &new)?;
        let (kind, text) = encode(value);
        let (old_kind, old_text) = encode(old.as_ref().and_then(|o| o.value.as_ref()));
        self.conn
            .prepare_cached(
                "INSERT INTO history (change_id, interview_id, event, question_id, old_kind, old_value, old_note,
                                      new_kind, new_value, new_note, changed_at, changed_by)
                 VALUES (?1, ?2, 'answer', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                uuid::Uuid::new_v4().to_string(),
                interview_id,
                question_id,
                old_kind,
                old_text,
                old.as_ref().map(|o| o.note.as_str()),
                kind,
                text,
                note,
                at,
                by
            ])?;
        tx.commit()?;
        Ok(new)
    }

    pub fn answer(&self, interview_id: &str, question_id: &str) -> Result<Option<StoredAnswer>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT question_id, value_kind, value, note, updated_at, updated_by FROM answers
                 WHERE interview_id = ?1 AND question_id = ?2",
            )?
            .query_row([interview_id, question_id], row_to_answer)
            .optional()?)
    }

    /// All stored answers of an interview (including note-only rows), in no particular order.
    pub fn answers(&self, interview_id: &str) -> Result<Vec<StoredAnswer>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT question_id, value_kind, value, note, updated_at, updated_by FROM answers
             WHERE interview_id = ?1 ORDER BY question_id",
        )?;
        let rows = stmt.query_map([interview_id], row_to_answer)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The history of an interview, oldest first. Rows are ordered by when they happened and, for
    /// the same millisecond, by the order this database recorded them (`seq`) rather than by
    /// change id, which is random: a single database's order is never scrambled, and rows a merge
    /// brought in from another database fall into place by time.
    pub fn history(&self, interview_id: &str) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {HISTORY_COLUMNS} FROM history WHERE interview_id = ?1 ORDER BY changed_at, seq"
        ))?;
        let rows = stmt.query_map([interview_id], history_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One history row by its change id, with its `seq` (this database's recording order).
    pub(crate) fn history_by_change_id(&self, change_id: &str) -> Result<(i64, HistoryEntry)> {
        let mut stmt =
            self.conn.prepare_cached(&format!("SELECT {HISTORY_COLUMNS}, seq FROM history WHERE change_id = ?1"))?;
        Ok(stmt.query_row([change_id], |r| Ok((r.get(13)?, history_from_row(r)?)))?)
    }
}

const HISTORY_COLUMNS: &str = "change_id, interview_id, event, question_id, old_kind, old_value, old_note, new_kind,
    new_value, new_note, reason, changed_at, changed_by";

fn history_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<HistoryEntry> {
    Ok(HistoryEntry {
        change_id: r.get(0)?,
        interview_id: r.get(1)?,
        event: r.get(2)?,
        question_id: r.get(3)?,
        old_value: decode_at(r, 4)?,
        old_note: r.get(6)?,
        new_value: decode_at(r, 7)?,
        new_note: r.get(9)?,
        reason: r.get(10)?,
        changed_at: r.get(11)?,
        changed_by: r.get(12)?,
    })
}

impl Store {
    /// Writes an answer row exactly as given, without a history row (import and merge bring
    /// their own history). The caller holds the transaction.
    pub(crate) fn insert_answer_raw(&self, interview_id: &str, a: &StoredAnswer) -> Result<()> {
        let (kind, text) = encode(a.value.as_ref());
        self.conn
            .prepare_cached(
                "INSERT INTO answers (interview_id, question_id, value_kind, value, note, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![interview_id, a.question_id, kind, text, a.note, a.updated_at, a.updated_by])?;
        Ok(())
    }

    /// Writes an answer row exactly as given, replacing the current one (a merge taking the other
    /// database's answer). No history row: the merge copies the other side's. The caller holds
    /// the transaction.
    pub(crate) fn upsert_answer_raw(&self, interview_id: &str, a: &StoredAnswer) -> Result<()> {
        let (kind, text) = encode(a.value.as_ref());
        self.conn
            .prepare_cached(
                "INSERT INTO answers (interview_id, question_id, value_kind, value, note, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (interview_id, question_id) DO UPDATE SET
                   value_kind = excluded.value_kind, value = excluded.value, note = excluded.note,
                   updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            )?
            .execute(params![interview_id, a.question_id, kind, text, a.note, a.updated_at, a.updated_by])?;
        Ok(())
    }

    pub(crate) fn insert_history_raw(&self, h: &HistoryEntry) -> Result<()> {
        let (old_kind, old_text) = encode(h.old_value.as_ref());
        let (new_kind, new_text) = encode(h.new_value.as_ref());
        self.conn
            .prepare_cached(
                "INSERT INTO history (change_id, interview_id, event, question_id, old_kind, old_value, old_note,
                                      new_kind, new_value, new_note, reason, changed_at, changed_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?
            .execute(params![
                h.change_id,
                h.interview_id,
                h.event,
                h.question_id,
                old_kind,
                old_text,
                h.old_note,
                new_kind,
                new_text,
                h.new_note,
                h.reason,
                h.changed_at,
                h.changed_by
            ])?;
        Ok(())
    }
}

impl Store {
    /// Answered values of the interviews in progress only, in one query: all the start screen
    /// needs (completed interviews show no progress figure).
    pub fn in_progress_answer_values(&self) -> Result<HashMap<String, Answers>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT interview_id, question_id, value_kind, value FROM answers
             WHERE value_kind IS NOT NULL
               AND interview_id IN (SELECT id FROM interviews WHERE status = 'in_progress')
             ORDER BY interview_id",
        )?;
        let mut out: HashMap<String, Answers> = HashMap::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let Some(v) = decode_at(r, 2)? else { continue };
            // Rows come grouped by interview; borrow the id to avoid an allocation per row.
            let interview = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            match out.get_mut(interview) {
                Some(m) => {
                    m.insert(r.get(1)?, v);
                }
                None => {
                    out.insert(interview.to_string(), Answers::from_iter([(r.get(1)?, v)]));
                }
            }
        }
        Ok(out)
    }
}

fn row_to_answer(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredAnswer> {
    answer_at(r, 0)
}

/// An answer from the columns `question_id, value_kind, value, note, updated_at, updated_by`
/// starting at column `first`.
pub(crate) fn answer_at(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<StoredAnswer> {
    Ok(StoredAnswer {
        question_id: r.get(first)?,
        value: decode_at(r, first + 1)?,
        note: r.get(first + 3)?,
        updated_at: r.get(first + 4)?,
        updated_by: r.get(first + 5)?,
    })
}

impl Store {
    /// The answered values of one interview, one at a time, without collecting them: `f` gets
    /// (question id, value) with the id borrowed. Analyses that score hundreds of interviews
    /// use this to read exactly the interviews they need through the primary key, keeping one
    /// interview's answers in memory at a time.
    pub fn for_each_answer_value(&self, interview_id: &str, mut f: impl FnMut(&str, AnswerValue)) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT question_id, value_kind, value FROM answers WHERE interview_id = ?1 AND value_kind IS NOT NULL",
        )?;
        let mut rows = stmt.query([interview_id])?;
        while let Some(r) = rows.next()? {
            let text = |i: usize| -> rusqlite::Result<Option<&str>> { Ok(r.get_ref(i)?.as_str_or_null()?) };
            if let Some(question) = text(0)?
                && let Some(v) = decode_at(r, 1)?
            {
                f(question, v);
            }
        }
        Ok(())
    }
}
