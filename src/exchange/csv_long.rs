//! The long CSV format (one row per answer), as in the public contract:
//! `municipality_code,municipality,round,interview_id,question_id,value,note,answered_at`.

use super::neutralise;
use crate::register;
use crate::store::{InterviewFilter, Result, Store};
use serde::{Deserialize, Serialize};

pub const HEADER: [&str; 8] =
    ["municipality_code", "municipality", "round", "interview_id", "question_id", "value", "note", "answered_at"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub municipality_code: String,
    pub municipality: String,
    pub round: String,
    pub interview_id: String,
    pub question_id: String,
    pub value: String,
    pub note: String,
    pub answered_at: String,
}

/// All answers, ordered by municipality, round, interview and questionnaire order.
pub fn rows(store: &Store) -> Result<Vec<Row>> {
    let mut out = Vec::new();
    for interview in store.interviews(&InterviewFilter::default())? {
        let q = store.snapshot(&interview.snapshot_hash)?;
        let mut answers = store.answers(&interview.id)?;
        answers.sort_by_key(|a| q.position(&a.question_id).unwrap_or(usize::MAX));
        let name = register::by_code(&interview.municipality_code).map(|m| m.name.clone()).unwrap_or_default();
        for a in answers {
            out.push(Row {
                municipality_code: interview.municipality_code.clone(),
                municipality: name.clone(),
                round: interview.round.clone(),
                interview_id: interview.id.clone(),
                question_id: a.question_id,
                value: a.value.map(|v| v.to_string()).unwrap_or_default(),
                note: a.note,
                answered_at: a.updated_at,
            });
        }
    }
    Ok(out)
}

pub fn write<W: std::io::Write>(rows: &[Row], out: W) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for r in rows {
        let cells = [
            &r.municipality_code,
            &r.municipality,
            &r.round,
            &r.interview_id,
            &r.question_id,
            &r.value,
            &r.note,
            &r.answered_at,
        ];
        w.write_record(cells.iter().map(|c| neutralise(c)))?;
    }
    w.flush()
}
