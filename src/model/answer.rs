//! Answer values and their one-line text form, shared by the CLI (`answer set --value`), the
//! CSV exchange format and the store.

use super::questionnaire::{NO, Question, QuestionKind, YES};
use serde::{Deserialize, Serialize};
use std::fmt;

pub const DONT_KNOW: &str = "vet-ej";
pub const NOT_APPLICABLE: &str = "ej-tillampligt";

/// What was answered to one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum AnswerValue {
    /// One or more option ids (single, multi, yes/no, and scale levels "0".."4").
    Choice(Vec<String>),
    Number(f64),
    Text(String),
    /// "Vet ej": excluded from scores, lowers coverage.
    DontKnow,
    /// "Ej tillämpligt": excluded from scores, lowers coverage.
    NotApplicable,
}

/// Why a value does not fit its question. Rendered to the user by `i18n`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ValueError {
    #[error("empty value")]
    Empty,
    #[error("unknown option {0:?}")]
    UnknownOption(String),
    #[error("only one option may be chosen")]
    OneOnly,
    #[error("option {0:?} given twice")]
    Duplicate(String),
    #[error("not a number: {0:?}")]
    NotANumber(String),
    #[error("{value} is outside {min}–{max}")]
    OutOfRange { value: f64, min: f64, max: f64 },
    #[error("\"Ej tillämpligt\" is not offered for this question")]
    NaNotAllowed,
}

impl AnswerValue {
    /// Parses the text form (`--value`, CSV `value`) against a question. Number answers accept a
    /// decimal comma, since Swedish users type "97,5".
    pub fn parse(question: &Question, raw: &str) -> Result<AnswerValue, ValueError> {
        let raw = raw.trim();
        if raw == DONT_KNOW {
            return Ok(AnswerValue::DontKnow);
        }
        if raw == NOT_APPLICABLE {
            return if question.allow_na { Ok(AnswerValue::NotApplicable) } else { Err(ValueError::NaNotAllowed) };
        }
        match &question.kind {
            QuestionKind::Text => {
                if raw.is_empty() {
                    Err(ValueError::Empty)
                } else {
                    Ok(AnswerValue::Text(raw.to_string()))
                }
            }
            QuestionKind::Number { min, max, .. } => {
                let n: f64 = raw
                    .replace(',', ".")
                    .parse()
                    .ok()
                    .filter(|n: &f64| n.is_finite())
                    .ok_or_else(|| ValueError::NotANumber(raw.to_string()))?;
                let lo = min.unwrap_or(f64::NEG_INFINITY);
                let hi = max.unwrap_or(f64::INFINITY);
                if n < lo || n > hi {
                    return Err(ValueError::OutOfRange { value: n, min: lo, max: hi });
                }
                Ok(AnswerValue::Number(n))
            }
            _ => {
                let ids: Vec<String> = raw.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
                if ids.is_empty() {
                    return Err(ValueError::Empty);
                }
                let choices = question.choices();
                for (i, id) in ids.iter().enumerate() {
                    if !choices.iter().any(|c| &c.id == id) {
                        return Err(ValueError::UnknownOption(id.clone()));
                    }
                    if ids[..i].contains(id) {
                        return Err(ValueError::Duplicate(id.clone()));
                    }
                }
                if ids.len() > 1 && !question.is_multi() {
                    return Err(ValueError::OneOnly);
                }
                Ok(AnswerValue::Choice(sorted_by_options(question, ids)))
            }
        }
    }

    pub fn chosen(&self) -> &[String] {
        match self {
            AnswerValue::Choice(ids) => ids,
            _ => &[],
        }
    }

    pub fn is_dont_know_or_na(&self) -> bool {
        matches!(self, AnswerValue::DontKnow | AnswerValue::NotApplicable)
    }

    /// Human-readable form with option labels, for reports and the "2018: …" hint.
    pub fn describe(&self, question: &Question) -> String {
        match self {
            AnswerValue::Choice(ids) => ids
                .iter()
                .map(|id| match (&question.kind, question.option_label(id)) {
                    (QuestionKind::Scale { .. }, _) => format!("nivå {id}"),
                    (_, Some(label)) => label,
                    (_, None) => id.clone(),
                })
                .collect::<Vec<_>>()
                .join("; "),
            AnswerValue::Number(n) => match &question.kind {
                QuestionKind::Number { unit: Some(u), .. } => format!("{} {u}", format_number(*n)),
                _ => format_number(*n),
            },
            AnswerValue::Text(t) => t.clone(),
            AnswerValue::DontKnow => "Vet ej".into(),
            AnswerValue::NotApplicable => "Ej tillämpligt".into(),
        }
    }
}

/// Keeps multi answers in questionnaire order so equal sets compare equal.
fn sorted_by_options(question: &Question, mut ids: Vec<String>) -> Vec<String> {
    let order = question.choices();
    ids.sort_by_key(|id| order.iter().position(|c| &c.id == id));
    ids
}

/// Formats without a trailing ".0" so "95" round-trips as "95".
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

impl fmt::Display for AnswerValue {
    /// The canonical text form, accepted back by `parse`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerValue::Choice(ids) => f.write_str(&ids.join(",")),
            AnswerValue::Number(n) => f.write_str(&format_number(*n)),
            AnswerValue::Text(t) => f.write_str(t),
            AnswerValue::DontKnow => f.write_str(DONT_KNOW),
            AnswerValue::NotApplicable => f.write_str(NOT_APPLICABLE),
        }
    }
}

/// Used by yes/no shortcuts in the UI.
pub fn yes_no(yes: bool) -> AnswerValue {
    AnswerValue::Choice(vec![if yes { YES } else { NO }.to_string()])
}
