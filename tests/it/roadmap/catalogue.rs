//! One invalid catalogue per rejection rule (each states its message in `# expect:` lines), and
//! the shipped catalogue's promises: faithful Norrbotten entries, coverage of every sub-goal,
//! rules that refer to questions and options that exist.

use crate::support::{cmd, fixture, shipped};
use fardplan::i18n::Lang;
use fardplan::load::{embedded_catalogue, parse_catalogue};
use fardplan::model::roadmap::AnswerTest;
use fardplan::model::{QuestionKind, SubGoal};

fn invalid_fixtures() -> Vec<(String, String)> {
    let dir = fixture("roadmaps/invalid");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).expect("utf-8 name").to_string();
            (name, std::fs::read_to_string(&p).expect("read fixture"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_rejection_rule_has_a_fixture_with_its_exact_message() {
    let questionnaires = vec![shipped()];
    let fixtures = invalid_fixtures();
    assert!(fixtures.len() >= 25, "expected a fixture per rule, found {}", fixtures.len());
    for (name, src) in fixtures {
        let expected: Vec<&str> = src.lines().filter_map(|l| l.strip_prefix("# expect: ")).collect();
        assert!(!expected.is_empty(), "{name} has no `# expect:` line");
        let errors = parse_catalogue(&name, &src, &questionnaires).expect_err(&format!("{name} must be rejected"));
        let got: Vec<String> = errors.0.iter().map(|e| e.render(Lang::Sv)).collect();
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn messages_exist_in_english_too() {
    let src = std::fs::read_to_string(fixture("roadmaps/invalid/below_not_number.toml")).unwrap();
    let errors = parse_catalogue("f.toml", &src, &[shipped()]).unwrap_err();
    let msg = errors.render(Lang::En);
    assert!(
        msg.starts_with(
            "f.toml:19:47: \"below\" only works on number questions, but \"infrastruktur_mobil\" is a scale question — "
        ),
        "{msg}"
    );
}

#[test]
fn check_reports_every_file_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let a = fixture("roadmaps/invalid/unknown_horizon.toml");
    let b = fixture("roadmaps/invalid/unknown_question.toml");
    let out = cmd(&dir.path().join("db")).args(["roadmap", "check"]).arg(&a).arg(&b).assert().code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("unknown_horizon.toml:14:11: okänd tidshorisont \"0–6\""), "{stderr}");
    assert!(stderr.contains("t.ex. \"ledning_uppfoljning\""), "{stderr}");
}

#[test]
fn check_accepts_the_shipped_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("roadmaps/catalogue.toml");
    let out = cmd(&dir.path().join("db")).args(["roadmap", "check"]).arg(&file).assert().code(0);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("1 fil(er) utan fel"), "{stderr}");
}

#[test]
fn shipped_catalogue_covers_every_subgoal_with_valid_rules() {
    let q = shipped();
    let cat = embedded_catalogue(std::slice::from_ref(&q)).expect("shipped catalogue loads").catalogue;
    assert_eq!(cat.questionnaire, q.questionnaire.id);
    assert!(cat.entries.len() >= 28, "only {} entries", cat.entries.len());
    for goal in SubGoal::ALL {
        let n = cat.entries.iter().filter(|e| e.subgoal == goal).count();
        assert!(n >= 4, "{goal}: only {n} entries");
    }
    // The loader enforces this; the test states it for the shipped file on its own terms.
    for e in &cat.entries {
        assert!(e.rule.score_below.is_some() || !e.rule.answers.is_empty(), "{}: empty rule", e.id);
        for c in &e.rule.answers {
            let question = q.questionnaire.question(&c.question).unwrap_or_else(|| panic!("{}: {}", e.id, c.question));
            match &c.test {
                AnswerTest::AnyOf(options) => {
                    let ids: Vec<String> = question.choices().into_iter().map(|o| o.id).collect();
                    assert!(!ids.is_empty(), "{}: {} is not a choice question", e.id, c.question);
                    for o in options {
                        assert!(ids.contains(o), "{}: {} has no option {o}", e.id, c.question);
                    }
                }
                AnswerTest::Below(_) => {
                    assert!(matches!(question.kind, QuestionKind::Number { .. }), "{}: below on {}", e.id, c.question)
                }
            }
        }
    }
}

/// The four D-ledning inriktningar of Norrbotten's digital agenda (seeds/004), carried over with
/// their motives, actions and actors.
#[test]
fn the_four_norrbotten_entries_are_faithful() {
    let cat = embedded_catalogue(&[shipped()]).unwrap().catalogue;
    let norrbotten: Vec<_> =
        cat.entries.iter().filter(|e| e.source.as_deref() == Some("Norrbottens digitala agenda, D-Ledning")).collect();
    assert_eq!(norrbotten.len(), 4);
    let expect = [
        (
            "Digitaliseringen ökar insyn, inflytande och förståelse för demokratiska processer.",
            "Dessa principer förutsätter att alla medborgare har kunskap och förståelse för byråkrati",
            "Undersök hur gamification kan nyttjas för att skapa engagemang i länet för aktuella frågor.",
            vec!["LTU", "Region Norrbotten", "kommuner", "föreningar"],
        ),
        (
            "Alla ska ha tillgång till bra samhällsinformation och lokala nyheter.",
            "Två speciella utmaningar idag är ”vita nyhetsfläckar” och förfalskade nyheter.",
            "Utbildning i kritisk källgranskning av digitala media.",
            vec!["Myndigheter", "kommuner"],
        ),
        (
            "Öka samverkan inom och mellan offentlig sektor, med fokus på användarna. IT-upphandling måste vara användardriven.",
            "Deltagande design ska användas då nya tjänster tas fram.",
            "Genomför offentlig sektors handlingsplaner för digitalisering av myndigheter.",
            vec!["E-nämnden", "alla myndigheter", "kommuner"],
        ),
        (
            "Digitala verktyg gör en skola för alla, över allt.",
            "Det är viktigt att stödja lärarrollen för att möjliggöra denna utveckling.",
            "Stärkt skolforskning runt nyttjandet av digitala verktyg i skolan.",
            vec!["Norrbottens Kommuner", "kommuner", "LTU"],
        ),
    ];
    for (inriktning, motiv, atgard, aktorer) in expect {
        let e = norrbotten.iter().find(|e| e.inriktning == inriktning).unwrap_or_else(|| panic!("{inriktning}"));
        assert_eq!(e.subgoal, SubGoal::Ledning);
        assert!(e.motiv.contains(motiv), "{}: {}", e.id, e.motiv);
        assert!(e.atgarder.iter().any(|a| a == atgard), "{}: {:?}", e.id, e.atgarder);
        assert_eq!(e.aktorer, aktorer, "{}", e.id);
    }
}
