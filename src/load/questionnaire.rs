//! Questionnaire loading: TOML → raw structs (serde, unknown keys rejected) → validated model.

use super::check::Checker;
use super::error::{LoadErrors, Problem};
use super::raw::{RawOption, RawQuestion, RawQuestionnaire, RawThreshold};
use crate::model::answer::{DONT_KNOW, NOT_APPLICABLE};
use crate::model::questionnaire::{ChoiceOption, Level, MAX_LEVEL, Scoring, ShowIf, Threshold};
use crate::model::{Question, QuestionKind, Questionnaire, Section, SubGoal};
use std::collections::HashMap;
use std::ops::Range;
use toml::Spanned;

/// Parses and validates questionnaire source text; `file` is used in error positions only.
pub fn parse_str(file: &str, src: &str) -> Result<Questionnaire, LoadErrors> {
    let (mut v, raw) = Checker::parse::<RawQuestionnaire>(file, src)?;
    let q = v.questionnaire(raw);
    v.finish(q)
}

/// Ids are written by hand and referenced from other files, so keep them plain.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// What earlier questions offer to later `show_if` conditions.
struct Earlier {
    /// Every question id in the file, to tell "later" from "unknown".
    all_ids: std::collections::HashSet<String>,
    choice_ids: HashMap<String, Option<Vec<String>>>,
}

// The file's own rules, as methods on the shared checker that records their errors.
impl Checker<'_> {
    fn level(&mut self, raw: &Spanned<i64>) -> Option<Level> {
        let l = *raw.get_ref();
        if (0..=i64::from(MAX_LEVEL)).contains(&l) {
            Some(l as Level)
        } else {
            self.err(raw.span(), Problem::LevelOutOfRange { level: l });
            None
        }
    }

    fn questionnaire(&mut self, raw: RawQuestionnaire) -> Option<Questionnaire> {
        let top = 0..0;
        let id = self.id(raw.id, top.clone());
        let version = self.text(raw.version, "version", top.clone());
        let title = self.text(raw.title, "title", top.clone());
        let language = match raw.language {
            None => {
                self.err(top.clone(), Problem::MissingKey { key: "language" });
                None
            }
            Some(l) if matches!(l.get_ref().as_str(), "sv" | "en") => Some(l.into_inner()),
            Some(l) => {
                self.err(l.span(), Problem::UnknownLanguage { language: l.get_ref().clone() });
                None
            }
        };
        if raw.sections.is_empty() {
            self.err(top, Problem::NoSections);
        }
        let all_ids = raw
            .sections
            .iter()
            .flat_map(|s| s.get_ref().questions.iter())
            .filter_map(|q| q.get_ref().id.as_ref().map(|i| i.get_ref().clone()))
            .collect();
        let mut earlier = Earlier { all_ids, choice_ids: HashMap::new() };
        let mut section_ids: HashMap<String, usize> = HashMap::new();
        let mut question_ids: HashMap<String, usize> = HashMap::new();
        let mut sections = Vec::new();
        for raw_section in raw.sections {
            let span = raw_section.span();
            let rs = raw_section.into_inner();
            let sid = self.id(rs.id, span.clone());
            if let Some((sid, sspan)) = &sid {
                self.unique("section", sid, sspan.clone(), &mut section_ids);
            }
            let stitle = self.text(rs.title, "title", span.clone());
            if rs.questions.is_empty() {
                let name = sid.as_ref().map(|(s, _)| s.clone()).unwrap_or_default();
                self.err(span.clone(), Problem::NoQuestions { section: name });
            }
            let mut questions = Vec::new();
            for raw_q in rs.questions {
                if let Some(q) = self.question(raw_q, &mut earlier, &mut question_ids) {
                    questions.push(q);
                }
            }
            if let (Some((id, _)), Some(title)) = (sid, stitle) {
                sections.push(Section { id, title, intro: rs.intro.map(Spanned::into_inner), questions });
            }
        }
        Some(Questionnaire {
            id: id?.0,
            version: version?,
            title: title?,
            language: language?,
            description: raw.description.map(Spanned::into_inner),
            sections,
        })
    }

    fn question(
        &mut self,
        raw: Spanned<RawQuestion>,
        earlier: &mut Earlier,
        question_ids: &mut HashMap<String, usize>,
    ) -> Option<Question> {
        let span = raw.span();
        let rq = raw.into_inner();
        let id = self.id(rq.id.clone(), span.clone());
        if let Some((qid, qspan)) = &id {
            self.unique("question", qid, qspan.clone(), question_ids);
        }
        let text = self.text(rq.text.clone(), "text", span.clone());
        let kind_name = match &rq.kind {
            None => {
                self.err(span.clone(), Problem::MissingKey { key: "kind" });
                None
            }
            Some(k) => Some((k.get_ref().clone(), k.span())),
        };
        let subgoal = match &rq.subgoal {
            None => None,
            Some(s) => match s.get_ref().parse::<SubGoal>() {
                Ok(g) => Some(g),
                Err(()) => {
                    self.err(s.span(), Problem::UnknownSubgoal { subgoal: s.get_ref().clone() });
                    None
                }
            },
        };
        let weight = match &rq.weight {
            None => 1.0,
            Some(w) => {
                let value = *w.get_ref();
                if !(value.is_finite() && value > 0.0) {
                    self.err(w.span(), Problem::BadWeight { weight: value });
                }
                if rq.subgoal.is_none() {
                    self.err(w.span(), Problem::ScoredWithoutSubgoal { reason: "weight" });
                }
                value
            }
        };
        let show_if = rq.show_if.as_ref().and_then(|s| self.show_if(s, earlier));
        let kind = kind_name.and_then(|(k, kspan)| self.kind(&k, kspan, &rq, span.clone()));

        if let Some(kind) = &kind {
            self.check_scored(kind, &rq, span.clone());
        }
        let (qid, _) = id?;
        let kind = kind?;
        let scoring = subgoal.map(|subgoal| Scoring { subgoal, weight });
        let question = Question {
            id: qid.clone(),
            text: text?,
            help: rq.help.map(Spanned::into_inner),
            required: rq.required.map(Spanned::into_inner).unwrap_or(false),
            allow_na: rq.allow_na.map(Spanned::into_inner).unwrap_or(false),
            scoring,
            show_if,
            kind,
        };
        let choice_ids = question.is_choice().then(|| question.choices().into_iter().map(|c| c.id).collect());
        earlier.choice_ids.insert(qid, choice_ids);
        Some(question)
    }

    fn show_if(&mut self, raw: &Spanned<super::raw::RawShowIf>, earlier: &Earlier) -> Option<ShowIf> {
        let s = raw.get_ref();
        let target = s.question.get_ref();
        let Some(choice_ids) = earlier.choice_ids.get(target) else {
            let problem = if earlier.all_ids.contains(target) {
                Problem::ShowIfLaterQuestion { question: target.clone() }
            } else {
                Problem::ShowIfUnknownQuestion { question: target.clone() }
            };
            self.err(s.question.span(), problem);
            return None;
        };
        let Some(choice_ids) = choice_ids else {
            self.err(s.question.span(), Problem::ShowIfNotChoice { question: target.clone() });
            return None;
        };
        if s.any_of.get_ref().is_empty() {
            self.err(s.any_of.span(), Problem::EmptyValue { key: "any_of" });
            return None;
        }
        let mut ok = true;
        for option in s.any_of.get_ref() {
            if !choice_ids.contains(option.get_ref()) {
                self.err(
                    option.span(),
                    Problem::ShowIfUnknownOption { question: target.clone(), option: option.get_ref().clone() },
                );
                ok = false;
            }
        }
        ok.then(|| ShowIf {
            question: target.clone(),
            any_of: s.any_of.get_ref().iter().map(|o| o.get_ref().clone()).collect(),
        })
    }

    fn kind(&mut self, name: &str, kspan: Range<usize>, rq: &RawQuestion, span: Range<usize>) -> Option<QuestionKind> {
        // Keys that belong to other kinds are rejected so a typo'd kind cannot silently drop them.
        let present: [(&'static str, Option<Range<usize>>); 8] = [
            ("options", rq.options.as_ref().map(|v| v.span())),
            ("rubric", rq.rubric.as_ref().map(|v| v.span())),
            ("yes_level", rq.yes_level.as_ref().map(|v| v.span())),
            ("no_level", rq.no_level.as_ref().map(|v| v.span())),
            ("unit", rq.unit.as_ref().map(|v| v.span())),
            ("min", rq.min.as_ref().map(|v| v.span())),
            ("max", rq.max.as_ref().map(|v| v.span())),
            ("thresholds", rq.thresholds.as_ref().map(|v| v.span())),
        ];
        let allowed: &[&str] = match name {
            "single" | "multi" => &["options"],
            "scale" => &["rubric"],
            "yesno" => &["yes_level", "no_level"],
            "number" => &["unit", "min", "max", "thresholds"],
            "text" => &[],
            _ => {
                self.err(kspan, Problem::UnknownKind { kind: name.to_string() });
                return None;
            }
        };
        for (key, at) in present {
            if let Some(at) = at
                && !allowed.contains(&key)
            {
                self.err(at, Problem::KeyNotForKind { key, kind: name.to_string() });
            }
        }
        match name {
            "single" | "multi" => {
                let options = self.options(rq.options.as_ref(), span)?;
                Some(if name == "single" { QuestionKind::Single { options } } else { QuestionKind::Multi { options } })
            }
            "scale" => {
                let Some(rubric) = &rq.rubric else {
                    self.err(span, Problem::MissingKey { key: "rubric" });
                    return None;
                };
                let lines: Vec<String> = rubric.get_ref().iter().map(|l| l.get_ref().trim().to_string()).collect();
                if lines.len() != 5 || lines.iter().any(String::is_empty) {
                    let found = lines.iter().filter(|l| !l.is_empty()).count();
                    self.err(rubric.span(), Problem::RubricCount { found });
                    return None;
                }
                let rubric: [String; 5] = lines.try_into().ok()?;
                Some(QuestionKind::Scale { rubric })
            }
            "yesno" => Some(QuestionKind::YesNo {
                yes_level: rq.yes_level.as_ref().and_then(|l| self.level(l)),
                no_level: rq.no_level.as_ref().and_then(|l| self.level(l)),
            }),
            "number" => {
                let min = rq.min.as_ref().map(|m| *m.get_ref());
                let max = rq.max.as_ref().map(|m| *m.get_ref());
                if let (Some(lo), Some(hi), Some(at)) = (min, max, rq.min.as_ref()) {
                    if lo > hi {
                        self.err(at.span(), Problem::MinAboveMax { min: lo, max: hi });
                    }
                }
                let thresholds = self.thresholds(rq.thresholds.as_ref());
                Some(QuestionKind::Number { unit: rq.unit.as_ref().map(|u| u.get_ref().clone()), min, max, thresholds })
            }
            _ => Some(QuestionKind::Text),
        }
    }

    fn options(
        &mut self,
        raw: Option<&Spanned<Vec<Spanned<RawOption>>>>,
        span: Range<usize>,
    ) -> Option<Vec<ChoiceOption>> {
        let Some(raw) = raw else {
            self.err(span, Problem::MissingKey { key: "options" });
            return None;
        };
        if raw.get_ref().is_empty() {
            self.err(raw.span(), Problem::EmptyOptions);
            return None;
        }
        let mut seen = HashMap::new();
        let mut options = Vec::new();
        for o in raw.get_ref() {
            let o = o.get_ref();
            let id = o.id.get_ref();
            if !is_valid_id(id) {
                self.err(o.id.span(), Problem::BadId { id: id.clone() });
            } else if id == DONT_KNOW || id == NOT_APPLICABLE {
                self.err(o.id.span(), Problem::ReservedOptionId { id: id.clone() });
            } else {
                self.unique("option", id, o.id.span(), &mut seen);
            }
            if o.label.get_ref().trim().is_empty() {
                self.err(o.label.span(), Problem::EmptyValue { key: "label" });
            }
            let level = o.level.as_ref().and_then(|l| self.level(l));
            options.push(ChoiceOption { id: id.clone(), label: o.label.get_ref().clone(), level });
        }
        Some(options)
    }

    fn thresholds(&mut self, raw: Option<&Spanned<Vec<Spanned<RawThreshold>>>>) -> Vec<Threshold> {
        let Some(raw) = raw else { return Vec::new() };
        let mut out: Vec<Threshold> = Vec::new();
        let mut previous: Option<(f64, i64)> = None;
        for t in raw.get_ref() {
            let t = t.get_ref();
            let at_least = *t.at_least.get_ref();
            let level = *t.level.get_ref();
            if let Some((prev_at, prev_level)) = previous {
                if at_least <= prev_at {
                    self.err(t.at_least.span(), Problem::ThresholdsNotIncreasing { previous: prev_at, this: at_least });
                }
                if level < prev_level {
                    self.err(t.level.span(), Problem::LevelsDecreasing { previous: prev_level, this: level });
                }
            }
            previous = Some((at_least, level));
            if let Some(level) = self.level(&t.level) {
                out.push(Threshold { at_least, level });
            }
        }
        if raw.get_ref().is_empty() {
            self.err(raw.span(), Problem::EmptyValue { key: "thresholds" });
        }
        out
    }

    /// A question that carries scoring information must say which sub-goal it scores, and a
    /// scored question must carry enough information to produce a level for every answer.
    fn check_scored(&mut self, kind: &QuestionKind, rq: &RawQuestion, span: Range<usize>) {
        let scored = rq.subgoal.is_some();
        let at = rq.kind.as_ref().map(|k| k.span()).unwrap_or(span.clone());
        match kind {
            QuestionKind::Text if scored => {
                let at = rq.subgoal.as_ref().map(|s| s.span()).unwrap_or(at);
                self.err(at, Problem::TextScored);
            }
            QuestionKind::Scale { .. } if !scored => self.err(at, Problem::ScoredWithoutSubgoal { reason: "scale" }),
            QuestionKind::Single { options } | QuestionKind::Multi { options } => {
                let any_level = options.iter().any(|o| o.level.is_some());
                if any_level && !scored {
                    self.err(at.clone(), Problem::ScoredWithoutSubgoal { reason: "level" });
                }
                if scored && matches!(kind, QuestionKind::Single { .. }) {
                    // Read the raw options: one with an out-of-range level is already reported.
                    let raw = rq.options.as_ref().map(|o| o.get_ref().as_slice()).unwrap_or_default();
                    for o in raw.iter().map(|o| o.get_ref()).filter(|o| o.level.is_none()) {
                        let option = o.id.get_ref().clone();
                        self.err(o.id.span(), Problem::OptionWithoutLevel { option });
                    }
                }
            }
            QuestionKind::YesNo { yes_level, no_level } => {
                if (yes_level.is_some() || no_level.is_some()) && !scored {
                    self.err(at, Problem::ScoredWithoutSubgoal { reason: "level" });
                } else if scored && (yes_level.is_none() || no_level.is_none()) {
                    self.err(
                        at,
                        Problem::MissingKey { key: if yes_level.is_none() { "yes_level" } else { "no_level" } },
                    );
                }
            }
            QuestionKind::Number { thresholds, .. } => {
                if !thresholds.is_empty() && !scored {
                    self.err(at, Problem::ScoredWithoutSubgoal { reason: "thresholds" });
                } else if scored && rq.thresholds.is_none() {
                    self.err(at, Problem::MissingKey { key: "thresholds" });
                }
            }
            _ => {}
        }
    }
}
