//! Full-fidelity JSON export: snapshots, interviews, current answers and the whole history.
//! Importing it into an empty database and exporting again gives the same bytes.

use crate::store::{HistoryEntry, Interview, InterviewFilter, Result, Store, StoredAnswer};
use rusqlite::params;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "fardplan-export";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    pub format: String,
    pub version: u32,
    pub snapshots: Vec<Snapshot>,
    pub interviews: Vec<InterviewExport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    pub hash: String,
    pub questionnaire_id: String,
    pub version: String,
    pub title: String,
    pub source: String,
    pub stored_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterviewExport {
    #[serde(flatten)]
    pub interview: Interview,
    pub answers: Vec<StoredAnswer>,
    pub history: Vec<HistoryEntry>,
}

pub fn export(store: &Store) -> Result<Export> {
    let mut stmt = store.conn().prepare(
        "SELECT hash, questionnaire_id, version, title, source, stored_at FROM questionnaire_snapshots ORDER BY hash",
    )?;
    let snapshots = stmt
        .query_map([], |r| {
            Ok(Snapshot {
                hash: r.get(0)?,
                questionnaire_id: r.get(1)?,
                version: r.get(2)?,
                title: r.get(3)?,
                source: r.get(4)?,
                stored_at: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut interviews = Vec::new();
    for interview in store.interviews(&InterviewFilter::default())? {
        let answers = store.answers(&interview.id)?;
        let history = store.history(&interview.id)?;
        interviews.push(InterviewExport { interview, answers, history });
    }
    Ok(Export { format: FORMAT.into(), version: VERSION, snapshots, interviews })
}

pub fn to_string(export: &Export) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(export).unwrap_or_default() + "\n"
}

/// Writes an already validated export. Runs inside the caller's transaction.
pub(crate) fn write(store: &Store, export: &Export) -> Result<()> {
    let conn = store.conn();
    for s in &export.snapshots {
        conn.execute(
            "INSERT OR IGNORE INTO questionnaire_snapshots (hash, questionnaire_id, version, title, source, stored_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![s.hash, s.questionnaire_id, s.version, s.title, s.source, s.stored_at],
        )?;
    }
    for ie in &export.interviews {
        store.insert_interview(&ie.interview)?;
        for a in &ie.answers {
            store.insert_answer_raw(&ie.interview.id, a)?;
        }
        for h in &ie.history {
            store.insert_history_raw(h)?;
        }
    }
    Ok(())
}
