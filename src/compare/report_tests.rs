//! The Skåne report on sixteen invented interviews with a small questionnaire.

use super::*;
use crate::load::questionnaire::parse_str;
use crate::model::visibility::Answers;
use crate::model::{AnswerValue, Questionnaire};
use crate::register;

const V1: &str = r#"
id = "r"
version = "1"
title = "R"
language = "sv"
[[sections]]
id = "strategi"
title = "Strategi och organisation"
[[sections.questions]]
id = "strategi_status"
kind = "single"
text = "Har ni en strategi?"
options = [{ id = "nej", label = "Nej" }, { id = "ja", label = "Ja" }]
[[sections.questions]]
id = "funktion"
kind = "yesno"
text = "Strategisk funktion?"
[[sections.questions]]
id = "titel"
kind = "single"
text = "Vad kallas funktionen?"
show_if = { question = "funktion", any_of = ["ja"] }
options = [{ id = "it_chef", label = "IT-chef" }, { id = "strateg", label = "IT-strateg" }]
[[sections.questions]]
id = "skal"
kind = "multi"
text = "Varför?"
allow_na = true
options = [{ id = "service", label = "Service" }, { id = "effektiv", label = "Effektivitet" }]
[[sections.questions]]
id = "utmaningar"
kind = "text"
text = "Vilka utmaningar?"
[[sections.questions]]
id = "mognad"
kind = "scale"
text = "Mognad?"
subgoal = "ledning"
rubric = ["0", "1", "2", "3", "4"]
"#;

fn choice(ids: &[&str]) -> AnswerValue {
    AnswerValue::Choice(ids.iter().map(|s| s.to_string()).collect())
}

struct Interview {
    code: String,
    answers: Answers,
    notes: Notes,
}

/// Sixteen Skåne municipalities in register order: 9 "ja", 4 "nej", 2 "Vet ej", 1 unanswered.
fn interviews() -> Vec<Interview> {
    register::in_county("12")
        .take(16)
        .enumerate()
        .map(|(k, m)| {
            let mut answers = Answers::default();
            let mut notes = Notes::new();
            match k {
                0..9 => answers.insert("strategi_status".into(), choice(&["ja"])),
                9..13 => answers.insert("strategi_status".into(), choice(&["nej"])),
                13 | 14 => answers.insert("strategi_status".into(), AnswerValue::DontKnow),
                _ => None,
            };
            // Functions in the first 10; titles for 6 of them (4 IT-chef, 2 IT-strateg).
            answers.insert("funktion".into(), choice(&[if k < 10 { "ja" } else { "nej" }]));
            if k < 6 {
                answers.insert("titel".into(), choice(&[if k < 4 { "it_chef" } else { "strateg" }]));
            }
            match k {
                0..12 => answers.insert("skal".into(), choice(&["service", "effektiv"])),
                12..14 => answers.insert("skal".into(), choice(&["service"])),
                14 => answers.insert("skal".into(), AnswerValue::NotApplicable),
                _ => None,
            };
            if k == 2 {
                answers.insert("utmaningar".into(), AnswerValue::Text("Demografin".into()));
                notes.insert("strategi_status".into(), "Beslutad i KF 2017".into());
            }
            if k == 5 {
                answers.insert("utmaningar".into(), AnswerValue::Text("  ".into()));
                notes.insert("mognad".into(), "  ".into());
            }
            if k == 12 {
                // A hidden question's stored answer and note stay out of the report.
                answers.insert("titel".into(), choice(&["it_chef"]));
                notes.insert("titel".into(), "gammal anteckning".into());
                notes.insert("mognad".into(), "Följs upp årligen".into());
            }
            Interview { code: m.code.clone(), answers, notes }
        })
        .collect()
}

fn inputs<'a>(q: &'a Questionnaire, all: &'a [Interview]) -> Vec<ReportInput<'a>> {
    all.iter()
        .map(|i| ReportInput {
            municipality_code: &i.code,
            questionnaire: q,
            answers: &i.answers,
            notes: &i.notes,
            demo: false,
        })
        .collect()
}

fn dist<'a>(r: &'a SkaneReport, id: &str) -> &'a ChoiceDistribution {
    r.distributions.iter().find(|d| d.question_id == id).unwrap()
}

fn share<'a>(d: &'a ChoiceDistribution, id: &str) -> &'a OptionShare {
    d.options.iter().find(|o| o.id == id).unwrap()
}

#[test]
fn distribution_uses_the_visited_municipalities_as_denominator() {
    let q = parse_str("r.toml", V1).unwrap();
    let all = interviews();
    let r = skane_report(&inputs(&q, &all), register::all());
    assert_eq!(r.denominator, 16);
    assert_eq!(r.visited.len(), 16);
    assert_eq!(r.visited[0].name, register::in_county("12").next().unwrap().name);
    let ids: Vec<&str> = r.distributions.iter().map(|d| d.question_id.as_str()).collect();
    assert_eq!(ids, ["strategi_status", "funktion", "titel", "skal"], "single, yesno, multi only");
    let s = dist(&r, "strategi_status");
    assert_eq!((share(s, "ja").count, share(s, "ja").percent), (9, 56.25));
    assert_eq!((share(s, "nej").count, share(s, "nej").percent), (4, 25.0));
    assert_eq!((s.answered, s.dont_know, s.not_answered, s.not_shown, s.denominator), (13, 2, 1, 0, 16));
    assert_eq!(s.section, "Strategi och organisation");
    let f = dist(&r, "funktion");
    assert_eq!(f.options.iter().map(|o| (o.label.as_str(), o.count)).collect::<Vec<_>>(), [("Ja", 10), ("Nej", 6)]);
    assert_eq!(f.options[0].percent, 62.5);
}

#[test]
fn conditional_questions_count_the_unshown_in_the_denominator() {
    let q = parse_str("r.toml", V1).unwrap();
    let all = interviews();
    let r = skane_report(&inputs(&q, &all), register::all());
    let t = dist(&r, "titel");
    // 4 of 16 = 25 % IT-chef (the hidden stored answer of #12 does not count).
    assert_eq!((share(t, "it_chef").count, share(t, "it_chef").percent), (4, 25.0));
    assert_eq!((share(t, "strateg").count, share(t, "strateg").percent), (2, 12.5));
    assert_eq!((t.answered, t.not_answered, t.not_shown), (6, 4, 6));
}

#[test]
fn multi_percentages_can_sum_past_100() {
    let q = parse_str("r.toml", V1).unwrap();
    let all = interviews();
    let r = skane_report(&inputs(&q, &all), register::all());
    let m = dist(&r, "skal");
    assert_eq!((share(m, "service").count, share(m, "service").percent), (14, 87.5));
    assert_eq!((share(m, "effektiv").count, share(m, "effektiv").percent), (12, 75.0));
    assert_eq!((m.answered, m.not_applicable, m.not_answered), (14, 1, 1));
    assert_eq!(m.options.iter().map(|o| o.percent).sum::<f64>(), 162.5);
}

#[test]
fn text_answers_and_notes_are_collated_with_names() {
    let q = parse_str("r.toml", V1).unwrap();
    let all = interviews();
    let r = skane_report(&inputs(&q, &all), register::all());
    let names: Vec<String> = register::in_county("12").take(16).map(|m| m.name.clone()).collect();
    let ids: Vec<&str> = r.collated.iter().map(|c| c.question_id.as_str()).collect();
    // No entry for blank text or notes, nor for the hidden question's note.
    assert_eq!(ids, ["strategi_status", "utmaningar", "mognad"]);
    let s = &r.collated[0];
    assert_eq!(s.entries.len(), 1);
    assert_eq!(s.entries[0].municipality, names[2]);
    assert_eq!(s.entries[0].answer.as_deref(), Some("Ja"));
    assert_eq!(s.entries[0].note.as_deref(), Some("Beslutad i KF 2017"));
    let u = &r.collated[1];
    assert_eq!((u.kind, u.entries.len(), u.entries[0].answer.as_deref()), ("text", 1, Some("Demografin")));
    let m = &r.collated[2];
    assert_eq!((m.entries[0].municipality.as_str(), m.entries[0].answer.as_deref()), (names[12].as_str(), None));
}

fn input<'a>(q: &'a Questionnaire, i: &'a Interview, demo: bool) -> ReportInput<'a> {
    ReportInput { municipality_code: &i.code, questionnaire: q, answers: &i.answers, notes: &i.notes, demo }
}

#[test]
fn versions_are_merged_and_repeated_municipalities_count_once() {
    let v1 = parse_str("r.toml", V1).unwrap();
    // Version 2 adds an option to "skal" and a new yes/no question.
    let v2_src = V1
        .replace("version = \"1\"", "version = \"2\"")
        .replace(
            "{ id = \"effektiv\", label = \"Effektivitet\" }]",
            "{ id = \"effektiv\", label = \"Effektivitet\" }, { id = \"ny\", label = \"Nytt skäl\" }]",
        )
        .replace("[[sections.questions]]\nid = \"utmaningar\"", "[[sections.questions]]\nid = \"extra\"\nkind = \"yesno\"\ntext = \"Extra?\"\n[[sections.questions]]\nid = \"utmaningar\"");
    let v2 = parse_str("r2.toml", &v2_src).unwrap();
    let old = Interview { code: "1280".into(), answers: Answers::default(), notes: Notes::new() };
    let first = Interview { code: "1281".into(), answers: Answers::default(), notes: Notes::new() };
    let mut again = Interview { code: "1281".into(), answers: Answers::default(), notes: Notes::new() };
    again.answers.insert("skal".into(), choice(&["ny"]));
    again.answers.insert("extra".into(), choice(&["ja"]));
    let r =
        skane_report(&[input(&v1, &old, false), input(&v1, &first, false), input(&v2, &again, true)], register::all());
    assert_eq!(r.denominator, 2);
    assert_eq!(r.visited.iter().map(|v| v.name.as_str()).collect::<Vec<_>>(), ["Malmö", "Lund"]);
    assert!(r.demo);
    let skal = dist(&r, "skal");
    assert_eq!(skal.options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["service", "effektiv", "ny"]);
    assert_eq!((share(skal, "ny").count, share(skal, "ny").percent), (1, 50.0));
    let extra = dist(&r, "extra");
    // Malmö's version lacks the question.
    assert_eq!((extra.answered, extra.not_shown), (1, 1));
    assert_eq!(r.distributions.last().map(|d| d.question_id.as_str()), Some("extra"));
}

#[test]
fn an_empty_report_has_nothing_to_divide() {
    let r = skane_report(&[], register::all());
    assert_eq!((r.denominator, r.visited.len(), r.distributions.len(), r.collated.len()), (0, 0, 0, 0));
}
