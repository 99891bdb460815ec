//! Interviews and the questionnaire snapshots they are bound to.

use super::{Result, Store, StoreError, now};
use crate::load::{Source, questionnaire::parse_str};
use crate::model::Questionnaire;
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterviewStatus {
    InProgress,
    Completed,
}

impl InterviewStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            InterviewStatus::InProgress => "in_progress",
            InterviewStatus::Completed => "completed",
        }
    }

    fn parse(s: &str) -> InterviewStatus {
        if s == "completed" { InterviewStatus::Completed } else { InterviewStatus::InProgress }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interview {
    pub id: String,
    pub municipality_code: String,
    pub round: String,
    pub snapshot_hash: String,
    pub interviewer: String,
    pub respondents: String,
    pub started_at: String,
    pub completed_at: Option<String>,
    pub status: InterviewStatus,
    pub demo: bool,
}

#[derive(Debug, Clone, Default)]
pub struct NewInterview {
    /// A given id (import); a new UUID when None.
    pub id: Option<String>,
    pub municipality_code: String,
    pub round: String,
    pub interviewer: String,
    pub respondents: String,
    pub demo: bool,
}

#[derive(Debug, Clone, Default)]
pub struct InterviewFilter {
    pub municipality_code: Option<String>,
    pub round: Option<String>,
}

const COLUMNS: &str =
    "id, municipality_code, round, snapshot_hash, interviewer, respondents, started_at, completed_at, status, demo";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Interview> {
    Ok(Interview {
        id: r.get(0)?,
        municipality_code: r.get(1)?,
        round: r.get(2)?,
        snapshot_hash: r.get(3)?,
        interviewer: r.get(4)?,
        respondents: r.get(5)?,
        started_at: r.get(6)?,
        completed_at: r.get(7)?,
        status: InterviewStatus::parse(&r.get::<_, String>(8)?),
        demo: r.get(9)?,
    })
}

pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Stores the exact questionnaire text (once per distinct text) and returns its hash.
    pub fn save_snapshot(&self, src: &Source) -> Result<String> {
        let hash = content_hash(&src.text);
        let q = &src.questionnaire;
        self.conn.execute(
            "INSERT OR IGNORE INTO questionnaire_snapshots (hash, questionnaire_id, version, title, source, stored_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![hash, q.id, q.version, q.title, src.text, now()],
        )?;
        Ok(hash)
    }

    /// The questionnaire an interview was taken with, parsed from its stored text.
    pub fn snapshot(&self, hash: &str) -> Result<Arc<Questionnaire>> {
        if let Some(q) = self.snapshots.lock().ok().and_then(|m| m.get(hash).cloned()) {
            return Ok(q);
        }
        let (qid, text): (String, String) = self.conn.query_row(
            "SELECT questionnaire_id, source FROM questionnaire_snapshots WHERE hash = ?1",
            [hash],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let q = parse_str(&format!("<{qid}@{}>", &hash[..hash.len().min(8)]), &text)
            .map_err(|errors| StoreError::Snapshot { hash: hash.to_string(), errors })?;
        let q = Arc::new(q);
        if let Ok(mut m) = self.snapshots.lock() {
            m.insert(hash.to_string(), q.clone());
        }
        Ok(q)
    }

    /// Seeds the snapshot cache with an already parsed questionnaire, so interviews taken with
    /// the same text are not parsed again (the start screen's cold start).
    pub fn prime_snapshot(&self, src: &Source) {
        if let Ok(mut m) = self.snapshots.lock() {
            m.entry(content_hash(&src.text)).or_insert_with(|| Arc::new(src.questionnaire.clone()));
        }
    }

    pub fn snapshot_source(&self, hash: &str) -> Result<String> {
        Ok(self.conn.query_row("SELECT source FROM questionnaire_snapshots WHERE hash = ?1", [hash], |r| r.get(0))?)
    }

    pub fn create_interview(&self, src: &Source, new: &NewInterview) -> Result<Interview> {
        let tx = self.begin()?;
        let hash = self.save_snapshot(src)?;
        let interview = Interview {
            id: new.id.clone().unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
            municipality_code: new.municipality_code.clone(),
            round: new.round.clone(),
            snapshot_hash: hash,
            interviewer: new.interviewer.clone(),
            respondents: new.respondents.clone(),
            started_at: now(),
            completed_at: None,
            status: InterviewStatus::InProgress,
            demo: new.demo,
        };
        self.insert_interview(&interview)?;
        tx.commit()?;
        Ok(interview)
    }

    /// Inserts an interview row as given (import keeps ids and timestamps).
    pub fn insert_interview(&self, i: &Interview) -> Result<()> {
        self.conn.execute(
            &format!("INSERT INTO interviews ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
            params![
                i.id,
                i.municipality_code,
                i.round,
                i.snapshot_hash,
                i.interviewer,
                i.respondents,
                i.started_at,
                i.completed_at,
                i.status.as_str(),
                i.demo
            ],
        )?;
        Ok(())
    }

    /// Sets an interview's status as a merge decided it, without a history row (the merge copies
    /// the other database's complete/reopen rows). The caller holds the transaction.
    pub(crate) fn set_status_raw(&self, id: &str, status: InterviewStatus, completed_at: Option<&str>) -> Result<()> {
        self.conn.execute(
            "UPDATE interviews SET status = ?2, completed_at = ?3 WHERE id = ?1",
            params![id, status.as_str(), completed_at],
        )?;
        Ok(())
    }

    pub fn interview(&self, id: &str) -> Result<Interview> {
        self.conn
            .query_row(&format!("SELECT {COLUMNS} FROM interviews WHERE id = ?1"), [id], from_row)
            .optional()?
            .ok_or_else(|| StoreError::UnknownInterview(id.to_string()))
    }

    /// Interviews in a stable order: municipality, round, start time.
    pub fn interviews(&self, filter: &InterviewFilter) -> Result<Vec<Interview>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM interviews
             WHERE (?1 IS NULL OR municipality_code = ?1) AND (?2 IS NULL OR round = ?2)
             ORDER BY municipality_code, round, started_at, id"
        ))?;
        let rows = stmt.query_map(params![filter.municipality_code, filter.round], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn complete(&self, id: &str, by: &str) -> Result<Interview> {
        self.set_status(id, by, InterviewStatus::Completed, None)
    }

    /// Reopens a completed interview; the reason is kept in the history.
    pub fn reopen(&self, id: &str, by: &str, reason: &str) -> Result<Interview> {
        self.set_status(id, by, InterviewStatus::InProgress, Some(reason))
    }

    fn set_status(&self, id: &str, by: &str, to: InterviewStatus, reason: Option<&str>) -> Result<Interview> {
        let tx = self.begin()?;
        let current = self.interview(id)?;
        match (current.status, to) {
            (InterviewStatus::Completed, InterviewStatus::Completed) => return Err(StoreError::Completed(id.into())),
            (InterviewStatus::InProgress, InterviewStatus::InProgress) => {
                return Err(StoreError::NotCompleted(id.into()));
            }
            _ => {}
        }
        let at = now();
        let completed_at = (to == InterviewStatus::Completed).then(|| at.clone());
        self.conn.execute(
            "UPDATE interviews SET status = ?2, completed_at = ?3 WHERE id = ?1",
            params![id, to.as_str(), completed_at],
        )?;
        let event = if to == InterviewStatus::Completed { "complete" } else { "reopen" };
        self.conn.execute(
            "INSERT INTO history (change_id, interview_id, event, reason, changed_at, changed_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![uuid::Uuid::new_v4().to_string(), id, event, reason, at, by],
        )?;
        tx.commit()?;
        self.interview(id)
    }
}
