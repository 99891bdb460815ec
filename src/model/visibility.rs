//! Which questions are shown, given the answers so far (`show_if`).

use super::{AnswerValue, Questionnaire};
use std::collections::{HashMap, HashSet};

/// Answers keyed by question id. The keys are short ids we write ourselves, so a fast
/// non-cryptographic hash is safe; scoring a national comparison hashes ~50,000 of them.
pub type Answers = HashMap<String, AnswerValue, rustc_hash::FxBuildHasher>;

/// Visibility per question, in interview order. A question is visible when it has no `show_if`,
/// or when the question it names is itself visible and its answer contains one of the listed
/// options. A hidden question keeps its stored answer (nothing is deleted), but that answer
/// neither counts nor shows. Allocation-light: the start screen runs this for every interview.
pub fn visible_mask(q: &Questionnaire, answers: &Answers) -> Vec<bool> {
    let questions: Vec<&super::Question> = q.questions().collect();
    let mut mask = Vec::with_capacity(questions.len());
    for (i, question) in questions.iter().enumerate() {
        let shown = match &question.show_if {
            None => true,
            // Validation guarantees show_if names an earlier question, so its visibility is known.
            Some(cond) => questions[..i].iter().rposition(|x| x.id == cond.question).is_some_and(|j| {
                mask[j]
                    && answers.get(&cond.question).is_some_and(|a| a.chosen().iter().any(|id| cond.any_of.contains(id)))
            }),
        };
        mask.push(shown);
    }
    mask
}

/// The ids of the visible questions (see `visible_mask`).
pub fn visible_ids(q: &Questionnaire, answers: &Answers) -> HashSet<String> {
    q.questions().zip(visible_mask(q, answers)).filter(|(_, v)| *v).map(|(x, _)| x.id.clone()).collect()
}

/// (answered, visible): how many visible questions have an answer ("Vet ej" counts as answered:
/// the question was asked).
pub fn progress(q: &Questionnaire, answers: &Answers) -> (usize, usize) {
    let mask = visible_mask(q, answers);
    let visible = q.questions().zip(&mask).filter(|(_, v)| **v);
    visible.fold((0, 0), |(a, n), (x, _)| (a + usize::from(answers.contains_key(&x.id)), n + 1))
}

/// The first visible question without an answer, in interview order: where a resumed interview
/// continues.
pub fn first_unanswered<'a>(q: &'a Questionnaire, answers: &Answers) -> Option<&'a super::Question> {
    let mask = visible_mask(q, answers);
    q.questions().zip(mask).find(|(x, v)| *v && !answers.contains_key(&x.id)).map(|(x, _)| x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::questionnaire::parse_str;

    const SRC: &str = r#"
id = "t"
version = "1"
title = "T"
language = "sv"
[[sections]]
id = "s"
title = "S"
[[sections.questions]]
id = "a"
kind = "yesno"
text = "A?"
[[sections.questions]]
id = "b"
kind = "single"
text = "B?"
show_if = { question = "a", any_of = ["ja"] }
options = [{ id = "x", label = "X" }, { id = "y", label = "Y" }]
[[sections.questions]]
id = "c"
kind = "text"
text = "C?"
show_if = { question = "b", any_of = ["y"] }
"#;

    fn choice(id: &str) -> AnswerValue {
        AnswerValue::Choice(vec![id.into()])
    }

    #[test]
    fn show_if_is_transitive() {
        let q = parse_str("t.toml", SRC).unwrap();
        let mut answers = Answers::default();
        assert_eq!(visible_ids(&q, &answers), HashSet::from(["a".to_string()]));
        answers.insert("a".into(), choice("ja"));
        answers.insert("b".into(), choice("y"));
        assert_eq!(visible_ids(&q, &answers).len(), 3);
        // Hiding b hides c even though b's stored answer would still show it.
        answers.insert("a".into(), choice("nej"));
        assert_eq!(visible_ids(&q, &answers), HashSet::from(["a".to_string()]));
        answers.insert("a".into(), AnswerValue::DontKnow);
        assert_eq!(visible_ids(&q, &answers), HashSet::from(["a".to_string()]));
    }
}
