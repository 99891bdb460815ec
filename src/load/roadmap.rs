//! Roadmap catalogue loading: TOML → raw structs (serde, unknown keys rejected) → validated
//! model, checked against the questionnaire the catalogue names. The format is documented for
//! its maintainers in roadmaps/README.md.

use super::check::Checker;
use super::error::{LoadErrors, Problem};
use super::raw_roadmap::{RawCatalogue, RawCondition, RawEntry, RawRule};
use crate::model::roadmap::{AnswerCondition, AnswerTest, Catalogue, Combine, Entry, Horizon, JointWork, Rule};
use crate::model::{QuestionKind, Questionnaire, SubGoal};
use std::collections::HashMap;
use std::ops::Range;
use toml::Spanned;

/// Parses and validates catalogue text; `file` is used in error positions only. `questionnaire`
/// finds a questionnaire by id (the embedded one and those on disk).
pub fn parse_str<'q>(
    file: &str,
    src: &str,
    questionnaire: impl Fn(&str) -> Option<&'q Questionnaire>,
) -> Result<Catalogue, LoadErrors> {
    let (mut v, raw) = Checker::parse::<RawCatalogue>(file, src)?;
    let catalogue = v.catalogue(raw, questionnaire);
    v.finish(catalogue)
}

// The file's own rules, as methods on the shared checker that records their errors.
impl Checker<'_> {
    /// A list of non-empty texts with at least one item.
    fn list(
        &mut self,
        value: Option<Spanned<Vec<Spanned<String>>>>,
        key: &'static str,
        at: Range<usize>,
    ) -> Option<Vec<String>> {
        let Some(list) = value else {
            self.err(at, Problem::MissingKey { key });
            return None;
        };
        if list.get_ref().is_empty() {
            self.err(list.span(), Problem::EmptyValue { key });
            return None;
        }
        let mut ok = true;
        for item in list.get_ref() {
            if item.get_ref().trim().is_empty() {
                self.err(item.span(), Problem::EmptyValue { key });
                ok = false;
            }
        }
        ok.then(|| list.into_inner().into_iter().map(Spanned::into_inner).collect())
    }

    fn catalogue<'q>(
        &mut self,
        raw: RawCatalogue,
        find: impl Fn(&str) -> Option<&'q Questionnaire>,
    ) -> Option<Catalogue> {
        let top = 0..0;
        let id = self.id(raw.id, top.clone());
        let version = self.text(raw.version, "version", top.clone());
        let title = self.text(raw.title, "title", top.clone());
        let qid = raw.questionnaire.clone();
        let questionnaire_id = self.text(raw.questionnaire, "questionnaire", top.clone());
        // Without the questionnaire the rules cannot be checked; say so once, not per rule.
        let questionnaire = match (&questionnaire_id, &qid) {
            (Some(name), Some(at)) => {
                let q = find(name);
                if q.is_none() {
                    self.err(at.span(), Problem::UnknownQuestionnaire { id: name.clone() });
                }
                q
            }
            _ => None,
        };
        if raw.entries.is_empty() {
            self.err(top, Problem::NoEntries);
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut entries = Vec::new();
        for raw_entry in raw.entries {
            if let Some(e) = self.entry(raw_entry, questionnaire, &mut seen) {
                entries.push(e);
            }
        }
        Some(Catalogue {
            id: id?.0,
            version: version?,
            title: title?,
            questionnaire: questionnaire_id?,
            description: raw.description.map(Spanned::into_inner),
            entries,
        })
    }

    fn entry(
        &mut self,
        raw: Spanned<RawEntry>,
        questionnaire: Option<&Questionnaire>,
        seen: &mut HashMap<String, usize>,
    ) -> Option<Entry> {
        let span = raw.span();
        let re = raw.into_inner();
        let id = self.id(re.id, span.clone());
        if let Some((eid, espan)) = &id {
            self.unique("entry", eid, espan.clone(), seen);
        }
        let subgoal = match re.subgoal {
            None => {
                self.err(span.clone(), Problem::MissingKey { key: "subgoal" });
                None
            }
            Some(s) => match s.get_ref().parse::<SubGoal>() {
                Ok(g) => Some(g),
                Err(()) => {
                    self.err(s.span(), Problem::UnknownSubgoal { subgoal: s.get_ref().clone() });
                    None
                }
            },
        };
        let inriktning = self.text(re.inriktning, "inriktning", span.clone());
        let motiv = self.text(re.motiv, "motiv", span.clone());
        let atgarder = self.list(re.atgarder, "atgarder", span.clone());
        let aktorer = self.list(re.aktorer, "aktorer", span.clone());
        let horizon = match re.horizon {
            None => {
                self.err(span.clone(), Problem::MissingKey { key: "horizon" });
                None
            }
            Some(h) => Horizon::parse(h.get_ref()).or_else(|| {
                self.err(h.span(), Problem::UnknownHorizon { horizon: h.get_ref().clone() });
                None
            }),
        };
        let joint_work = match re.joint_work {
            None => {
                self.err(span.clone(), Problem::MissingKey { key: "joint_work" });
                None
            }
            Some(j) => JointWork::parse(j.get_ref()).or_else(|| {
                self.err(j.span(), Problem::UnknownJointWork { value: j.get_ref().clone() });
                None
            }),
        };
        let entry_name = id.as_ref().map(|(i, _)| i.clone()).unwrap_or_default();
        let rule = match re.rule {
            None => {
                self.err(span, Problem::RuleMissing { entry: entry_name });
                None
            }
            Some(r) => self.rule(r, &entry_name, questionnaire),
        };
        Some(Entry {
            id: id?.0,
            subgoal: subgoal?,
            inriktning: inriktning?,
            motiv: motiv?,
            atgarder: atgarder?,
            aktorer: aktorer?,
            horizon: horizon?,
            joint_work: joint_work?,
            source: re.source.map(Spanned::into_inner),
            rule: rule?,
        })
    }

    fn rule(&mut self, raw: Spanned<RawRule>, entry: &str, questionnaire: Option<&Questionnaire>) -> Option<Rule> {
        let span = raw.span();
        let rr = raw.into_inner();
        let mut ok = true;
        let score_below = rr.score_below.map(|t| {
            let value = *t.get_ref();
            if !(value.is_finite() && (0.0..=100.0).contains(&value)) {
                self.err(t.span(), Problem::BadThreshold { value });
                ok = false;
            }
            value
        });
        let combine = match rr.combine {
            None => Combine::Any,
            Some(c) => match c.get_ref().as_str() {
                "any" => Combine::Any,
                "all" => Combine::All,
                other => {
                    self.err(c.span(), Problem::UnknownCombine { value: other.to_string() });
                    ok = false;
                    Combine::Any
                }
            },
        };
        let raw_answers = rr.answers.map(Spanned::into_inner).unwrap_or_default();
        if score_below.is_none() && raw_answers.is_empty() {
            self.err(span, Problem::RuleEmpty { entry: entry.to_string() });
            return None;
        }
        let mut answers = Vec::new();
        for c in raw_answers {
            match self.condition(c, questionnaire) {
                Some(c) => answers.push(c),
                None => ok = false,
            }
        }
        ok.then_some(Rule { score_below, answers, combine })
    }

    fn condition(
        &mut self,
        raw: Spanned<RawCondition>,
        questionnaire: Option<&Questionnaire>,
    ) -> Option<AnswerCondition> {
        let span = raw.span();
        let rc = raw.into_inner();
        let Some(question) = rc.question else {
            self.err(span, Problem::MissingKey { key: "question" });
            return None;
        };
        let qspan = question.span();
        let qid = question.into_inner();
        let test = match (rc.any_of, rc.below) {
            (Some(any_of), None) => {
                if any_of.get_ref().is_empty() {
                    self.err(any_of.span(), Problem::EmptyValue { key: "any_of" });
                    return None;
                }
                let mut options = Vec::new();
                for item in any_of.get_ref() {
                    match item.get_ref() {
                        toml::Value::String(s) => options.push((s.clone(), item.span())),
                        other => {
                            self.err(item.span(), Problem::OptionNotString { value: other.to_string() });
                            return None;
                        }
                    }
                }
                Test::AnyOf(options, any_of.span())
            }
            (None, Some(below)) => Test::Below(*below.get_ref(), below.span()),
            _ => {
                self.err(span, Problem::ConditionTest { question: qid });
                return None;
            }
        };
        // With an unknown questionnaire, that one error has been reported already.
        let q = questionnaire?;
        let Some(question) = q.question(&qid) else {
            let suggestion = closest(&qid, q.questions().map(|x| x.id.as_str()));
            self.err(qspan, Problem::RuleUnknownQuestion { question: qid, questionnaire: q.id.clone(), suggestion });
            return None;
        };
        match (test, &question.kind) {
            (_, QuestionKind::Text) => {
                self.err(qspan, Problem::RuleTextQuestion { question: qid });
                None
            }
            (Test::AnyOf(_, at), QuestionKind::Number { .. }) => {
                self.err(at, Problem::AnyOfOnNumber { question: qid });
                None
            }
            (Test::Below(value, _), QuestionKind::Number { .. }) => {
                Some(AnswerCondition { question: qid, test: AnswerTest::Below(value) })
            }
            (Test::Below(_, at), kind) => {
                self.err(at, Problem::BelowNotNumber { question: qid, kind: kind.name() });
                None
            }
            (Test::AnyOf(options, _), kind) => {
                let valid: Vec<String> = question.choices().into_iter().map(|c| c.id).collect();
                let mut ok = true;
                for (option, at) in &options {
                    if !valid.contains(option) {
                        let problem = Problem::RuleUnknownOption {
                            question: qid.clone(),
                            option: option.clone(),
                            kind: kind.name(),
                            valid: valid.clone(),
                        };
                        self.err(at.clone(), problem);
                        ok = false;
                    }
                }
                ok.then(|| AnswerCondition {
                    question: qid,
                    test: AnswerTest::AnyOf(options.into_iter().map(|(o, _)| o).collect()),
                })
            }
        }
    }
}

/// The test of a condition with the span to blame when it does not fit the question.
enum Test {
    AnyOf(Vec<(String, Range<usize>)>, Range<usize>),
    Below(f64, Range<usize>),
}

/// The candidate closest to `wrong` by edit distance, if it is close enough to be the intended
/// id (a typo such as `ledning_uppföljning` for `ledning_uppfoljning`).
fn closest<'a>(wrong: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let limit = (wrong.chars().count() / 4).clamp(1, 4);
    candidates
        .map(|c| (edit_distance(wrong, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c.to_string())
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb { prev } else { 1 + prev.min(cur).min(row[j]) };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("ledning_uppföljning", "ledning_uppfoljning"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn closest_only_suggests_near_ids() {
        let ids = ["strategi_status", "ledning_uppfoljning", "kompetens_skola"];
        assert_eq!(closest("strategi_statu", ids.into_iter()).as_deref(), Some("strategi_status"));
        assert_eq!(closest("helt_annat", ids.into_iter()), None);
    }
}
