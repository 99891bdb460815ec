//! Wording of load problems: (what is wrong, how to fix it), in Swedish and English.

use super::Lang;
use crate::load::error::Problem;

pub fn describe(p: &Problem, lang: Lang) -> (String, String) {
    let sv = lang == Lang::Sv;
    let pick = |s: String, e: String| if sv { s } else { e };
    use Problem::*;
    match p {
        Syntax { detail } => (
            pick(format!("ogiltig TOML: {detail}"), format!("invalid TOML: {detail}")),
            pick(
                "rätta syntaxen på raden (citattecken, hakparenteser, likhetstecken)".into(),
                "fix the syntax on that line (quotes, brackets, equals signs)".into(),
            ),
        ),
        UnknownKey { key, expected } => (
            pick(format!("okänd nyckel `{key}`"), format!("unknown key `{key}`")),
            pick(
                format!("stava om eller ta bort den; tillåtna nycklar här: {expected}"),
                format!("correct or remove it; allowed keys here: {expected}"),
            ),
        ),
        MissingKey { key } => (
            pick(format!("nyckeln `{key}` saknas"), format!("key `{key}` is missing")),
            pick(format!("lägg till `{key} = …`"), format!("add `{key} = …`")),
        ),
        EmptyValue { key } => (
            pick(format!("`{key}` är tom"), format!("`{key}` is empty")),
            pick(format!("ge `{key}` ett värde"), format!("give `{key}` a value")),
        ),
        BadId { id } => (
            pick(format!("ogiltigt id {id:?}"), format!("invalid id {id:?}")),
            pick(
                "använd bara a–z, 0–9, _ och - (högst 64 tecken, inga å/ä/ö)".into(),
                "use only a–z, 0–9, _ and - (at most 64 characters)".into(),
            ),
        ),
        DuplicateId { what, id, first_line } => {
            let what_sv = match *what {
                "question" => "fråge-id",
                "option" => "svarsalternativ-id",
                "section" => "avsnitts-id",
                "entry" => "inriktnings-id",
                _ => "id",
            };
            (
                pick(
                    format!("{what_sv} {id:?} finns redan (rad {first_line})"),
                    format!("duplicate {what} id {id:?} (first on line {first_line})"),
                ),
                pick("ge varje id ett eget namn".into(), "give each one its own id".into()),
            )
        }
        ReservedOptionId { id } => (
            pick(format!("svarsalternativ-id {id:?} är reserverat"), format!("option id {id:?} is reserved")),
            pick(
                "\"Vet ej\" och \"Ej tillämpligt\" finns alltid med; välj ett annat id".into(),
                "\"Vet ej\" and \"Ej tillämpligt\" are always offered; choose another id".into(),
            ),
        ),
        UnknownKind { kind } => (
            pick(format!("okänd frågetyp {kind:?}"), format!("unknown question kind {kind:?}")),
            pick(
                "använd single, multi, scale, yesno, number eller text".into(),
                "use single, multi, scale, yesno, number or text".into(),
            ),
        ),
        UnknownSubgoal { subgoal } => (
            pick(format!("okänt delmål {subgoal:?}"), format!("unknown sub-goal {subgoal:?}")),
            pick(
                "använd kompetens, trygghet, innovation, ledning eller infrastruktur".into(),
                "use kompetens, trygghet, innovation, ledning or infrastruktur".into(),
            ),
        ),
        UnknownLanguage { language } => (
            pick(format!("okänt språk {language:?}"), format!("unknown language {language:?}")),
            pick("skriv language = \"sv\" eller \"en\"".into(), "write language = \"sv\" or \"en\"".into()),
        ),
        KeyNotForKind { key, kind } => (
            pick(format!("`{key}` hör inte till frågetypen {kind}"), format!("`{key}` does not belong to kind {kind}")),
            pick("ta bort nyckeln eller ändra `kind`".into(), "remove the key or change `kind`".into()),
        ),
        EmptyOptions => (
            pick("listan `options` är tom".into(), "`options` is empty".into()),
            pick(
                "lägg till minst ett svarsalternativ { id = …, label = … }".into(),
                "add at least one option { id = …, label = … }".into(),
            ),
        ),
        LevelOutOfRange { level } => (
            pick(format!("nivå {level} ligger utanför 0–4"), format!("level {level} is outside 0–4")),
            pick("använd en nivå från 0 till 4".into(), "use a level from 0 to 4".into()),
        ),
        ScoredWithoutSubgoal { reason } => {
            let why = match (*reason, sv) {
                ("scale", true) => "en skalfråga räknas alltid in i ett delmål",
                ("scale", false) => "a scale question is always scored",
                ("weight", true) => "`weight` gäller bara frågor som räknas in i ett delmål",
                ("weight", false) => "`weight` applies only to scored questions",
                ("thresholds", true) => "`thresholds` ger nivåer, så frågan räknas",
                ("thresholds", false) => "`thresholds` give levels, so the question is scored",
                (_, true) => "svarsalternativen har nivåer, så frågan räknas",
                (_, false) => "the options have levels, so the question is scored",
            };
            (
                pick(format!("frågan saknar delmål ({why})"), format!("scored question without sub-goal ({why})")),
                pick(
                    "lägg till `subgoal = \"kompetens\"` (eller trygghet, innovation, ledning, infrastruktur)".into(),
                    "add `subgoal = \"kompetens\"` (or trygghet, innovation, ledning, infrastruktur)".into(),
                ),
            )
        }
        OptionWithoutLevel { option } => (
            pick(format!("svarsalternativet {option:?} saknar nivå"), format!("option {option:?} has no level")),
            pick(
                "en poängsatt enkelvalsfråga behöver `level = 0..4` på varje alternativ".into(),
                "a scored single question needs `level = 0..4` on every option".into(),
            ),
        ),
        TextScored => (
            pick("en fritextfråga kan inte poängsättas".into(), "a text question cannot be scored".into()),
            pick("ta bort `subgoal` eller använd frågetypen scale".into(), "remove `subgoal` or use kind scale".into()),
        ),
        BadWeight { weight } => (
            pick(format!("vikten {weight} är ogiltig"), format!("weight {weight} is invalid")),
            pick("använd ett tal större än 0, t.ex. 1 eller 2".into(), "use a number above 0, e.g. 1 or 2".into()),
        ),
        RubricCount { found } => (
            pick(
                format!("skalan har {found} nivåbeskrivningar, inte 5"),
                format!("the scale has {found} level descriptions, not 5"),
            ),
            pick(
                "skriv `rubric` med exakt fem icke-tomma beskrivningar, nivå 0 till 4 i ordning".into(),
                "write `rubric` with exactly five non-empty descriptions, level 0 to 4 in order".into(),
            ),
        ),
        ThresholdsNotIncreasing { previous, this } => (
            pick(
                format!("gränsen {this} är inte större än föregående ({previous})"),
                format!("threshold {this} is not above the previous one ({previous})"),
            ),
            pick(
                "ordna `thresholds` så att `at_least` ökar för varje rad".into(),
                "order `thresholds` so that `at_least` increases on every row".into(),
            ),
        ),
        LevelsDecreasing { previous, this } => (
            pick(
                format!("nivån sjunker från {previous} till {this}"),
                format!("level drops from {previous} to {this}"),
            ),
            pick(
                "ett högre värde får aldrig ge en lägre nivå".into(),
                "a higher value must never give a lower level".into(),
            ),
        ),
        MinAboveMax { min, max } => (
            pick(format!("min ({min}) är större än max ({max})"), format!("min ({min}) is above max ({max})")),
            pick("byt plats på värdena".into(), "swap the values".into()),
        ),
        ShowIfUnknownQuestion { question } => (
            pick(
                format!("show_if hänvisar till okänd fråga {question:?}"),
                format!("show_if names unknown question {question:?}"),
            ),
            pick("ange id för en fråga som finns tidigare i filen".into(), "name the id of an earlier question".into()),
        ),
        ShowIfLaterQuestion { question } => (
            pick(
                format!("show_if hänvisar till frågan {question:?} som kommer senare"),
                format!("show_if names question {question:?}, which comes later"),
            ),
            pick(
                "ett villkor får bara bero på frågor som ställs före; flytta frågan".into(),
                "a condition may only depend on questions asked before it; move the question".into(),
            ),
        ),
        ShowIfNotChoice { question } => (
            pick(
                format!("show_if hänvisar till {question:?}, som inte är en valfråga"),
                format!("show_if names {question:?}, which is not a choice question"),
            ),
            pick(
                "villkor kan bara bygga på single-, multi-, yesno- eller scale-frågor".into(),
                "conditions can only use single, multi, yesno or scale questions".into(),
            ),
        ),
        ShowIfUnknownOption { question, option } => (
            pick(
                format!("frågan {question:?} har inget svarsalternativ {option:?}"),
                format!("question {question:?} has no option {option:?}"),
            ),
            pick(
                "använd ett av frågans alternativ-id (för yesno: \"ja\" eller \"nej\")".into(),
                "use one of that question's option ids (for yesno: \"ja\" or \"nej\")".into(),
            ),
        ),
        NoSections => (
            pick("filen har inga avsnitt".into(), "the file has no sections".into()),
            pick(
                "lägg till minst ett [[sections]] med frågor".into(),
                "add at least one [[sections]] with questions".into(),
            ),
        ),
        NoQuestions { section } => (
            pick(format!("avsnittet {section:?} har inga frågor"), format!("section {section:?} has no questions")),
            pick(
                "lägg till [[sections.questions]] eller ta bort avsnittet".into(),
                "add [[sections.questions]] or remove the section".into(),
            ),
        ),
        RuleUnknownQuestion { .. }
        | RuleUnknownOption { .. }
        | RuleEmpty { .. }
        | RuleMissing { .. }
        | BadThreshold { .. }
        | UnknownHorizon { .. }
        | UnknownJointWork { .. }
        | UnknownCombine { .. }
        | UnknownQuestionnaire { .. }
        | NoEntries
        | ConditionTest { .. }
        | AnyOfOnNumber { .. }
        | BelowNotNumber { .. }
        | RuleTextQuestion { .. }
        | OptionNotString { .. } => super::problems_roadmap::describe(p, lang),
        Io { detail } => (
            pick(format!("filen kunde inte läsas: {detail}"), format!("the file could not be read: {detail}")),
            pick("kontrollera sökvägen och behörigheterna".into(), "check the path and permissions".into()),
        ),
    }
}
