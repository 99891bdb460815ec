//! Raw serde shapes of a roadmap catalogue. As for questionnaires, every key is optional and
//! carries its span, so validation (`roadmap.rs`) can point at the exact place of a problem.

use serde::Deserialize;
use toml::Spanned;

type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCatalogue {
    pub id: Option<S<String>>,
    pub version: Option<S<String>>,
    pub title: Option<S<String>>,
    pub questionnaire: Option<S<String>>,
    pub description: Option<S<String>>,
    #[serde(default)]
    pub entries: Vec<S<RawEntry>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    pub id: Option<S<String>>,
    pub subgoal: Option<S<String>>,
    pub inriktning: Option<S<String>>,
    pub motiv: Option<S<String>>,
    pub atgarder: Option<S<Vec<S<String>>>>,
    pub aktorer: Option<S<Vec<S<String>>>>,
    pub horizon: Option<S<String>>,
    pub joint_work: Option<S<String>>,
    pub source: Option<S<String>>,
    pub rule: Option<S<RawRule>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub score_below: Option<S<f64>>,
    pub answers: Option<S<Vec<S<RawCondition>>>>,
    pub combine: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    pub question: Option<S<String>>,
    /// Any TOML values, so that `any_of = [0, 1]` (levels without quotes, a common slip) gets a
    /// message of its own instead of serde's type error.
    pub any_of: Option<S<Vec<S<toml::Value>>>>,
    pub below: Option<S<f64>>,
}
