//! All-or-nothing import of a JSON export or a long CSV. Everything is checked first and every
//! bad row reported; only a fully valid file is written, in one transaction.

use super::csv_long::{HEADER, Row};
use super::json::{self, Export};
use super::unneutralise;
use crate::load::{Source, questionnaire::parse_str};
use crate::model::answer::ValueError;
use crate::model::{AnswerValue, Questionnaire};
use crate::register;
use crate::store::{Interview, InterviewStatus, NewInterview, Store, StoreError, content_hash};
use std::collections::HashMap;
use std::sync::Arc;

/// One reason a row (or, for JSON, an element) cannot be imported. Row numbers count the CSV
/// header as row 1, as a spreadsheet shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    pub row: usize,
    pub problem: ImportProblem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImportProblem {
    Format(String),
    BadHeader { found: Vec<String> },
    UnknownMunicipality(String),
    NameMismatch { code: String, given: String, expected: String },
    UnknownQuestion(String),
    BadValue { question: String, value: String, error: ValueError },
    DuplicateRow { first_row: usize },
    EmptyRow,
    UnknownInterview(String),
    InterviewMismatch { interview: String },
    InterviewCompleted(String),
    InterviewExists(String),
    SnapshotCorrupt(String),
    UnknownSnapshot(String),
}

#[derive(Debug)]
pub enum ImportError {
    /// The file is invalid; nothing was written.
    Rejected(Vec<RowError>),
    Store(StoreError),
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        ImportError::Store(e)
    }
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> Self {
        ImportError::Store(e.into())
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportSummary {
    pub interviews_created: usize,
    pub answers_written: usize,
}

/// Imports `text`; a JSON export when it starts with `{`, otherwise the long CSV. `default_src`
/// is the questionnaire for interviews the CSV creates.
pub fn import(store: &Store, text: &str, default_src: &Source, by: &str) -> Result<ImportSummary, ImportError> {
    if text.trim_start().starts_with('{') { import_json(store, text) } else { import_csv(store, text, default_src, by) }
}

fn reject<T>(row: usize, problem: ImportProblem) -> Result<T, ImportError> {
    Err(ImportError::Rejected(vec![RowError { row, problem }]))
}

fn import_json(store: &Store, text: &str) -> Result<ImportSummary, ImportError> {
    let export: Export = match serde_json::from_str(text) {
        Ok(e) => e,
        Err(e) => return reject(e.line(), ImportProblem::Format(e.to_string())),
    };
    if export.format != json::FORMAT || export.version != json::VERSION {
        return reject(1, ImportProblem::Format(format!("{} v{}", export.format, export.version)));
    }
    let mut errors = Vec::new();
    let mut snapshots: HashMap<&str, Questionnaire> = HashMap::new();
    for (i, s) in export.snapshots.iter().enumerate() {
        // Element numbers are 1-based positions in the file's lists.
        if content_hash(&s.source) != s.hash {
            errors.push(RowError { row: i + 1, problem: ImportProblem::SnapshotCorrupt(s.hash.clone()) });
            continue;
        }
        match parse_str(&s.questionnaire_id, &s.source) {
            Ok(q) => {
                snapshots.insert(&s.hash, q);
            }
            Err(e) => errors.push(RowError { row: i + 1, problem: ImportProblem::Format(e.to_string()) }),
        }
    }
    for (i, ie) in export.interviews.iter().enumerate() {
        let row = i + 1;
        let iv = &ie.interview;
        if register::by_code(&iv.municipality_code).is_none() {
            errors.push(RowError { row, problem: ImportProblem::UnknownMunicipality(iv.municipality_code.clone()) });
        }
        if store.interview(&iv.id).is_ok() {
            errors.push(RowError { row, problem: ImportProblem::InterviewExists(iv.id.clone()) });
        }
        let Some(q) = snapshots.get(iv.snapshot_hash.as_str()) else {
            errors.push(RowError { row, problem: ImportProblem::UnknownSnapshot(iv.snapshot_hash.clone()) });
            continue;
        };
        for a in &ie.answers {
            if let Some(problem) = check_value(q, &a.question_id, a.value.as_ref()) {
                errors.push(RowError { row, problem });
            }
        }
    }
    if !errors.is_empty() {
        return Err(ImportError::Rejected(errors));
    }
    let tx = store.begin()?;
    json::write(store, &export)?;
    tx.commit()?;
    Ok(ImportSummary {
        interviews_created: export.interviews.len(),
        answers_written: export.interviews.iter().map(|i| i.answers.len()).sum(),
    })
}

/// Checks a typed value against its question by re-parsing its canonical text.
fn check_value(q: &Questionnaire, question_id: &str, value: Option<&AnswerValue>) -> Option<ImportProblem> {
    let Some(question) = q.question(question_id) else {
        return Some(ImportProblem::UnknownQuestion(question_id.to_string()));
    };
    let value = value?;
    match AnswerValue::parse(question, &value.to_string()) {
        Ok(_) => None,
        Err(e) => {
            Some(ImportProblem::BadValue { question: question_id.to_string(), value: value.to_string(), error: e })
        }
    }
}

/// The interview a CSV row belongs to: an existing one by id, or one to create.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Target {
    Existing(String),
    /// Created on import: keyed by the id given in the file (if any), municipality and round.
    New {
        id: String,
        municipality: String,
        round: String,
    },
}

struct Planned {
    target: Target,
    question_id: String,
    value: Option<AnswerValue>,
    note: String,
    answered_at: String,
}

fn import_csv(store: &Store, text: &str, default_src: &Source, by: &str) -> Result<ImportSummary, ImportError> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(String::from).collect(),
        Err(e) => return reject(1, ImportProblem::Format(e.to_string())),
    };
    if header != HEADER {
        return reject(1, ImportProblem::BadHeader { found: header });
    }
    let mut errors = Vec::new();
    let mut planned = Vec::new();
    let mut seen: HashMap<(Target, String), usize> = HashMap::new();
    let mut existing: HashMap<String, Option<Interview>> = HashMap::new();
    let default_q = Arc::new(default_src.questionnaire.clone());
    for (i, record) in reader.deserialize::<Row>().enumerate() {
        let row = i + 2;
        let r = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(RowError { row, problem: ImportProblem::Format(e.to_string()) });
                continue;
            }
        };
        match plan_row(store, &r, &default_q, &mut existing) {
            Err(problem) => errors.push(RowError { row, problem }),
            Ok(p) => {
                let key = (p.target.clone(), p.question_id.clone());
                if let Some(first_row) = seen.get(&key) {
                    errors.push(RowError { row, problem: ImportProblem::DuplicateRow { first_row: *first_row } });
                } else {
                    seen.insert(key, row);
                    planned.push(p);
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(ImportError::Rejected(errors));
    }
    let tx = store.begin()?;
    let mut created: HashMap<Target, String> = HashMap::new();
    let mut summary = ImportSummary::default();
    for p in &planned {
        let interview_id = match &p.target {
            Target::Existing(id) => id.clone(),
            Target::New { id, municipality, round } => match created.get(&p.target) {
                Some(id) => id.clone(),
                None => {
                    let interview = store.create_interview(
                        default_src,
                        &NewInterview {
                            // Keep the file's id so a re-export shows the same interview.
                            id: (!id.is_empty()).then(|| id.clone()),
                            municipality_code: municipality.clone(),
                            round: round.clone(),
                            interviewer: by.into(),
                            ..Default::default()
                        },
                    )?;
                    summary.interviews_created += 1;
                    created.insert(p.target.clone(), interview.id.clone());
                    interview.id
                }
            },
        };
        let old = store.answer(&interview_id, &p.question_id)?;
        store.set_answer(&interview_id, &p.question_id, p.value.as_ref(), &p.note, by)?;
        if !p.answered_at.is_empty() {
            // The file's timestamp is when the answer was given; keep it rather than the import time.
            store.conn().execute(
                "UPDATE answers SET updated_at = ?3 WHERE interview_id = ?1 AND question_id = ?2",
                [&interview_id, &p.question_id, &p.answered_at],
            )?;
        }
        if old.map(|o| o.value != p.value || o.note != p.note).unwrap_or(true) {
            summary.answers_written += 1;
        }
    }
    tx.commit()?;
    Ok(summary)
}

fn plan_row(
    store: &Store,
    r: &Row,
    default_q: &Arc<Questionnaire>,
    existing: &mut HashMap<String, Option<Interview>>,
) -> Result<Planned, ImportProblem> {
    let code = unneutralise(r.municipality_code.trim());
    let Some(m) = register::by_code(code) else {
        return Err(ImportProblem::UnknownMunicipality(code.to_string()));
    };
    let given_name = unneutralise(r.municipality.trim());
    if !given_name.is_empty() && given_name != m.name {
        return Err(ImportProblem::NameMismatch {
            code: code.into(),
            given: given_name.into(),
            expected: m.name.clone(),
        });
    }
    let round = unneutralise(r.round.trim()).to_string();
    let interview_id = unneutralise(r.interview_id.trim()).to_string();
    let found = if interview_id.is_empty() {
        None
    } else {
        existing.entry(interview_id.clone()).or_insert_with(|| store.interview(&interview_id).ok()).clone()
    };
    let (target, questionnaire) = match found {
        Some(iv) => {
            if iv.municipality_code != code || iv.round != round {
                return Err(ImportProblem::InterviewMismatch { interview: interview_id });
            }
            if iv.status == InterviewStatus::Completed {
                return Err(ImportProblem::InterviewCompleted(interview_id));
            }
            let q = store.snapshot(&iv.snapshot_hash).map_err(|e| ImportProblem::Format(e.to_string()))?;
            (Target::Existing(interview_id), q)
        }
        None => {
            if !interview_id.is_empty() && uuid::Uuid::parse_str(&interview_id).is_err() {
                return Err(ImportProblem::UnknownInterview(interview_id));
            }
            let target = Target::New { id: interview_id, municipality: code.into(), round };
            (target, default_q.clone())
        }
    };
    let question_id = unneutralise(r.question_id.trim()).to_string();
    let Some(question) = questionnaire.question(&question_id) else {
        return Err(ImportProblem::UnknownQuestion(question_id));
    };
    let raw_value = unneutralise(&r.value);
    let note = unneutralise(&r.note).to_string();
    let value = if raw_value.trim().is_empty() {
        if note.trim().is_empty() {
            return Err(ImportProblem::EmptyRow);
        }
        None
    } else {
        Some(AnswerValue::parse(question, raw_value).map_err(|e| ImportProblem::BadValue {
            question: question_id.clone(),
            value: raw_value.to_string(),
            error: e,
        })?)
    };
    Ok(Planned { target, question_id, value, note, answered_at: unneutralise(r.answered_at.trim()).to_string() })
}
