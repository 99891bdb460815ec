//! Raw serde shapes of the questionnaire TOML. Every key is optional here and carries its span, so
//! that validation (in `questionnaire.rs`) can say exactly where a problem is.

use serde::Deserialize;
use toml::Spanned;

type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestionnaire {
    pub id: Option<S<String>>,
    pub version: Option<S<String>>,
    pub title: Option<S<String>>,
    pub language: Option<S<String>>,
    pub description: Option<S<String>>,
    #[serde(default)]
    pub sections: Vec<S<RawSection>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: Option<S<String>>,
    pub title: Option<S<String>>,
    pub intro: Option<S<String>>,
    #[serde(default)]
    pub questions: Vec<S<RawQuestion>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Option<S<String>>,
    pub kind: Option<S<String>>,
    pub text: Option<S<String>>,
    pub help: Option<S<String>>,
    pub required: Option<S<bool>>,
    pub allow_na: Option<S<bool>>,
    pub subgoal: Option<S<String>>,
    pub weight: Option<S<f64>>,
    pub show_if: Option<S<RawShowIf>>,
    pub options: Option<S<Vec<S<RawOption>>>>,
    pub rubric: Option<S<Vec<S<String>>>>,
    pub yes_level: Option<S<i64>>,
    pub no_level: Option<S<i64>>,
    pub unit: Option<S<String>>,
    pub min: Option<S<f64>>,
    pub max: Option<S<f64>>,
    pub thresholds: Option<S<Vec<S<RawThreshold>>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawShowIf {
    pub question: S<String>,
    pub any_of: S<Vec<S<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub id: S<String>,
    pub label: S<String>,
    pub level: Option<S<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawThreshold {
    pub at_least: S<f64>,
    pub level: S<i64>,
}
