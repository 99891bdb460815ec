//! The validated questionnaire model. Built only by `load::questionnaire`, so every value here has
//! passed validation: ids are unique, levels are 0–4, `show_if` points backwards, and so on.

use super::SubGoal;
use serde::Serialize;

/// A maturity level, 0–4.
pub type Level = u8;
pub const MAX_LEVEL: Level = 4;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    pub title: String,
    pub language: String,
    pub description: Option<String>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub intro: Option<String>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub help: Option<String>,
    pub required: bool,
    pub allow_na: bool,
    pub scoring: Option<Scoring>,
    pub show_if: Option<ShowIf>,
    pub kind: QuestionKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scoring {
    pub subgoal: SubGoal,
    pub weight: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShowIf {
    pub question: String,
    pub any_of: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
    pub level: Option<Level>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Threshold {
    pub at_least: f64,
    pub level: Level,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum QuestionKind {
    Single {
        options: Vec<ChoiceOption>,
    },
    Multi {
        options: Vec<ChoiceOption>,
    },
    /// A maturity rubric: `rubric[level]` describes what level `level` looks like in practice.
    Scale {
        rubric: [String; 5],
    },
    YesNo {
        yes_level: Option<Level>,
        no_level: Option<Level>,
    },
    Number {
        unit: Option<String>,
        min: Option<f64>,
        max: Option<f64>,
        thresholds: Vec<Threshold>,
    },
    Text,
}

/// The fixed option ids of a yes/no question.
pub const YES: &str = "ja";
pub const NO: &str = "nej";

impl QuestionKind {
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "single",
            QuestionKind::Multi { .. } => "multi",
            QuestionKind::Scale { .. } => "scale",
            QuestionKind::YesNo { .. } => "yesno",
            QuestionKind::Number { .. } => "number",
            QuestionKind::Text => "text",
        }
    }
}

impl Question {
    /// The options a user picks from, as (id, label, level). Yes/no and scale questions present
    /// their fixed answers as options too, so the UI, reports and exports treat all choice
    /// questions alike.
    pub fn choices(&self) -> Vec<ChoiceOption> {
        match &self.kind {
            QuestionKind::Single { options } | QuestionKind::Multi { options } => options.clone(),
            QuestionKind::YesNo { yes_level, no_level } => vec![
                ChoiceOption { id: YES.into(), label: "Ja".into(), level: *yes_level },
                ChoiceOption { id: NO.into(), label: "Nej".into(), level: *no_level },
            ],
            QuestionKind::Scale { rubric } => rubric
                .iter()
                .enumerate()
                .map(|(i, text)| ChoiceOption { id: i.to_string(), label: text.clone(), level: Some(i as Level) })
                .collect(),
            QuestionKind::Number { .. } | QuestionKind::Text => Vec::new(),
        }
    }

    pub fn is_choice(&self) -> bool {
        matches!(
            self.kind,
            QuestionKind::Single { .. }
                | QuestionKind::Multi { .. }
                | QuestionKind::YesNo { .. }
                | QuestionKind::Scale { .. }
        )
    }

    pub fn is_multi(&self) -> bool {
        matches!(self.kind, QuestionKind::Multi { .. })
    }

    pub fn option_label(&self, id: &str) -> Option<String> {
        self.choices().into_iter().find(|o| o.id == id).map(|o| o.label)
    }
}

impl Questionnaire {
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }

    /// Position of a question in interview order (0-based), across sections.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.questions().position(|q| q.id == id)
    }

    pub fn section_of(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.questions.iter().any(|q| q.id == id))
    }

    pub fn len(&self) -> usize {
        self.questions().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
