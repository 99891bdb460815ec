//! Collect: what the start screen shows, read from the store in a few queries.

use crate::model::visibility::{first_unanswered, progress};
use crate::register;
use crate::store::{InterviewFilter, InterviewStatus, Result, Store};

#[derive(Debug, Clone, PartialEq)]
pub enum RowState {
    NotStarted,
    InProgress { round: String, answered: usize, visible: usize },
    Completed { round: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct MunicipalityRow {
    pub code: String,
    pub name: String,
    pub county_code: String,
    /// Lower-case, without diacritics, for search.
    pub folded: String,
    pub state: RowState,
    /// The interview Enter opens: the latest round, latest started.
    pub latest: Option<String>,
    pub demo: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ResumeRow {
    pub interview_id: String,
    pub code: String,
    pub name: String,
    pub round: String,
    pub answered: usize,
    pub visible: usize,
    /// (question number, question text) of the first unanswered question.
    pub stopped_at: Option<(usize, String)>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overview {
    pub rows: Vec<MunicipalityRow>,
    pub resume: Vec<ResumeRow>,
}

/// Folds for search: lower case, diacritics removed ("Örebro" → "orebro").
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

pub fn overview(store: &Store) -> Result<Overview> {
    let interviews = store.interviews(&InterviewFilter::default())?;
    // Completed interviews need no progress figures; reading only the open ones keeps the
    // start screen's cold start fast on a national database.
    let values = store.in_progress_answer_values()?;
    let empty = Default::default();
    let mut rows: Vec<MunicipalityRow> = register::all()
        .iter()
        .map(|m| MunicipalityRow {
            code: m.code.clone(),
            name: m.name.clone(),
            county_code: m.county_code.clone(),
            folded: fold(&m.name),
            state: RowState::NotStarted,
            latest: None,
            demo: false,
        })
        .collect();
    let mut resume = Vec::new();
    // `interviews` is ordered by municipality, round, start; the last one per municipality wins.
    for iv in &interviews {
        let Some(row) = rows.iter_mut().find(|r| r.code == iv.municipality_code) else { continue };
        row.latest = Some(iv.id.clone());
        row.demo = iv.demo;
        row.state = match iv.status {
            InterviewStatus::Completed => RowState::Completed { round: iv.round.clone() },
            InterviewStatus::InProgress => {
                let q = store.snapshot(&iv.snapshot_hash)?;
                let answers = values.get(&iv.id).unwrap_or(&empty);
                let (answered, visible) = progress(&q, answers);
                let stopped_at =
                    first_unanswered(&q, answers).and_then(|x| q.position(&x.id).map(|p| (p + 1, x.text.clone())));
                resume.push(ResumeRow {
                    interview_id: iv.id.clone(),
                    code: iv.municipality_code.clone(),
                    name: row.name.clone(),
                    round: iv.round.clone(),
                    answered,
                    visible,
                    stopped_at,
                });
                RowState::InProgress { round: iv.round.clone(), answered, visible }
            }
        };
    }
    Ok(Overview { rows, resume })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_diacritics() {
        assert_eq!(fold("Malmö"), "malmo");
        assert_eq!(fold("ÖREBRO"), "orebro");
        assert_eq!(fold("Åre"), "are");
        assert!(fold("Upplands Väsby").contains("vasby"));
    }
}
