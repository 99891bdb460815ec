//! Errors found while loading a file: where (file, line, column) and what (a `Problem`). The
//! wording, in Swedish and English, lives in `i18n::problems`.

use crate::i18n::Lang;
use std::fmt;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub problem: Problem,
}

/// Every way a questionnaire or roadmap file can be wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file is not valid TOML, or a value has the wrong type; `detail` is the parser's words.
    Syntax {
        detail: String,
    },
    UnknownKey {
        key: String,
        expected: String,
    },
    MissingKey {
        key: &'static str,
    },
    EmptyValue {
        key: &'static str,
    },
    BadId {
        id: String,
    },
    DuplicateId {
        what: &'static str,
        id: String,
        first_line: usize,
    },
    ReservedOptionId {
        id: String,
    },
    UnknownKind {
        kind: String,
    },
    UnknownSubgoal {
        subgoal: String,
    },
    UnknownLanguage {
        language: String,
    },
    KeyNotForKind {
        key: &'static str,
        kind: String,
    },
    EmptyOptions,
    LevelOutOfRange {
        level: i64,
    },
    ScoredWithoutSubgoal {
        reason: &'static str,
    },
    OptionWithoutLevel {
        option: String,
    },
    TextScored,
    BadWeight {
        weight: f64,
    },
    RubricCount {
        found: usize,
    },
    ThresholdsNotIncreasing {
        previous: f64,
        this: f64,
    },
    LevelsDecreasing {
        previous: i64,
        this: i64,
    },
    MinAboveMax {
        min: f64,
        max: f64,
    },
    ShowIfUnknownQuestion {
        question: String,
    },
    ShowIfLaterQuestion {
        question: String,
    },
    ShowIfNotChoice {
        question: String,
    },
    ShowIfUnknownOption {
        question: String,
        option: String,
    },
    NoSections,
    NoQuestions {
        section: String,
    },
    /// Roadmap catalogues: a rule refers to something the questionnaire does not have.
    /// `suggestion` is the closest existing question id, when one is close.
    RuleUnknownQuestion {
        question: String,
        questionnaire: String,
        suggestion: Option<String>,
    },
    /// `kind` is the question's kind name (`QuestionKind::name`); `valid` lists its option ids.
    RuleUnknownOption {
        question: String,
        option: String,
        kind: &'static str,
        valid: Vec<String>,
    },
    /// A rule with neither `score_below` nor any answer condition.
    RuleEmpty {
        entry: String,
    },
    /// An entry without `[entries.rule]`.
    RuleMissing {
        entry: String,
    },
    BadThreshold {
        value: f64,
    },
    UnknownHorizon {
        horizon: String,
    },
    UnknownJointWork {
        value: String,
    },
    UnknownCombine {
        value: String,
    },
    /// The catalogue names a questionnaire that is neither embedded nor on disk.
    UnknownQuestionnaire {
        id: String,
    },
    NoEntries,
    /// An answer condition needs exactly one of `any_of` and `below`.
    ConditionTest {
        question: String,
    },
    /// `any_of` on a number question.
    AnyOfOnNumber {
        question: String,
    },
    /// `below` on a question that is not a number question.
    BelowNotNumber {
        question: String,
        kind: &'static str,
    },
    /// A free-text question in a rule.
    RuleTextQuestion {
        question: String,
    },
    /// An `any_of` item that is not a string, e.g. a scale level written without quotes.
    OptionNotString {
        value: String,
    },
    /// The file could not be read at all.
    Io {
        detail: String,
    },
}

impl LoadError {
    /// `FILE:LINE:COL: what is wrong — how to fix it`
    pub fn render(&self, lang: Lang) -> String {
        let (what, fix) = crate::i18n::problems::describe(&self.problem, lang);
        format!("{}:{}:{}: {what} — {fix}", self.file, self.line, self.col)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::default()))
    }
}

impl std::error::Error for LoadError {}

/// All errors of one load, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadErrors(pub Vec<LoadError>);

impl LoadErrors {
    pub fn render(&self, lang: Lang) -> String {
        self.0.iter().map(|e| e.render(lang)).collect::<Vec<_>>().join("\n")
    }
}

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::default()))
    }
}

impl std::error::Error for LoadErrors {}

/// Turns byte offsets into 1-based line and column (columns count characters, as editors do).
pub struct Locator<'a> {
    file: &'a str,
    src: &'a str,
}

impl<'a> Locator<'a> {
    pub fn new(file: &'a str, src: &'a str) -> Self {
        Locator { file, src }
    }

    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        // Snap to a char boundary so slicing cannot panic on a span inside a multi-byte char.
        let offset = (0..=offset).rev().find(|&i| self.src.is_char_boundary(i)).unwrap_or(0);
        let before = &self.src[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }

    pub fn error(&self, span: Range<usize>, problem: Problem) -> LoadError {
        let (line, col) = self.line_col(span.start);
        LoadError { file: self.file.to_string(), line, col, problem }
    }

    /// Converts a TOML/serde error, recognising unknown keys so they get a helpful fix.
    pub fn from_toml(&self, err: &toml::de::Error) -> LoadError {
        let span = err.span().unwrap_or(0..0);
        let msg = err.message().trim().to_string();
        let problem = match parse_unknown_field(&msg) {
            Some((key, expected)) => Problem::UnknownKey { key, expected },
            None => Problem::Syntax { detail: msg },
        };
        self.error(span, problem)
    }
}

/// serde's deny_unknown_fields message: "unknown field `x`, expected one of `a`, `b`".
fn parse_unknown_field(msg: &str) -> Option<(String, String)> {
    let rest = msg.strip_prefix("unknown field `")?;
    let end = rest.find('`')?;
    let key = rest[..end].to_string();
    let expected = rest[end + 1..]
        .trim_start_matches(',')
        .trim()
        .trim_start_matches("expected one of ")
        .trim_start_matches("expected ")
        .replace('`', "");
    Some((key, expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let src = "a = 1\nåäö = 2\n";
        let loc = Locator::new("f", src);
        assert_eq!(loc.line_col(0), (1, 1));
        let pos = src.find('=').map(|_| src.rfind('=').unwrap_or(0)).unwrap_or(0);
        assert_eq!(loc.line_col(pos), (2, 5));
        // An offset inside a multi-byte character snaps back instead of panicking.
        assert_eq!(loc.line_col(7), (2, 1));
    }

    #[test]
    fn unknown_field_message_is_recognised() {
        let (k, e) = parse_unknown_field("unknown field `colour`, expected one of `id`, `kind`").unwrap();
        assert_eq!(k, "colour");
        assert_eq!(e, "id, kind");
    }
}
