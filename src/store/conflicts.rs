//! Conflicts found by merges, and resolving them.
//!
//! A conflict is an answer two databases changed differently. Both sides are kept in the
//! `conflicts` table (value, note, who, when); the answers row keeps this database's side until
//! someone chooses. The interview screen shows the sides from [`Store::open_conflicts`] and records
//! the choice with [`Store::resolve_conflict`], which writes a `resolve` row to the history.
//!
//! For the interview screen: load `open_conflicts(interview_id)` with the answers and mark the
//! questions that appear in it; for such a question show `ours` and `theirs` (value, note, and
//! `changed_by`/`changed_at`; `i18n::merge::side_text` words one side) and offer three choices:
//! keep ours (`Resolution::Ours`), take theirs (`Resolution::Theirs`, refused with
//! `StoreError::AmbiguousConflict` when several conflicts are open on the answer) or edit a new
//! value (`Resolution::Value`, refused with `StoreError::Completed` on a completed interview).
//! Saving an answer the ordinary way (`set_answer`) does not close its conflict.

use super::answers::{decode_at, encode};
use super::{InterviewStatus, Result, Store, StoreError, StoredAnswer, now};
use crate::model::AnswerValue;
use rusqlite::{Row, params};
use serde::{Deserialize, Serialize};

/// Why a merge could not take either side by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictReason {
    /// Both databases changed the answer since their common history.
    BothChanged,
    /// One database changed the answer, the other completed the interview without that change;
    /// a completed interview is never changed silently.
    AfterCompletion,
    /// The answers differ and neither history explains it (answers written without history).
    Unexplained,
}

impl ConflictReason {
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictReason::BothChanged => "both_changed",
            ConflictReason::AfterCompletion => "after_completion",
            ConflictReason::Unexplained => "unexplained",
        }
    }

    fn parse(s: &str) -> ConflictReason {
        match s {
            "both_changed" => ConflictReason::BothChanged,
            "after_completion" => ConflictReason::AfterCompletion,
            _ => ConflictReason::Unexplained,
        }
    }
}

/// One side of a conflict: the full answer state and who gave it when (None when that database
/// had no answer row for the question).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictSide {
    pub value: Option<AnswerValue>,
    pub note: String,
    pub changed_at: Option<String>,
    pub changed_by: Option<String>,
}

impl ConflictSide {
    pub fn of(answer: Option<&StoredAnswer>) -> ConflictSide {
        ConflictSide {
            value: answer.and_then(|a| a.value.clone()),
            note: answer.map(|a| a.note.clone()).unwrap_or_default(),
            changed_at: answer.map(|a| a.updated_at.clone()),
            changed_by: answer.map(|a| a.updated_by.clone()),
        }
    }

    /// Same answer (value and note), whoever gave it when.
    pub fn same_answer(&self, other: &ConflictSide) -> bool {
        self.value == other.value && self.note == other.note
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictStatus {
    Open,
    Resolved,
}

/// Which side a resolution took, as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolutionKind {
    Ours,
    Theirs,
    Value,
}

impl ResolutionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ResolutionKind::Ours => "ours",
            ResolutionKind::Theirs => "theirs",
            ResolutionKind::Value => "value",
        }
    }

    fn parse(s: &str) -> Option<ResolutionKind> {
        match s {
            "ours" => Some(ResolutionKind::Ours),
            "theirs" => Some(ResolutionKind::Theirs),
            "value" => Some(ResolutionKind::Value),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub id: String,
    pub interview_id: String,
    pub question_id: String,
    pub reason: ConflictReason,
    /// The side of the database that found the conflict.
    pub ours: ConflictSide,
    /// The side of the database merged into it.
    pub theirs: ConflictSide,
    pub merge_id: Option<String>,
    pub detected_at: String,
    pub status: ConflictStatus,
    pub resolution: Option<ResolutionKind>,
    pub resolved_change_id: Option<String>,
    pub resolved_at: Option<String>,
    pub resolved_by: Option<String>,
}

/// What to keep when resolving the open conflicts of one answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    /// Keep this database's current answer.
    Ours,
    /// Take the other database's side; only when exactly one conflict is open on the answer.
    Theirs,
    /// A new answer (refused on a completed interview, where it would be an edit).
    Value { value: Option<AnswerValue>, note: String },
}

const COLUMNS: &str = "id, interview_id, question_id, reason, ours_kind, ours_value, ours_note, ours_at, ours_by,
    theirs_kind, theirs_value, theirs_note, theirs_at, theirs_by, merge_id, detected_at, status, resolution,
    resolved_change_id, resolved_at, resolved_by";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Conflict> {
    let side = |k: usize| -> rusqlite::Result<ConflictSide> {
        Ok(ConflictSide {
            value: decode_at(r, k)?,
            note: r.get(k + 2)?,
            changed_at: r.get(k + 3)?,
            changed_by: r.get(k + 4)?,
        })
    };
    Ok(Conflict {
        id: r.get(0)?,
        interview_id: r.get(1)?,
        question_id: r.get(2)?,
        reason: ConflictReason::parse(&r.get::<_, String>(3)?),
        ours: side(4)?,
        theirs: side(9)?,
        merge_id: r.get(14)?,
        detected_at: r.get(15)?,
        status: if r.get::<_, String>(16)? == "open" { ConflictStatus::Open } else { ConflictStatus::Resolved },
        resolution: r.get::<_, Option<String>>(17)?.as_deref().and_then(ResolutionKind::parse),
        resolved_change_id: r.get(18)?,
        resolved_at: r.get(19)?,
        resolved_by: r.get(20)?,
    })
}

impl Store {
    /// The open conflicts of one interview, by question, oldest first: both sides' values and
    /// notes with who gave them and when. Empty for a database older than schema version 2.
    pub fn open_conflicts(&self, interview_id: &str) -> Result<Vec<Conflict>> {
        self.query_conflicts("WHERE status = 'open' AND interview_id = ?1", &[interview_id])
    }

    /// The open conflicts of every interview.
    pub fn all_open_conflicts(&self) -> Result<Vec<Conflict>> {
        self.query_conflicts("WHERE status = 'open'", &[])
    }

    /// Every conflict ever found, open or resolved.
    pub fn all_conflicts(&self) -> Result<Vec<Conflict>> {
        self.query_conflicts("", &[])
    }

    fn query_conflicts(&self, filter: &str, args: &[&str]) -> Result<Vec<Conflict>> {
        if self.schema_version < 2 {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM conflicts {filter} ORDER BY interview_id, question_id, detected_at, id"
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Resolves every open conflict of one answer in one transaction: writes the chosen answer
    /// (unless it is ours, already current), a `resolve` history row (old → new, the choice in
    /// `reason`) and marks the conflicts resolved. Choosing between the two recorded sides is
    /// allowed on a completed interview, since it edits nothing new into it; a new value is not.
    pub fn resolve_conflict(
        &self,
        interview_id: &str,
        question_id: &str,
        resolution: &Resolution,
        by: &str,
    ) -> Result<StoredAnswer> {
        let tx = self.begin()?;
        let interview = self.interview(interview_id)?;
        let open: Vec<Conflict> =
            self.open_conflicts(interview_id)?.into_iter().filter(|c| c.question_id == question_id).collect();
        if open.is_empty() {
            return Err(StoreError::NoOpenConflict { interview: interview_id.into(), question: question_id.into() });
        }
        let current = self.answer(interview_id, question_id)?;
        let at = now();
        let (kind, value, note) = match resolution {
            Resolution::Ours => {
                (ResolutionKind::Ours, current.as_ref().and_then(|a| a.value.clone()), current_note(&current))
            }
            Resolution::Theirs => match open.as_slice() {
                [one] => (ResolutionKind::Theirs, one.theirs.value.clone(), one.theirs.note.clone()),
                _ => {
                    return Err(StoreError::AmbiguousConflict {
                        interview: interview_id.into(),
                        question: question_id.into(),
                        open: open.len(),
                    });
                }
            },
            Resolution::Value { value, note } => {
                if interview.status == InterviewStatus::Completed {
                    return Err(StoreError::Completed(interview_id.into()));
                }
                (ResolutionKind::Value, value.clone(), note.clone())
            }
        };
        let chosen = StoredAnswer {
            question_id: question_id.into(),
            value,
            note,
            updated_at: at.clone(),
            updated_by: by.into(),
        };
        let unchanged = current.as_ref().is_some_and(|c| c.value == chosen.value && c.note == chosen.note);
        if !unchanged {
            self.upsert_answer_raw(interview_id, &chosen)?;
        }
        let change_id = uuid::Uuid::new_v4().to_string();
        self.insert_history_raw(&super::HistoryEntry {
            change_id: change_id.clone(),
            interview_id: interview_id.into(),
            event: "resolve".into(),
            question_id: Some(question_id.into()),
            old_value: current.as_ref().and_then(|a| a.value.clone()),
            old_note: current.as_ref().map(|a| a.note.clone()),
            new_value: chosen.value.clone(),
            new_note: Some(chosen.note.clone()),
            reason: Some(kind.as_str().into()),
            changed_at: at.clone(),
            changed_by: by.into(),
        })?;
        for c in &open {
            let resolved = Conflict {
                status: ConflictStatus::Resolved,
                resolution: Some(kind),
                resolved_change_id: Some(change_id.clone()),
                resolved_at: Some(at.clone()),
                resolved_by: Some(by.into()),
                ..c.clone()
            };
            self.mark_conflict_resolved_raw(&resolved)?;
        }
        tx.commit()?;
        Ok(if unchanged { current.unwrap_or(chosen) } else { chosen })
    }

    /// Inserts a conflict row as given (found by a merge, or copied from another database).
    pub(crate) fn insert_conflict_raw(&self, c: &Conflict) -> Result<()> {
        let (ok, ov) = encode(c.ours.value.as_ref());
        let (tk, tv) = encode(c.theirs.value.as_ref());
        self.conn
            .prepare_cached(&format!(
                "INSERT INTO conflicts ({COLUMNS}) VALUES
                 (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"
            ))?
            .execute(params![
                c.id,
                c.interview_id,
                c.question_id,
                c.reason.as_str(),
                ok,
                ov,
                c.ours.note,
                c.ours.changed_at,
                c.ours.changed_by,
                tk,
                tv,
                c.theirs.note,
                c.theirs.changed_at,
                c.theirs.changed_by,
                c.merge_id,
                c.detected_at,
                if c.status == ConflictStatus::Open { "open" } else { "resolved" },
                c.resolution.map(ResolutionKind::as_str),
                c.resolved_change_id,
                c.resolved_at,
                c.resolved_by
            ])?;
        Ok(())
    }

    /// Records a resolution on an open conflict (the trigger refuses anything else).
    pub(crate) fn mark_conflict_resolved_raw(&self, c: &Conflict) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE conflicts SET status = 'resolved', resolution = ?2, resolved_change_id = ?3,
                        resolved_at = ?4, resolved_by = ?5
                 WHERE id = ?1",
            )?
            .execute(params![
                c.id,
                c.resolution.map(ResolutionKind::as_str),
                c.resolved_change_id,
                c.resolved_at,
                c.resolved_by
            ])?;
        Ok(())
    }
}

fn current_note(current: &Option<StoredAnswer>) -> String {
    current.as_ref().map(|a| a.note.clone()).unwrap_or_default()
}
