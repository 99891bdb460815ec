//! The worked example in docs/scoring.md, computed with the shipped questionnaire. If this test
//! fails, the page no longer tells analysts the truth: fix the page together with the code.

use super::*;
use crate::load::embedded_questionnaire;
use crate::model::{AnswerValue, Question};

/// Parses answers in their CSV text form, as an analyst sees them in an export.
fn answers(q: &Questionnaire, rows: &[(&str, &str)]) -> Answers {
    rows.iter()
        .map(|(id, value)| {
            let question: &Question = q.question(id).unwrap_or_else(|| panic!("no question {id}"));
            (id.to_string(), AnswerValue::parse(question, value).unwrap())
        })
        .collect()
}

const TRYGGHET: [(&str, &str); 5] = [
    ("trygghet_informationssakerhet", "2"),
    ("trygghet_klassning", "2"),
    ("trygghet_dataskydd", "3"),
    ("trygghet_e_arkiv", "vet-ej"),
    ("trygghet_e_legitimation", "4"),
];

const INFRASTRUKTUR: [(&str, &str); 4] = [
    ("bredband_100mbit", "97.5"),
    ("bredband_1gbit", "vet-ej"),
    ("infrastruktur_bredbandsplan", "2"),
    ("infrastruktur_landsbygd", "ej-tillampligt"),
];

const KOMPETENS: [(&str, &str); 6] = [
    ("kompetens_medarbetare", "2"),
    ("kompetens_ledning", "2"),
    ("kompetens_skola", "2"),
    ("kompetens_delaktighet", "2"),
    ("kompetens_motesplatser", "2"),
    ("kompetens_samverkan", "2"),
];

const INNOVATION: [(&str, &str); 7] = [
    ("innovation_e_tjanster", "1"),
    ("innovation_anvandardialog", "2"),
    ("innovation_oppna_data", "2"),
    ("innovation_iot", "2"),
    ("innovation_automatisering", "2"),
    ("innovation_kundcenter", "1"),
    ("innovation_samverkan", "1"),
];

const LEDNING: [(&str, &str); 8] = [
    ("strategi_status", "beslutad"),
    ("ledning_politisk_prioritet", "3"),
    ("ledning_uppfoljning", "3"),
    ("ledning_verksamhetsutveckling", "3"),
    ("ledning_ansvar_mandat", "2"),
    ("ledning_bestallarkompetens", "2"),
    ("ledning_informationsstyrning", "2"),
    ("ledning_samverkan", "2"),
];

#[test]
fn d_trygghet_with_one_dont_know_and_one_unanswered() {
    let q = embedded_questionnaire().unwrap().questionnaire;
    let s = score_interview(&q, &answers(&q, &TRYGGHET));
    let t = s.get(SubGoal::Trygghet);
    // Σ weight × level = 2·2 + 1·2 + 1·3 + 1·4 = 13 over answered weight 5; visible weight 7.
    assert_eq!(t.answered_weight, 5.0);
    assert_eq!(t.visible_weight, 7.0);
    assert_eq!(t.score, Some(65.0));
    assert!((t.coverage - 5.0 / 7.0).abs() < 1e-12);
    assert_eq!(format!("{:.1}", t.coverage * 100.0), "71.4");
    assert!(!t.uncertain);
    assert_eq!(t.band, Some(Band::Utvecklad));
    // The page: without the "Vet ej" (question left unanswered) nothing changes.
    let without: Vec<(&str, &str)> = TRYGGHET.into_iter().filter(|(_, v)| *v != "vet-ej").collect();
    let s2 = score_interview(&q, &answers(&q, &without));
    assert_eq!(s2.get(SubGoal::Trygghet), t);
}

#[test]
fn no_scored_question_of_the_shipped_questionnaire_is_conditional() {
    // docs/scoring.md tells analysts every scored question is always shown.
    let q = embedded_questionnaire().unwrap().questionnaire;
    assert!(q.questions().filter(|x| x.scoring.is_some()).all(|x| x.show_if.is_none()));
    assert_eq!(
        q.question("strategi_status").and_then(|x| x.scoring).map(|s| (s.subgoal, s.weight)),
        Some((SubGoal::Ledning, 2.0))
    );
}

#[test]
fn d_infrastruktur_with_a_number_not_applicable_and_low_coverage() {
    let q = embedded_questionnaire().unwrap().questionnaire;
    let s = score_interview(&q, &answers(&q, &INFRASTRUKTUR));
    let i = s.get(SubGoal::Infrastruktur);
    // 97,5 % reaches the 95 threshold: level 3. Σ = 1·3 + 1·2 = 5 over weight 2.
    assert_eq!(i.answered_weight, 2.0);
    assert_eq!(i.visible_weight, 8.0);
    assert_eq!(i.score, Some(62.5));
    assert_eq!(i.coverage, 0.25);
    assert!(i.uncertain);
    assert_eq!(i.band, Some(Band::Utvecklad));
}

#[test]
fn the_index_of_the_example_interview() {
    let q = embedded_questionnaire().unwrap().questionnaire;
    let all: Vec<(&str, &str)> =
        [&TRYGGHET[..], &INFRASTRUKTUR[..], &KOMPETENS[..], &INNOVATION[..], &LEDNING[..]].concat();
    let s = score_interview(&q, &answers(&q, &all));
    let scores = SubGoal::ALL.map(|g| s.get(g).score);
    assert_eq!(scores, [Some(50.0), Some(65.0), Some(37.5), Some(70.0), Some(62.5)]);
    assert_eq!(s.get(SubGoal::Ledning).visible_weight, 10.0);
    assert_eq!(s.get(SubGoal::Innovation).visible_weight, 8.0);
    // (50 + 65 + 37,5 + 70 + 62,5) / 5 = 57; D-infrastruktur is uncertain, so the index is too.
    assert_eq!(s.index, Some(57.0));
    assert_eq!(s.index_band, Some(Band::Etablerad));
    assert!(s.index_uncertain);
}
