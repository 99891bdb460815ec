//! Wording of roadmap catalogue problems: (what is wrong, how to fix it), in Swedish and English.
//! The maintainers' guide (roadmaps/README.md) quotes these messages; keep the two in step.

use super::Lang;
use crate::load::error::Problem;

/// A question kind as a noun, indefinite ("en skalfråga" / "a scale question") or definite
/// ("skalfrågan" / "the scale question"): Swedish marks definiteness on the noun itself.
pub fn kind_noun(kind: &str, lang: Lang, definite: bool) -> String {
    let (sv, en) = match kind {
        "single" => ("enkelvalsfråga", "single-choice question"),
        "multi" => ("flervalsfråga", "multiple-choice question"),
        "scale" => ("skalfråga", "scale question"),
        "yesno" => ("ja/nej-fråga", "yes/no question"),
        "number" => ("sifferfråga", "number question"),
        "text" => ("fritextfråga", "free-text question"),
        _ => ("fråga", "question"),
    };
    match (lang, definite) {
        (Lang::Sv, true) => format!("{sv}n"),
        (Lang::Sv, false) => format!("en {sv}"),
        (Lang::En, true) => format!("the {en}"),
        (Lang::En, false) => format!("a {en}"),
    }
}

/// `"a", "b", "c"`, shortened after eight ids so a long multi question stays one readable line.
fn quoted_list(ids: &[String]) -> String {
    let mut out: Vec<String> = ids.iter().take(8).map(|i| format!("{i:?}")).collect();
    if ids.len() > 8 {
        out.push("…".into());
    }
    out.join(", ")
}

pub fn describe(p: &Problem, lang: Lang) -> (String, String) {
    let sv = lang == Lang::Sv;
    let pick = |s: String, e: String| if sv { s } else { e };
    use Problem::*;
    match p {
        RuleUnknownQuestion { question, questionnaire, suggestion } => (
            pick(
                format!("regeln pekar på frågan {question:?}, som inte finns i frågeformuläret {questionnaire:?}"),
                format!("the rule names question {question:?}, which questionnaire {questionnaire:?} does not have"),
            ),
            match suggestion {
                Some(s) => pick(
                    format!("skriv ett fråge-id som finns i formuläret, t.ex. {s:?}"),
                    format!("write a question id the questionnaire has, e.g. {s:?}"),
                ),
                None => pick(
                    "skriv ett fråge-id som finns i formuläret (se `fardplan questionnaire show`)".into(),
                    "write a question id the questionnaire has (see `fardplan questionnaire show`)".into(),
                ),
            },
        ),
        RuleUnknownOption { question, option, kind, valid } => (
            pick(
                format!("alternativet {option:?} finns inte i {} {question:?}", kind_noun(kind, lang, true)),
                format!("{} {question:?} has no option {option:?}", kind_noun(kind, lang, true)),
            ),
            if *kind == "scale" {
                pick("använd nivåerna \"0\"–\"4\"".into(), "use the levels \"0\"–\"4\"".into())
            } else {
                pick(
                    format!("använd ett av frågans alternativ-id: {}", quoted_list(valid)),
                    format!("use one of the question's option ids: {}", quoted_list(valid)),
                )
            },
        ),
        RuleEmpty { entry } => (
            pick(
                format!("regeln för inriktningen {entry:?} väljer aldrig något"),
                format!("the rule of entry {entry:?} never selects anything"),
            ),
            pick(
                "ange score_below, answers eller båda under [entries.rule]".into(),
                "give score_below, answers or both under [entries.rule]".into(),
            ),
        ),
        RuleMissing { entry } => (
            pick(format!("inriktningen {entry:?} har ingen regel"), format!("entry {entry:?} has no rule")),
            pick(
                "lägg till score_below eller answers under [entries.rule]".into(),
                "add score_below or answers under [entries.rule]".into(),
            ),
        ),
        BadThreshold { value } => (
            pick(format!("tröskeln {value} ligger utanför 0–100"), format!("threshold {value} is outside 0–100")),
            pick("använd ett poängvärde mellan 0 och 100".into(), "use a score between 0 and 100".into()),
        ),
        UnknownHorizon { horizon } => (
            pick(format!("okänd tidshorisont {horizon:?}"), format!("unknown horizon {horizon:?}")),
            pick(
                "använd \"0-6\", \"6-18\" eller \"18-36\" (månader, med bindestreck)".into(),
                "use \"0-6\", \"6-18\" or \"18-36\" (months, with a hyphen)".into(),
            ),
        ),
        UnknownJointWork { value } => (
            pick(format!("okänd arbetsform {value:?}"), format!("unknown kind of joint work {value:?}")),
            pick(
                "använd samverkan, samordning, samutveckling eller egen".into(),
                "use samverkan, samordning, samutveckling or egen".into(),
            ),
        ),
        UnknownCombine { value } => (
            pick(format!("okänt värde på combine: {value:?}"), format!("unknown combine value {value:?}")),
            pick("skriv combine = \"any\" eller \"all\"".into(), "write combine = \"any\" or \"all\"".into()),
        ),
        UnknownQuestionnaire { id } => (
            pick(format!("frågeformuläret {id:?} finns inte"), format!("there is no questionnaire {id:?}")),
            pick(
                "ange id för ett frågeformulär som finns, t.ex. \"skane-nulage\" (se `fardplan questionnaire show`)"
                    .into(),
                "name a questionnaire that exists, e.g. \"skane-nulage\" (see `fardplan questionnaire show`)".into(),
            ),
        ),
        NoEntries => (
            pick("katalogen har inga inriktningar".into(), "the catalogue has no entries".into()),
            pick("lägg till minst en [[entries]]".into(), "add at least one [[entries]]".into()),
        ),
        ConditionTest { question } => (
            pick(
                format!("svarsvillkoret på {question:?} behöver antingen any_of eller below"),
                format!("the answer condition on {question:?} needs either any_of or below"),
            ),
            pick(
                "skriv exakt en av dem: any_of = [\"…\"] för valfrågor, below = tal för sifferfrågor".into(),
                "write exactly one: any_of = [\"…\"] for choice questions, below = number for number questions".into(),
            ),
        ),
        AnyOfOnNumber { question } => (
            pick(
                format!("\"any_of\" kan inte användas på sifferfrågan {question:?}"),
                format!("\"any_of\" cannot be used on number question {question:?}"),
            ),
            pick("använd below = tal".into(), "use below = number".into()),
        ),
        BelowNotNumber { question, kind } => (
            pick(
                format!(
                    "\"below\" kan bara användas på sifferfrågor, men {question:?} är {}",
                    kind_noun(kind, lang, false)
                ),
                format!(
                    "\"below\" only works on number questions, but {question:?} is {}",
                    kind_noun(kind, lang, false)
                ),
            ),
            if *kind == "scale" {
                pick("använd any_of med nivåerna \"0\"–\"4\"".into(), "use any_of with the levels \"0\"–\"4\"".into())
            } else {
                pick(
                    "använd any_of med frågans alternativ-id".into(),
                    "use any_of with the question's option ids".into(),
                )
            },
        ),
        RuleTextQuestion { question } => (
            pick(
                format!("{question:?} är en fritextfråga och kan inte användas i en regel"),
                format!("{question:?} is a free-text question and cannot be used in a rule"),
            ),
            pick(
                "välj en enkelval-, flerval-, ja/nej-, skal- eller sifferfråga".into(),
                "choose a single, multi, yes/no, scale or number question".into(),
            ),
        ),
        OptionNotString { value } => (
            pick(format!("alternativet {value} står utan citattecken"), format!("option {value} is not quoted")),
            pick(
                format!("skriv alternativ-id och skalnivåer inom citattecken, t.ex. \"{value}\""),
                format!("write option ids and scale levels in quotes, e.g. \"{value}\""),
            ),
        ),
        // Only roadmap problems are routed here (see `problems::describe`); this arm is never
        // reached, but must not recurse back into `problems::describe`.
        other => (format!("{other:?}"), String::new()),
    }
}
