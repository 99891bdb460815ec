//! Evaluating one catalogue rule against one interview.

use crate::model::roadmap::{AnswerTest, Combine, Rule};
use crate::model::visibility::Answers;
use crate::model::{AnswerValue, Question, QuestionKind, Questionnaire};
use serde::Serialize;
use std::collections::HashSet;

/// An answer quoted as evidence: the question as it was asked and what was answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotedAnswer {
    pub question_id: String,
    pub question: String,
    pub answer: Answered,
}

/// An answer in the words of the questionnaire, without any words of the program's own, so
/// that the screens and the PDF can put it in the user's language (`i18n::pdf::answered`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answered {
    /// Chosen options as (scale level, label); the level is Some only for scale questions,
    /// whose label is the rubric line of that level.
    Options(Vec<(Option<u8>, String)>),
    /// A number with the question's unit.
    Number {
        value: f64,
        unit: Option<String>,
    },
    Text(String),
    DontKnow,
    NotApplicable,
    /// Only a note was written.
    Unanswered,
}

/// What a rule made of one interview.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    pub selected: bool,
    /// The score condition was present and met.
    pub score_met: bool,
    /// The answer conditions that were met, with the answers that met them.
    pub matched: Vec<QuotedAnswer>,
}

/// Applies `rule` to an interview. `score` is the score of the entry's sub-goal; without one
/// (nothing answered with a level) the score condition is not met: a missing score is unknown,
/// not low. An answer condition on a question that is hidden, unanswered, answered "Vet ej" or
/// "Ej tillämpligt", or missing from the questionnaire the interview was taken with, is not met.
pub fn evaluate(
    rule: &Rule,
    score: Option<f64>,
    questionnaire: &Questionnaire,
    answers: &Answers,
    visible: &HashSet<String>,
) -> Outcome {
    let score_met = rule.score_below.is_some_and(|t| score.is_some_and(|s| s < t));
    let mut matched = Vec::new();
    let mut all_answers_met = true;
    for condition in &rule.answers {
        let quote = questionnaire
            .question(&condition.question)
            .filter(|q| visible.contains(&q.id))
            .and_then(|q| answers.get(&q.id).map(|v| (q, v)))
            .and_then(|(q, v)| quote_if_met(q, v, &condition.test));
        match quote {
            Some(q) => matched.push(q),
            None => all_answers_met = false,
        }
    }
    let selected = match rule.combine {
        Combine::Any => score_met || !matched.is_empty(),
        // Validation guarantees at least one condition, so "all of none" cannot select.
        Combine::All => (rule.score_below.is_none() || score_met) && all_answers_met,
    };
    Outcome { selected, score_met, matched }
}

fn quote_if_met(question: &Question, value: &AnswerValue, test: &AnswerTest) -> Option<QuotedAnswer> {
    let answer = match (test, value) {
        (AnswerTest::AnyOf(options), AnswerValue::Choice(chosen)) => {
            let hits: Vec<String> = chosen.iter().filter(|id| options.contains(id)).cloned().collect();
            if hits.is_empty() {
                return None;
            }
            options_answered(question, &hits)
        }
        (AnswerTest::Below(limit), AnswerValue::Number(n)) if n < limit => answered(question, Some(value)),
        _ => return None,
    };
    Some(QuotedAnswer { question_id: question.id.clone(), question: question.text.clone(), answer })
}

fn options_answered(question: &Question, ids: &[String]) -> Answered {
    let scale = matches!(question.kind, QuestionKind::Scale { .. });
    Answered::Options(
        ids.iter()
            .map(|id| {
                let label = question.option_label(id).unwrap_or_else(|| id.clone());
                (if scale { id.parse().ok() } else { None }, label)
            })
            .collect(),
    )
}

/// Any stored answer (None: only a note) in the questionnaire's words.
pub fn answered(question: &Question, value: Option<&AnswerValue>) -> Answered {
    match value {
        None => Answered::Unanswered,
        Some(AnswerValue::Choice(ids)) => options_answered(question, ids),
        Some(AnswerValue::Number(n)) => {
            let unit = match &question.kind {
                QuestionKind::Number { unit, .. } => unit.clone(),
                _ => None,
            };
            Answered::Number { value: *n, unit }
        }
        Some(AnswerValue::Text(t)) => Answered::Text(t.clone()),
        Some(AnswerValue::DontKnow) => Answered::DontKnow,
        Some(AnswerValue::NotApplicable) => Answered::NotApplicable,
    }
}
