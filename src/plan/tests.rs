//! Planning with hand-computed expectations. The questionnaire and catalogue below are small
//! enough to score on paper; every number in an assertion is derived in the comment beside it.

use super::*;
use crate::compare::{Scored, Selection, compare_municipalities, summarise};
use crate::model::AnswerValue;
use crate::model::roadmap::Horizon;
use crate::score::score_interview;

const QUESTIONNAIRE: &str = r#"
id = "t"
version = "1"
title = "T"
language = "sv"
[[sections]]
id = "s"
title = "Avsnitt"
[[sections.questions]]
id = "strategi"
kind = "single"
text = "Har ni en strategi?"
subgoal = "ledning"
options = [{ id = "nej", label = "Nej – vi har ingen", level = 0 }, { id = "ja", label = "Ja", level = 2 }, { id = "beslutad", label = "Den är beslutad", level = 4 }]
[[sections.questions]]
id = "led_a"
kind = "scale"
text = "Ledning A?"
subgoal = "ledning"
rubric = ["l0", "l1", "l2", "l3", "l4"]
[[sections.questions]]
id = "led_b"
kind = "scale"
text = "Ledning B?"
subgoal = "ledning"
rubric = ["l0", "l1", "l2", "l3", "l4"]
[[sections.questions]]
id = "komp_a"
kind = "scale"
text = "Kompetens A?"
subgoal = "kompetens"
rubric = ["k0", "k1", "k2", "k3", "k4"]
[[sections.questions]]
id = "komp_b"
kind = "scale"
text = "Kompetens B?"
subgoal = "kompetens"
rubric = ["k0", "k1", "k2", "k3", "k4"]
[[sections.questions]]
id = "tryg_a"
kind = "scale"
text = "Trygghet A?"
subgoal = "trygghet"
rubric = ["t0", "t1", "t2", "t3", "t4"]
[[sections.questions]]
id = "bredband"
kind = "number"
text = "Andel med bredband?"
subgoal = "infrastruktur"
allow_na = true
unit = "%"
thresholds = [{ at_least = 90, level = 2 }, { at_least = 98, level = 4 }]
[[sections.questions]]
id = "behov"
kind = "multi"
text = "Behov av samordning?"
options = [{ id = "e_arkiv", label = "E-arkiv" }, { id = "iot", label = "IoT" }]
[[sections.questions]]
id = "funktion"
kind = "yesno"
text = "Finns en strategisk funktion?"
[[sections.questions]]
id = "titel"
kind = "single"
text = "Vad heter den?"
show_if = { question = "funktion", any_of = ["ja"] }
options = [{ id = "a", label = "IT-chef" }, { id = "b", label = "IT-strateg" }]
"#;

const CATALOGUE: &str = r#"
id = "c"
version = "1"
title = "C"
questionnaire = "t"
[[entries]]
id = "e_strategi"
subgoal = "ledning"
inriktning = "Strategi."
motiv = "M."
atgarder = ["A."]
aktorer = ["kommunledningen"]
horizon = "0-6"
joint_work = "egen"
[entries.rule]
answers = [{ question = "strategi", any_of = ["nej"] }]
[[entries]]
id = "e_ledning_score"
subgoal = "ledning"
inriktning = "Ledning."
motiv = "M."
atgarder = ["A."]
aktorer = ["kommunledningen"]
horizon = "6-18"
joint_work = "samordning"
[entries.rule]
score_below = 50
[[entries]]
id = "e_komp"
subgoal = "kompetens"
inriktning = "Kompetens."
motiv = "M."
atgarder = ["A."]
aktorer = ["Regionen"]
horizon = "18-36"
joint_work = "samutveckling"
[entries.rule]
score_below = 60
answers = [{ question = "komp_a", any_of = ["0", "1"] }]
combine = "all"
[[entries]]
id = "e_arkiv"
subgoal = "trygghet"
inriktning = "E-arkiv."
motiv = "M."
atgarder = ["A."]
aktorer = ["Kommunförbundet"]
horizon = "6-18"
joint_work = "samutveckling"
[entries.rule]
answers = [{ question = "behov", any_of = ["e_arkiv"] }]
[[entries]]
id = "e_bredband"
subgoal = "infrastruktur"
inriktning = "Bredband."
motiv = "M."
atgarder = ["A."]
aktorer = ["stadsnätet"]
horizon = "18-36"
joint_work = "samverkan"
[entries.rule]
answers = [{ question = "bredband", below = 98 }]
[[entries]]
id = "e_innov"
subgoal = "innovation"
inriktning = "Innovation."
motiv = "M."
atgarder = ["A."]
aktorer = ["Regionen"]
horizon = "0-6"
joint_work = "samverkan"
[entries.rule]
score_below = 100
[[entries]]
id = "e_titel"
subgoal = "ledning"
inriktning = "Titel."
motiv = "M."
atgarder = ["A."]
aktorer = ["kommunledningen"]
horizon = "0-6"
joint_work = "egen"
[entries.rule]
answers = [{ question = "titel", any_of = ["a"] }]
"#;

fn questionnaire() -> Questionnaire {
    crate::load::questionnaire::parse_str("t.toml", QUESTIONNAIRE).expect("test questionnaire")
}

fn catalogue(q: &Questionnaire) -> Catalogue {
    crate::load::roadmap::parse_str("c.toml", CATALOGUE, |id| (id == "t").then_some(q)).expect("test catalogue")
}

fn answers(pairs: &[(&str, &str)], q: &Questionnaire) -> Answers {
    pairs
        .iter()
        .map(|(id, v)| {
            let question = q.question(id).expect("question in test questionnaire");
            (id.to_string(), AnswerValue::parse(question, v).expect("valid test value"))
        })
        .collect()
}

/// Municipality A (1201), scored by hand:
/// - ledning: strategi nej (0), led_a 1, led_b 1 → mean 2/3 → 16.67
/// - kompetens: 0 and 2 → 25; trygghet: 2 → 50; infrastruktur: 95 % → level 2 → 50
/// - innovation: no question → no score
fn a(q: &Questionnaire) -> Answers {
    answers(
        &[
            ("strategi", "nej"),
            ("led_a", "1"),
            ("led_b", "1"),
            ("komp_a", "0"),
            ("komp_b", "2"),
            ("tryg_a", "2"),
            ("bredband", "95"),
            ("behov", "e_arkiv,iot"),
            ("funktion", "nej"),
            // Hidden (funktion is "nej"): must not select e_titel.
            ("titel", "a"),
        ],
        q,
    )
}

/// B (1202): ledning (4+3+3)/3·25 = 83.33; kompetens 50; trygghet 75; infrastruktur 99 % → 100.
fn b(q: &Questionnaire) -> Answers {
    let pairs = [
        ("strategi", "beslutad"),
        ("led_a", "3"),
        ("led_b", "3"),
        ("komp_a", "2"),
        ("komp_b", "2"),
        ("tryg_a", "3"),
        ("bredband", "99"),
        ("behov", "e_arkiv"),
    ];
    answers(&pairs, q)
}

/// C (1203): ledning 50; kompetens 25; trygghet 25; infrastruktur 99 % → 100.
fn c(q: &Questionnaire) -> Answers {
    let pairs = [
        ("strategi", "ja"),
        ("led_a", "2"),
        ("led_b", "2"),
        ("komp_a", "1"),
        ("komp_b", "1"),
        ("tryg_a", "1"),
        ("bredband", "99"),
        ("behov", "iot"),
    ];
    answers(&pairs, q)
}

fn scored(code: &str, q: &Questionnaire, answers: &Answers) -> Scored {
    Scored {
        municipality_code: code.into(),
        round: "2024".into(),
        interview_id: format!("iv-{code}"),
        score: score_interview(q, answers),
        demo: false,
    }
}

fn info() -> InterviewInfo {
    InterviewInfo { interviewer: "Anna".into(), respondents: "IT-chef".into(), date: "2024-03-01".into() }
}

/// Plans every municipality of `set` against all of them (medians over the county).
fn plan_all(set: &[(&str, Answers)], q: &Questionnaire, cat: &Catalogue) -> Vec<MunicipalityRoadmap> {
    let all: Vec<Scored> = set.iter().map(|(code, ans)| scored(code, q, ans)).collect();
    let standings = compare_municipalities(&all, &[], "2024", &Selection::All);
    let notes = Notes::new();
    let info = info();
    set.iter()
        .map(|(code, ans)| {
            let standing = standings.iter().find(|s| s.municipality_code == *code).expect("standing");
            let input = Input { standing, info: &info, questionnaire: q, answers: ans, notes: &notes };
            municipality_roadmap(cat, &input)
        })
        .collect()
}

fn ids(r: &MunicipalityRoadmap) -> Vec<&str> {
    r.entries.iter().map(|e| e.entry.id.as_str()).collect()
}

#[test]
fn entries_are_selected_and_ordered_by_need() {
    let q = questionnaire();
    let cat = catalogue(&q);
    let plans = plan_all(&[("1201", a(&q)), ("1202", b(&q)), ("1203", c(&q))], &q, &cat);
    let a = &plans[0];
    // Medians: ledning [16.67, 83.33, 50] → 50; kompetens [25, 50, 25] → 25;
    // trygghet [50, 75, 25] → 50; infrastruktur [50, 100, 100] → 100.
    assert!((a.subgoal(SubGoal::Ledning).score.unwrap() - 50.0 / 3.0).abs() < 1e-9);
    assert_eq!(a.subgoal(SubGoal::Infrastruktur).county_median, Some(100.0));
    // ledning (16.67) first, strategi before the score entry by horizon; kompetens (25); then
    // infrastruktur and trygghet tie at 50, and the gap below the median decides: −50 before 0,
    // although e_bredband's horizon (18-36) is longer than e_arkiv's (6-18).
    assert_eq!(ids(a), ["e_strategi", "e_ledning_score", "e_komp", "e_bredband", "e_arkiv"]);
    assert_eq!(a.entries.iter().map(|e| e.priority).collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
    assert!(a.entries.iter().all(|e| !e.uncertain));
    // B: only e_arkiv (kompetens 50 < 60 but komp_a is 2, and "all" needs both).
    assert_eq!(ids(&plans[1]), ["e_arkiv"]);
    // C: kompetens 25 < 60 and komp_a 1; ledning 50 is not below 50.
    assert_eq!(ids(&plans[2]), ["e_komp"]);
}

#[test]
fn evidence_quotes_the_answers_that_selected_an_entry() {
    let q = questionnaire();
    let cat = catalogue(&q);
    let plans = plan_all(&[("1201", a(&q)), ("1202", b(&q)), ("1203", c(&q))], &q, &cat);
    let a = &plans[0];
    let strategi = &a.entries[0];
    assert_eq!(strategi.evidence.score_below, None, "selected by its answer only");
    assert_eq!(strategi.evidence.answers.len(), 1);
    assert_eq!(strategi.evidence.answers[0].question, "Har ni en strategi?");
    assert_eq!(strategi.evidence.answers[0].answer, Answered::Options(vec![(None, "Nej – vi har ingen".into())]));
    let komp = &a.entries[2];
    assert_eq!(komp.evidence.score_below, Some(60.0));
    assert_eq!(komp.evidence.score, Some(25.0));
    assert_eq!(komp.evidence.coverage, 1.0);
    assert_eq!(komp.evidence.county_median, Some(25.0));
    assert_eq!(komp.evidence.answers[0].answer, Answered::Options(vec![(Some(0), "k0".into())]));
    // Only the chosen option in the list is quoted, not "IoT".
    let arkiv = a.entries.iter().find(|e| e.entry.id == "e_arkiv").unwrap();
    assert_eq!(arkiv.evidence.answers[0].answer, Answered::Options(vec![(None, "E-arkiv".into())]));
    let bredband = a.entries.iter().find(|e| e.entry.id == "e_bredband").unwrap();
    assert_eq!(bredband.evidence.answers[0].answer, Answered::Number { value: 95.0, unit: Some("%".into()) });
    assert_eq!(bredband.slot.periods(), [Period::Year2, Period::Year3]);
}

#[test]
fn a_low_score_with_low_coverage_selects_only_as_uncertain() {
    let q = questionnaire();
    let cat = catalogue(&q);
    // D (1301): ledning has strategi "Vet ej", led_a 1, led_b unanswered → score 25 over a third
    // of the weight: coverage 1/3 < 50 %. kompetens and trygghet unanswered: no score.
    // bredband "Ej tillämpligt". behov "iot" only.
    let d = answers(&[("strategi", "vet-ej"), ("led_a", "1"), ("bredband", "ej-tillampligt"), ("behov", "iot")], &q);
    let plans = plan_all(&[("1301", d)], &q, &cat);
    let d = &plans[0];
    assert_eq!(ids(d), ["e_ledning_score"]);
    let e = &d.entries[0];
    assert!(e.uncertain);
    assert!(e.evidence.score_uncertain);
    assert!((e.evidence.coverage - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(d.certain().count(), 0);
}

#[test]
fn uncertain_entries_come_after_certain_ones() {
    let q = questionnaire();
    let cat = catalogue(&q);
    // ledning: led_a 0 alone → score 0 at coverage 1/3 (uncertain), selects e_ledning_score
    // through the score only. kompetens: 1 and 1 → 25 at full coverage, with komp_a 1, selects
    // e_komp. The uncertain entry has the lower score, yet comes last.
    let e = answers(&[("led_a", "0"), ("komp_a", "1"), ("komp_b", "1")], &q);
    let plans = plan_all(&[("1401", e)], &q, &cat);
    assert_eq!(ids(&plans[0]), ["e_komp", "e_ledning_score"]);
    assert!(!plans[0].entries[0].uncertain && plans[0].entries[1].uncertain);
}

#[test]
fn no_score_never_triggers_score_below() {
    let q = questionnaire();
    let cat = catalogue(&q);
    // Innovation has no question, so e_innov (score_below 100) is never selected.
    let plans = plan_all(&[("1201", a(&q))], &q, &cat);
    assert!(plans[0].subgoal(SubGoal::Innovation).score.is_none());
    assert!(!ids(&plans[0]).contains(&"e_innov"));
}

#[test]
fn key_answers_and_appendix_keep_questionnaire_order() {
    let q = questionnaire();
    let cat = catalogue(&q);
    let ans = a(&q);
    let all = [scored("1201", &q, &ans)];
    let standings = compare_municipalities(&all, &[], "2024", &Selection::All);
    let mut notes = Notes::new();
    notes.insert("led_a".into(), "  Beslut väntas i höst. ".into());
    notes.insert("led_b".into(), "   ".into());
    let info = info();
    let input = Input { standing: &standings[0], info: &info, questionnaire: &q, answers: &ans, notes: &notes };
    let r = municipality_roadmap(&cat, &input);
    let ledning: Vec<(&str, Option<u8>)> =
        r.key_answers[SubGoal::Ledning.index()].iter().map(|k| (k.question_id.as_str(), k.level)).collect();
    assert_eq!(ledning, [("strategi", Some(0)), ("led_a", Some(1)), ("led_b", Some(1))]);
    let items: Vec<&AppendixItem> = r.appendix.iter().flat_map(|s| &s.items).collect();
    // Every visible answered question (titel is hidden), with trimmed notes; blank notes dropped.
    assert_eq!(items.len(), 9);
    assert_eq!(items[1].note.as_deref(), Some("Beslut väntas i höst."));
    assert_eq!(items[2].note, None);
}

#[test]
fn the_county_roadmap_counts_shared_entries() {
    let q = questionnaire();
    let cat = catalogue(&q);
    let set = [("1201", a(&q)), ("1202", b(&q)), ("1203", c(&q))];
    let plans = plan_all(&set, &q, &cat);
    let all: Vec<Scored> = set.iter().map(|(code, ans)| scored(code, &q, ans)).collect();
    let summary = summarise(&all, &[], "2024", &Selection::County("12".into()));
    let county = county_roadmap(&cat, "12", "Skåne län", summary, &plans);
    // e_komp: A and C; e_arkiv: A and B; both count 2 and certain, so catalogue order decides.
    // e_strategi (A only), e_ledning_score (A only) and e_bredband (A only) stay out.
    let shared: Vec<(&str, Vec<&str>)> = county
        .shared
        .iter()
        .map(|s| (s.entry.id.as_str(), s.municipalities.iter().map(|m| m.code.as_str()).collect()))
        .collect();
    assert_eq!(shared, [("e_komp", vec!["1201", "1203"]), ("e_arkiv", vec!["1201", "1202"])]);
    assert!(county.common_own.is_empty());
    assert_eq!(county.members.len(), 3);
    assert_eq!(county.members[0].entries, 5);
    assert_eq!(county.summary.interviewed, 3);
    assert_eq!(county.summary.subgoals[SubGoal::Kompetens.index()].median, Some(25.0));
    assert_eq!(county.shared[0].entry.horizon, Horizon::Long);
}
