//! The validated roadmap catalogue: "inriktningar" in the Norrbotten format, each with the rule
//! that selects it. Built only by `load::roadmap`, so every rule here refers to questions and
//! options that exist, with the right kind, in the questionnaire the catalogue names.

use super::SubGoal;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Catalogue {
    pub id: String,
    pub version: String,
    pub title: String,
    /// Id of the questionnaire whose question and option ids the rules use.
    pub questionnaire: String,
    pub description: Option<String>,
    pub entries: Vec<Entry>,
}

/// One "inriktning": a direction for a municipality's digitalisation work.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub id: String,
    pub subgoal: SubGoal,
    /// **Inriktning**: one sentence naming the direction.
    pub inriktning: String,
    /// **Motiv till inriktning**.
    pub motiv: String,
    /// **Möjliga åtgärder**, one per item.
    pub atgarder: Vec<String>,
    /// **Förslag på genomförande aktör**, one per item.
    pub aktorer: Vec<String>,
    pub horizon: Horizon,
    pub joint_work: JointWork,
    pub source: Option<String>,
    pub rule: Rule,
}

/// When the work should happen, in months from the start of the roadmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Horizon {
    /// 0–6 months.
    Short,
    /// 6–18 months.
    Medium,
    /// 18–36 months.
    Long,
}

impl Horizon {
    pub const ALL: [Horizon; 3] = [Horizon::Short, Horizon::Medium, Horizon::Long];

    /// The spelling in catalogue files.
    pub fn id(self) -> &'static str {
        match self {
            Horizon::Short => "0-6",
            Horizon::Medium => "6-18",
            Horizon::Long => "18-36",
        }
    }

    /// (first month, end month), months counted from 0 at the start of the roadmap.
    pub fn months(self) -> (u32, u32) {
        match self {
            Horizon::Short => (0, 6),
            Horizon::Medium => (6, 18),
            Horizon::Long => (18, 36),
        }
    }

    pub fn parse(s: &str) -> Option<Horizon> {
        Horizon::ALL.into_iter().find(|h| h.id() == s)
    }
}

impl fmt::Display for Horizon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The kind of joint work an entry calls for: the "3S" of the Skåne material, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JointWork {
    Samverkan,
    Samordning,
    Samutveckling,
    /// The municipality does it alone.
    Egen,
}

impl JointWork {
    pub const ALL: [JointWork; 4] =
        [JointWork::Samverkan, JointWork::Samordning, JointWork::Samutveckling, JointWork::Egen];

    pub fn id(self) -> &'static str {
        match self {
            JointWork::Samverkan => "samverkan",
            JointWork::Samordning => "samordning",
            JointWork::Samutveckling => "samutveckling",
            JointWork::Egen => "egen",
        }
    }

    pub fn parse(s: &str) -> Option<JointWork> {
        JointWork::ALL.into_iter().find(|j| j.id() == s)
    }

    /// Whether the county roadmap proposes it as shared work.
    pub fn is_shared(self) -> bool {
        self != JointWork::Egen
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Combine {
    /// The score condition **or** any answer condition.
    #[default]
    Any,
    /// The score condition **and** every answer condition.
    All,
}

/// What selects an entry. Validation guarantees at least one condition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rule {
    /// Met when the entry's sub-goal score is below this (0–100).
    pub score_below: Option<f64>,
    pub answers: Vec<AnswerCondition>,
    pub combine: Combine,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerCondition {
    pub question: String,
    pub test: AnswerTest,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerTest {
    /// Choice questions: the answer contains one of these option ids (scale levels "0".."4").
    AnyOf(Vec<String>),
    /// Number questions: the number is below this.
    Below(f64),
}

impl Catalogue {
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }
}
