//! Properties of the scoring rules over generated questionnaires and answers.

use super::*;
use crate::load::questionnaire::parse_str;
use crate::model::AnswerValue;
use proptest::prelude::*;
use std::fmt::Write;

/// One generated scale question: sub-goal, weight, and whether it hangs on the gate question.
#[derive(Debug, Clone)]
struct Spec {
    subgoal: usize,
    weight: f64,
    gated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Ans {
    Missing,
    Level(u8),
    DontKnow,
    NotApplicable,
}

impl Ans {
    fn value(self) -> Option<AnswerValue> {
        match self {
            Ans::Missing => None,
            Ans::Level(l) => Some(AnswerValue::Choice(vec![l.to_string()])),
            Ans::DontKnow => Some(AnswerValue::DontKnow),
            Ans::NotApplicable => Some(AnswerValue::NotApplicable),
        }
    }
}

fn spec() -> impl Strategy<Value = Spec> {
    // Halves and whole numbers, plus a weight that is inexact in binary, to exercise rounding.
    let weight = prop::sample::select(vec![0.5, 1.0, 1.5, 2.0, 3.0, 0.1]);
    (0..5usize, weight, prop::bool::weighted(0.3)).prop_map(|(subgoal, weight, gated)| Spec { subgoal, weight, gated })
}

fn ans() -> impl Strategy<Value = Ans> {
    prop_oneof![
        2 => Just(Ans::Missing),
        5 => (0u8..=4).prop_map(Ans::Level),
        1 => Just(Ans::DontKnow),
        1 => Just(Ans::NotApplicable),
    ]
}

/// The gate answer: yes opens the gated questions; anything else keeps them hidden.
fn gate() -> impl Strategy<Value = Option<AnswerValue>> {
    prop_oneof![
        Just(None),
        Just(Some(AnswerValue::Choice(vec!["ja".into()]))),
        Just(Some(AnswerValue::Choice(vec!["nej".into()]))),
        Just(Some(AnswerValue::DontKnow)),
    ]
}

fn case() -> impl Strategy<Value = (Vec<(Spec, Ans)>, Option<AnswerValue>)> {
    (prop::collection::vec((spec(), ans()), 1..12), gate())
}

/// A questionnaire of a scored yes/no gate followed by the given scale questions `q0`, `q1`, ….
fn build(specs: &[Spec]) -> Questionnaire {
    let mut src = String::from(
        "id = \"p\"\nversion = \"1\"\ntitle = \"P\"\nlanguage = \"sv\"\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n\
         [[sections.questions]]\nid = \"gate\"\nkind = \"yesno\"\ntext = \"?\"\nsubgoal = \"ledning\"\nyes_level = 4\nno_level = 0\n",
    );
    for (i, s) in specs.iter().enumerate() {
        let _ = write!(
            src,
            "[[sections.questions]]\nid = \"q{i}\"\nkind = \"scale\"\ntext = \"?\"\nsubgoal = \"{}\"\nweight = {:?}\nallow_na = true\nrubric = [\"0\", \"1\", \"2\", \"3\", \"4\"]\n",
            SubGoal::ALL[s.subgoal],
            s.weight
        );
        if s.gated {
            src.push_str("show_if = { question = \"gate\", any_of = [\"ja\"] }\n");
        }
    }
    parse_str("p.toml", &src).unwrap()
}

fn answers_of(items: &[Ans], gate: &Option<AnswerValue>) -> Answers {
    let mut out = Answers::default();
    if let Some(g) = gate {
        out.insert("gate".into(), g.clone());
    }
    for (i, a) in items.iter().enumerate() {
        if let Some(v) = a.value() {
            out.insert(format!("q{i}"), v);
        }
    }
    out
}

fn split(case: &[(Spec, Ans)]) -> (Vec<Spec>, Vec<Ans>) {
    case.iter().cloned().unzip()
}

fn assert_same_scores(a: &InterviewScore, b: &InterviewScore) -> Result<(), TestCaseError> {
    for g in SubGoal::ALL {
        let (x, y) = (a.get(g), b.get(g));
        match (x.score, y.score) {
            (Some(p), Some(q)) => prop_assert!((p - q).abs() < 1e-9, "{g}: {p} vs {q}"),
            (p, q) => prop_assert_eq!(p, q, "{}", g),
        }
        prop_assert!((x.coverage - y.coverage).abs() < 1e-9, "{g} coverage: {} vs {}", x.coverage, y.coverage);
    }
    Ok(())
}

proptest! {
    #[test]
    fn scores_stay_within_0_to_100((case, gate) in case()) {
        let (specs, items) = split(&case);
        let s = score_interview(&build(&specs), &answers_of(&items, &gate));
        for g in &s.subgoals {
            if let Some(x) = g.score {
                prop_assert!((0.0..=100.0).contains(&x), "{x}");
                prop_assert_eq!(g.band, Some(Band::of(x)));
            }
            prop_assert!((0.0..=1.0).contains(&g.coverage));
            prop_assert_eq!(g.uncertain, g.coverage < UNCERTAIN_BELOW);
            prop_assert!(g.answered_weight <= g.visible_weight + 1e-9);
        }
        if let Some(i) = s.index {
            prop_assert!((0.0..=100.0).contains(&i));
        }
    }

    #[test]
    fn dont_know_on_an_unanswered_question_changes_coverage_only(
        (case, gate) in case(),
        pick in any::<prop::sample::Index>(),
    ) {
        let (specs, items) = split(&case);
        let q = build(&specs);
        let before_answers = answers_of(&items, &gate);
        let unanswered: Vec<String> = q.questions().map(|x| x.id.clone()).filter(|id| !before_answers.contains_key(id)).collect();
        prop_assume!(!unanswered.is_empty());
        let id = unanswered[pick.index(unanswered.len())].clone();
        let mut after_answers = before_answers.clone();
        after_answers.insert(id, AnswerValue::DontKnow);
        let (before, after) = (score_interview(&q, &before_answers), score_interview(&q, &after_answers));
        for g in SubGoal::ALL {
            prop_assert_eq!(before.get(g).score, after.get(g).score, "{}", g);
            prop_assert!(after.get(g).coverage <= before.get(g).coverage);
        }
        prop_assert_eq!(before.index, after.index);
    }

    #[test]
    fn raising_a_level_never_lowers_its_subgoal(
        (case, gate) in case(),
        pick in any::<prop::sample::Index>(),
        raise in 1u8..=4,
    ) {
        let (specs, items) = split(&case);
        let i = pick.index(items.len());
        let Ans::Level(old) = items[i] else { return Ok(()) };
        let mut raised = items.clone();
        raised[i] = Ans::Level((old + raise).min(4));
        let q = build(&specs);
        let before = score_interview(&q, &answers_of(&items, &gate));
        let after = score_interview(&q, &answers_of(&raised, &gate));
        let g = SubGoal::ALL[specs[i].subgoal];
        match (before.get(g).score, after.get(g).score) {
            (Some(b), Some(a)) => prop_assert!(a >= b - 1e-9, "{g}: {b} → {a}"),
            // Raising an answer never changes which questions count.
            (b, a) => prop_assert_eq!(b, a),
        }
        for other in SubGoal::ALL.into_iter().filter(|o| *o != g) {
            prop_assert_eq!(before.get(other), after.get(other));
        }
    }

    #[test]
    fn a_weight_2_question_counts_as_two_weight_1_questions(
        (case, gate) in case(),
        subgoal in 0..5usize,
        gated in any::<bool>(),
        answer in ans(),
    ) {
        let (mut specs, mut items) = split(&case);
        let mut doubled = specs.clone();
        let mut doubled_items = items.clone();
        specs.push(Spec { subgoal, weight: 2.0, gated });
        items.push(answer);
        for _ in 0..2 {
            doubled.push(Spec { subgoal, weight: 1.0, gated });
            doubled_items.push(answer);
        }
        let one = score_interview(&build(&specs), &answers_of(&items, &gate));
        let two = score_interview(&build(&doubled), &answers_of(&doubled_items, &gate));
        assert_same_scores(&one, &two)?;
    }
}
