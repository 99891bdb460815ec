//! The Skåne-style status report (Region Skåne's 2018 slides): how the interviewed
//! municipalities answered each choice question, the free-text answers and notes per question,
//! and which municipalities were visited.

use super::{Place, register_map};
use crate::model::visibility::{Answers, visible_ids};
use crate::model::{AnswerValue, ChoiceOption, Question, QuestionKind, Questionnaire};
use crate::register::Municipality;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Interviewer notes keyed by question id.
pub type Notes = HashMap<String, String>;

/// One interviewed municipality, as the report needs it.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    pub municipality_code: &'a str,
    /// The questionnaire the interview was taken with (its stored snapshot).
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a Answers,
    pub notes: &'a Notes,
    pub demo: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkaneReport {
    /// The number of interviewed (visited) municipalities: the denominator of every percentage
    /// in the report. Municipalities that did not get a question, or answered "Vet ej", stay in
    /// it, so "56 %" always means "56 % of the visited municipalities".
    pub denominator: usize,
    pub visited: Vec<Visited>,
    /// Every single, multi and yes/no question, in questionnaire order.
    pub distributions: Vec<ChoiceDistribution>,
    /// Free-text answers and notes, per question in questionnaire order; questions without any
    /// are left out.
    pub collated: Vec<CollatedAnswers>,
    pub demo: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Visited {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChoiceDistribution {
    pub question_id: String,
    pub section: String,
    pub text: String,
    /// "single", "multi" or "yesno".
    pub kind: &'static str,
    /// Same as `SkaneReport::denominator`, repeated so a single row is self-explanatory.
    pub denominator: usize,
    /// Per option, in questionnaire order. For a multi question a municipality counts once per
    /// option it chose, so the percentages can add up to more than 100.
    pub options: Vec<OptionShare>,
    /// Municipalities that chose at least one option.
    pub answered: usize,
    pub dont_know: usize,
    pub not_applicable: usize,
    /// Shown but not answered.
    pub not_answered: usize,
    /// Not shown: its condition (`show_if`) was not met, or the municipality's questionnaire
    /// version lacks the question. `answered + dont_know + not_applicable + not_answered +
    /// not_shown = denominator`.
    pub not_shown: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionShare {
    pub id: String,
    pub label: String,
    pub count: usize,
    /// `100 × count / denominator`.
    pub percent: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CollatedAnswers {
    pub question_id: String,
    pub section: String,
    pub text: String,
    pub kind: &'static str,
    /// In the order the municipalities were given.
    pub entries: Vec<CollatedEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CollatedEntry {
    pub municipality_code: String,
    pub municipality: String,
    /// The answer in words (a text answer verbatim, option labels, "Vet ej"); None if only a
    /// note was written.
    pub answer: Option<String>,
    pub note: Option<String>,
}

/// Builds the report over the interviewed municipalities, in the order given. A municipality
/// given more than once counts once, with its last entry (as in the comparison). Questions and
/// options are taken from the interviews' own questionnaires, so interviews taken with
/// different versions can be reported together: each appears in the order of the first
/// questionnaire that has it, and what only later versions have is appended.
pub fn skane_report(inputs: &[ReportInput<'_>], register: &[Municipality]) -> SkaneReport {
    let inputs = last_per_municipality(inputs);
    let map = register_map(register);
    let visited: Vec<Visited> = inputs
        .iter()
        .map(|i| {
            let p = Place::lookup(i.municipality_code, &map);
            Visited { code: p.code, name: p.name }
        })
        .collect();
    let visible: Vec<HashSet<String>> = inputs.iter().map(|i| visible_ids(i.questionnaire, i.answers)).collect();
    let denominator = inputs.len();

    let mut distributions = Vec::new();
    let mut collated = Vec::new();
    for (question, section) in union_of_questions(&inputs) {
        // (input, its answer) for the inputs that were shown the question.
        let shown: Vec<(usize, Option<&AnswerValue>)> = (0..inputs.len())
            // A questionnaire version without the question never lists it as visible.
            .filter(|&k| visible[k].contains(&question.id))
            .map(|k| (k, inputs[k].answers.get(&question.id)))
            .collect();
        if matches!(
            question.kind,
            QuestionKind::Single { .. } | QuestionKind::Multi { .. } | QuestionKind::YesNo { .. }
        ) {
            let options = union_of_options(&question.id, &inputs);
            distributions.push(distribution(&question, &section, options, &shown, denominator));
        }
        let entries: Vec<CollatedEntry> = shown
            .iter()
            .filter_map(|&(k, value)| {
                let note = inputs[k].notes.get(&question.id).map(|n| n.trim()).filter(|n| !n.is_empty());
                let text = matches!(value, Some(AnswerValue::Text(t)) if !t.trim().is_empty());
                (text || note.is_some()).then(|| CollatedEntry {
                    municipality_code: visited[k].code.clone(),
                    municipality: visited[k].name.clone(),
                    answer: value.map(|v| v.describe(&question)),
                    note: note.map(str::to_string),
                })
            })
            .collect();
        if !entries.is_empty() {
            collated.push(CollatedAnswers {
                question_id: question.id.clone(),
                section,
                text: question.text.clone(),
                kind: question.kind.name(),
                entries,
            });
        }
    }
    SkaneReport { denominator, visited, distributions, collated, demo: inputs.iter().any(|i| i.demo) }
}

fn last_per_municipality<'a>(inputs: &[ReportInput<'a>]) -> Vec<ReportInput<'a>> {
    let last: HashMap<&str, usize> = inputs.iter().enumerate().map(|(k, i)| (i.municipality_code, k)).collect();
    inputs.iter().enumerate().filter(|(k, i)| last.get(i.municipality_code) == Some(k)).map(|(_, i)| *i).collect()
}

/// Every question of every input's questionnaire, once, with its section title, in the order of
/// the first questionnaire that has it (later versions' new questions appended).
fn union_of_questions(inputs: &[ReportInput<'_>]) -> Vec<(Question, String)> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for input in inputs {
        for section in &input.questionnaire.sections {
            for q in &section.questions {
                if seen.insert(q.id.clone()) {
                    out.push((q.clone(), section.title.clone()));
                }
            }
        }
    }
    out
}

fn distribution(
    question: &Question,
    section: &str,
    options: Vec<OptionShare>,
    shown: &[(usize, Option<&AnswerValue>)],
    denominator: usize,
) -> ChoiceDistribution {
    let mut d = ChoiceDistribution {
        question_id: question.id.clone(),
        section: section.to_string(),
        text: question.text.clone(),
        kind: question.kind.name(),
        denominator,
        options,
        answered: 0,
        dont_know: 0,
        not_applicable: 0,
        not_answered: 0,
        not_shown: denominator - shown.len(),
    };
    for (_, value) in shown {
        match value {
            Some(AnswerValue::DontKnow) => d.dont_know += 1,
            Some(AnswerValue::NotApplicable) => d.not_applicable += 1,
            Some(AnswerValue::Choice(ids)) if !ids.is_empty() => {
                d.answered += 1;
                for id in ids {
                    match d.options.iter_mut().find(|o| &o.id == id) {
                        Some(o) => o.count += 1,
                        // Only a corrupt import can get here; show the id rather than drop it.
                        None => {
                            d.options.push(OptionShare { id: id.clone(), label: id.clone(), count: 1, percent: 0.0 })
                        }
                    }
                }
            }
            // Missing, or a value that does not fit a choice question.
            _ => d.not_answered += 1,
        }
    }
    for o in &mut d.options {
        o.percent = if denominator > 0 { 100.0 * o.count as f64 / denominator as f64 } else { 0.0 };
    }
    d
}

/// The options of a question across the inputs' questionnaire versions, in the order of the
/// first version that has each, labelled by that version.
fn union_of_options(question_id: &str, inputs: &[ReportInput<'_>]) -> Vec<OptionShare> {
    let mut out: Vec<OptionShare> = Vec::new();
    for input in inputs {
        let Some(q) = input.questionnaire.question(question_id) else { continue };
        for o in q.choices() {
            if !out.iter().any(|x| x.id == o.id) {
                out.push(share(o));
            }
        }
    }
    out
}

fn share(o: ChoiceOption) -> OptionShare {
    OptionShare { id: o.id, label: o.label, count: 0, percent: 0.0 }
}
