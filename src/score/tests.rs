//! Hand-computed scores on small questionnaires.

use super::*;
use crate::load::questionnaire::parse_str;
use crate::model::AnswerValue;

const HEAD: &str =
    "id = \"t\"\nversion = \"1\"\ntitle = \"T\"\nlanguage = \"sv\"\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n";

/// The README example: A (weight 2), B (weight 1), C (weight 1) in D-ledning, plus a gate and
/// a gated question in D-kompetens.
fn questionnaire() -> Questionnaire {
    let body = r#"
[[sections.questions]]
id = "a"
kind = "scale"
text = "A?"
subgoal = "ledning"
weight = 2.0
rubric = ["0", "1", "2", "3", "4"]
[[sections.questions]]
id = "b"
kind = "scale"
text = "B?"
subgoal = "ledning"
rubric = ["0", "1", "2", "3", "4"]
[[sections.questions]]
id = "c"
kind = "scale"
text = "C?"
subgoal = "ledning"
allow_na = true
rubric = ["0", "1", "2", "3", "4"]
[[sections.questions]]
id = "gate"
kind = "yesno"
text = "Gate?"
[[sections.questions]]
id = "gated"
kind = "scale"
text = "Gated?"
subgoal = "kompetens"
weight = 3.0
show_if = { question = "gate", any_of = ["ja"] }
rubric = ["0", "1", "2", "3", "4"]
[[sections.questions]]
id = "k"
kind = "scale"
text = "K?"
subgoal = "kompetens"
rubric = ["0", "1", "2", "3", "4"]
"#;
    parse_str("t.toml", &format!("{HEAD}{body}")).unwrap()
}

fn level(l: u8) -> AnswerValue {
    AnswerValue::Choice(vec![l.to_string()])
}

fn answers(pairs: &[(&str, AnswerValue)]) -> Answers {
    pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn readme_example_weights_numerator_and_denominator() {
    let q = questionnaire();
    let s = score_interview(&q, &answers(&[("a", level(3)), ("b", level(2)), ("c", AnswerValue::DontKnow)]));
    let l = s.get(SubGoal::Ledning);
    // 25 × (2·3 + 1·2) / (2 + 1) = 200 / 3
    assert!(close(l.score.unwrap(), 200.0 / 3.0));
    assert_eq!((l.answered_weight, l.visible_weight), (3.0, 4.0));
    assert!(close(l.coverage, 0.75));
    assert!(!l.uncertain);
    assert_eq!(l.band, Some(Band::Utvecklad));
}

#[test]
fn not_applicable_and_unanswered_lower_coverage_only() {
    let q = questionnaire();
    let s = score_interview(&q, &answers(&[("a", level(4)), ("c", AnswerValue::NotApplicable)]));
    let l = s.get(SubGoal::Ledning);
    assert_eq!(l.score, Some(100.0));
    // answered 2 of visible 2 + 1 + 1
    assert!(close(l.coverage, 0.5));
    assert!(!l.uncertain, "exactly 50 % is not below 50 %");
    let s = score_interview(&q, &answers(&[("b", level(0))]));
    let l = s.get(SubGoal::Ledning);
    assert_eq!(l.score, Some(0.0));
    assert!(close(l.coverage, 0.25));
    assert!(l.uncertain);
    assert_eq!(l.band, Some(Band::Startlage));
}

#[test]
fn hidden_questions_count_neither_in_score_nor_coverage() {
    let q = questionnaire();
    // The gate is unanswered, so `gated` is hidden even though it has a stored answer.
    let s = score_interview(&q, &answers(&[("gated", level(4)), ("k", level(1))]));
    let k = s.get(SubGoal::Kompetens);
    assert_eq!((k.score, k.coverage, k.visible_weight), (Some(25.0), 1.0, 1.0));
    // Opening the gate shows it: 25 × (3·4 + 1·1) / 4 = 81.25, coverage 4 / 4.
    let s = score_interview(&q, &answers(&[("gate", yes()), ("gated", level(4)), ("k", level(1))]));
    let k = s.get(SubGoal::Kompetens);
    assert_eq!((k.score, k.coverage, k.visible_weight), (Some(81.25), 1.0, 4.0));
    // Open but unanswered: it lowers coverage to 1 / 4.
    let s = score_interview(&q, &answers(&[("gate", yes()), ("k", level(1))]));
    let k = s.get(SubGoal::Kompetens);
    assert_eq!((k.score, k.coverage), (Some(25.0), 0.25));
    assert!(k.uncertain);
}

fn yes() -> AnswerValue {
    AnswerValue::Choice(vec!["ja".into()])
}

#[test]
fn no_answered_weight_means_no_score() {
    let q = questionnaire();
    let s = score_interview(&q, &answers(&[("a", AnswerValue::DontKnow), ("b", AnswerValue::DontKnow)]));
    let l = s.get(SubGoal::Ledning);
    assert_eq!((l.score, l.band, l.coverage, l.answered_weight), (None, None, 0.0, 0.0));
    assert!(l.uncertain);
    // Sub-goals without any question in this questionnaire.
    let t = s.get(SubGoal::Trygghet);
    assert_eq!((t.score, t.coverage, t.visible_weight), (None, 0.0, 0.0));
    assert_eq!(s.index, None);
    assert_eq!(s.index_band, None);
}

#[test]
fn index_is_the_mean_of_the_scores_that_exist() {
    let q = questionnaire();
    let s = score_interview(&q, &answers(&[("a", level(4)), ("b", level(4)), ("c", level(4)), ("k", level(2))]));
    assert_eq!(s.get(SubGoal::Ledning).score, Some(100.0));
    assert_eq!(s.get(SubGoal::Kompetens).score, Some(50.0));
    // (100 + 50) / 2; three sub-goals have no score, so the index is flagged.
    assert_eq!(s.index, Some(75.0));
    assert_eq!(s.index_band, Some(Band::Utvecklad));
    assert!(s.index_uncertain);
    assert_eq!(SubGoal::ALL.map(|g| s.get(g).subgoal), SubGoal::ALL);
}

#[test]
fn index_is_certain_only_when_all_five_are() {
    let src = SubGoal::ALL
        .iter()
        .map(|g| {
            format!(
                "[[sections.questions]]\nid = \"{g}\"\nkind = \"scale\"\ntext = \"?\"\nsubgoal = \"{g}\"\nrubric = [\"0\", \"1\", \"2\", \"3\", \"4\"]\n"
            )
        })
        .collect::<String>();
    let q = parse_str("t.toml", &format!("{HEAD}{src}")).unwrap();
    let all: Answers =
        SubGoal::ALL.iter().zip([0u8, 1, 2, 3, 4]).map(|(g, l)| (g.id().to_string(), level(l))).collect();
    let s = score_interview(&q, &all);
    // (0 + 25 + 50 + 75 + 100) / 5
    assert_eq!(s.index, Some(50.0));
    assert!(!s.index_uncertain);
    let mut four = all.clone();
    four.insert("ledning".into(), AnswerValue::DontKnow);
    let s = score_interview(&q, &four);
    // (0 + 25 + 50 + 100) / 4
    assert_eq!(s.index, Some(43.75));
    assert!(s.index_uncertain);
}

#[test]
fn serialises_with_lowercase_ids() {
    let q = questionnaire();
    let s = score_interview(&q, &answers(&[("a", level(2))]));
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["subgoals"][3]["subgoal"], "ledning");
    assert_eq!(json["subgoals"][3]["band"], "etablerad");
    assert_eq!(json["subgoals"][0]["score"], serde_json::Value::Null);
}
