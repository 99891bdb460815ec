//! Which questions are shown, given the answers so far (`show_if`).

use super::{AnswerValue, Questionnaire};
use std::collections::{HashMap, HashSet};

/// Answers keyed by question id.
pub type Answers = HashMap<String, AnswerValue>;

/// The ids of the visible questions. A question is visible when it has no `show_if`, or when the
/// question it names is itself visible and its answer contains one of the listed options. A hidden
/// question keeps its stored answer (nothing is deleted), but that answer neither counts nor shows.
pub fn visible_ids(q: &Questionnaire, answers: &Answers) -> HashSet<String> {
    let mut visible = HashSet::new();
    // Validation guarantees show_if points to an earlier question, so one pass in order suffices.
    for question in q.questions() {
        let shown = match &question.show_if {
            None => true,
            Some(cond) => {
                visible.contains(&cond.question)
                    && answers.get(&cond.question).is_some_and(|a| a.chosen().iter().any(|id| cond.any_of.contains(id)))
            }
        };
        if shown {
            visible.insert(question.id.clone());
        }
    }
    visible
}

/// (answered, visible): how many visible questions have an answer ("Vet ej" counts as answered:
/// the question was asked).
pub fn progress(q: &Questionnaire, answers: &Answers) -> (usize, usize) {
    let visible = visible_ids(q, answers);
    let answered = visible.iter().filter(|id| answers.contains_key(*id)).count();
    (answered, visible.len())
}

/// The first visible question without an answer, in interview order: where a resumed interview
/// continues.
pub fn first_unanswered<'a>(q: &'a Questionnaire, answers: &Answers) -> Option<&'a super::Question> {
    let visible = visible_ids(q, answers);
    q.questions().find(|x| visible.contains(&x.id) && !answers.contains_key(&x.id))
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
        let mut answers = Answers::new();
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
