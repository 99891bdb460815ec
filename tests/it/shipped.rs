//! The shipped questionnaire stays faithful to the Skåne material (seeds/004).

use super::support::shipped;
use fardplan::model::{QuestionKind, SubGoal};

const SKANE_QUESTIONS: [&str; 10] = [
    "Har ni någon/några strategi/er explicit för digitalisering - övergripande i kommunen?",
    "Har ni någon strategisk funktion som hanterar frågor kring digitalisering - övergripande i kommunen?",
    "Finns motsvarande funktion i någon/några förvaltningar?",
    "Varför är digitalisering viktigt för er? Ge några exempel!",
    "Vilka utmaningar i det kommunala uppdraget ser ni som digitaliseringen kan tänkas hantera?",
    "Vilka projekt ser ni där en samutveckling borde ske mellan flera eller alla kommuner? Vad ser ni för skäl till samutveckling? (kompetens, volym etc)",
    "Vilka projekt ser ni som borde samordnas mellan alla kommuner. Vilka fördelar ser ni med en samverkan? (legala skäl, gränssnitt, informationsutbyte etc.)",
    "Hur ser ni på Regionens och KFSK roll?",
    "Har ni några digitaliseringsprojekt, pågående eller genomförda, som ni vill beskriva?",
    "Vad har ni på gång just nu? Vad är det bakomliggande motivet till detta?",
];

#[test]
fn the_skane_questions_are_verbatim() {
    let q = shipped().questionnaire;
    for text in SKANE_QUESTIONS {
        assert!(q.questions().any(|x| x.text == text), "missing verbatim question: {text}");
    }
}

#[test]
fn strategy_status_has_the_2018_categories() {
    let q = shipped().questionnaire;
    let labels: Vec<String> = q.question("strategi_status").unwrap().choices().into_iter().map(|c| c.label).collect();
    assert_eq!(
        labels,
        [
            "Nej – vi har ingen",
            "Ja – vi har en",
            "Den är beslutad",
            "Den revideras",
            "Vi har bara en bredbandsstrategi",
            "Integrerat i andra styrdokument"
        ]
    );
}

#[test]
fn the_17_collaboration_values_in_order() {
    let q = shipped().questionnaire;
    let question = q.question("samverkansvarden").unwrap();
    assert!(matches!(question.kind, QuestionKind::Multi { .. }));
    let labels: Vec<String> = question.choices().into_iter().map(|c| c.label).collect();
    assert_eq!(labels.len(), 17);
    assert_eq!(labels.first().map(String::as_str), Some("Effektiv kommunikation"));
    assert_eq!(labels.last().map(String::as_str), Some("Nya processer"));
}

#[test]
fn each_subgoal_has_five_scored_items_and_quotes_its_goal() {
    let q = shipped().questionnaire;
    for goal in SubGoal::ALL {
        let scored = q.questions().filter(|x| x.scoring.is_some_and(|s| s.subgoal == goal)).count();
        assert!(scored >= 5, "{goal}: only {scored} scored items");
        let quoted = q.sections.iter().any(|s| s.intro.as_deref().is_some_and(|i| i.contains(goal.goal_sentence())));
        assert!(quoted, "{goal}: no section quotes the goal sentence exactly");
    }
}

#[test]
fn broadband_goals_map_to_levels() {
    use fardplan::model::questionnaire::Threshold;
    let q = shipped().questionnaire;
    let level_at = |id: &str, v: f64| match &q.question(id).unwrap().kind {
        QuestionKind::Number { thresholds, .. } => {
            thresholds.iter().rev().find(|t: &&Threshold| t.at_least <= v).map_or(0, |t| t.level)
        }
        _ => panic!("{id} is not a number question"),
    };
    // 95 % ≥ 100 Mbit/s is the 2020 goal; 98 % ≥ 1 Gbit/s the 2025 goal.
    assert!(level_at("bredband_100mbit", 95.0) >= 3);
    assert!(level_at("bredband_100mbit", 94.9) < level_at("bredband_100mbit", 95.0));
    assert_eq!(level_at("bredband_1gbit", 98.0), 4);
}
