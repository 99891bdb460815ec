//! One answer → one maturity level.

use crate::model::questionnaire::{MAX_LEVEL, NO, YES};
use crate::model::{AnswerValue, Level, Question, QuestionKind};

/// The maturity level (0–4) an answer gives, or None when it gives none: the question is not
/// scored, is a text question, the answer is "Vet ej" / "Ej tillämpligt", or the value does not
/// fit the question (a number given to a choice question, an option id the question lacks).
/// A value that does not fit is treated like a missing answer rather than as level 0, so a
/// corrupt import row lowers coverage instead of silently lowering the score.
pub fn level_of(question: &Question, value: &AnswerValue) -> Option<Level> {
    question.scoring?;
    match (&question.kind, value) {
        (QuestionKind::Single { options }, AnswerValue::Choice(ids)) => match ids.as_slice() {
            [id] => options.iter().find(|o| &o.id == id)?.level,
            _ => None,
        },
        (QuestionKind::Multi { options }, AnswerValue::Choice(ids)) => {
            // An option without a level is an answer worth 0 ("other"), not a missing answer.
            ids.iter().filter_map(|id| options.iter().find(|o| &o.id == id)).map(|o| o.level.unwrap_or(0)).max()
        }
        (QuestionKind::Scale { .. }, AnswerValue::Choice(ids)) => match ids.as_slice() {
            [id] => id.parse::<Level>().ok().filter(|l| *l <= MAX_LEVEL),
            _ => None,
        },
        (QuestionKind::YesNo { yes_level, no_level }, AnswerValue::Choice(ids)) => match ids.as_slice() {
            [id] if id == YES => *yes_level,
            [id] if id == NO => *no_level,
            _ => None,
        },
        (QuestionKind::Number { thresholds, .. }, AnswerValue::Number(n)) if n.is_finite() => {
            // Validation keeps thresholds strictly increasing, so the last one reached is the
            // highest; a value below the first threshold is level 0.
            Some(thresholds.iter().take_while(|t| t.at_least <= *n).last().map_or(0, |t| t.level))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::questionnaire::parse_str;
    use crate::model::Questionnaire;

    const SRC: &str = r#"
id = "t"
version = "1"
title = "T"
language = "sv"
[[sections]]
id = "s"
title = "S"
[[sections.questions]]
id = "single"
kind = "single"
text = "?"
subgoal = "ledning"
options = [{ id = "a", label = "A", level = 0 }, { id = "b", label = "B", level = 3 }]
[[sections.questions]]
id = "multi"
kind = "multi"
text = "?"
subgoal = "ledning"
options = [{ id = "x", label = "X", level = 1 }, { id = "y", label = "Y", level = 3 }, { id = "z", label = "Z" }]
[[sections.questions]]
id = "scale"
kind = "scale"
text = "?"
subgoal = "kompetens"
rubric = ["0", "1", "2", "3", "4"]
[[sections.questions]]
id = "yesno"
kind = "yesno"
text = "?"
subgoal = "trygghet"
yes_level = 4
no_level = 1
[[sections.questions]]
id = "number"
kind = "number"
text = "?"
subgoal = "infrastruktur"
thresholds = [{ at_least = 10.0, level = 1 }, { at_least = 50.0, level = 2 }, { at_least = 90.0, level = 4 }]
[[sections.questions]]
id = "text"
kind = "text"
text = "?"
[[sections.questions]]
id = "unscored"
kind = "single"
text = "?"
options = [{ id = "a", label = "A" }]
"#;

    fn q() -> Questionnaire {
        parse_str("t.toml", SRC).unwrap()
    }

    fn level(q: &Questionnaire, id: &str, value: AnswerValue) -> Option<Level> {
        level_of(q.question(id).unwrap(), &value)
    }

    fn choice(ids: &[&str]) -> AnswerValue {
        AnswerValue::Choice(ids.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn single_gives_the_chosen_options_level() {
        let q = q();
        assert_eq!(level(&q, "single", choice(&["a"])), Some(0));
        assert_eq!(level(&q, "single", choice(&["b"])), Some(3));
        assert_eq!(level(&q, "single", choice(&["nope"])), None);
        assert_eq!(level(&q, "single", choice(&["a", "b"])), None);
    }

    #[test]
    fn multi_gives_the_highest_level_and_unlevelled_options_count_zero() {
        let q = q();
        assert_eq!(level(&q, "multi", choice(&["x", "y"])), Some(3));
        assert_eq!(level(&q, "multi", choice(&["x", "z"])), Some(1));
        assert_eq!(level(&q, "multi", choice(&["z"])), Some(0));
        assert_eq!(level(&q, "multi", choice(&[])), None);
    }

    #[test]
    fn scale_gives_the_chosen_level() {
        let q = q();
        for l in 0..=4u8 {
            assert_eq!(level(&q, "scale", choice(&[&l.to_string()])), Some(l));
        }
        assert_eq!(level(&q, "scale", choice(&["5"])), None);
    }

    #[test]
    fn yesno_gives_yes_or_no_level() {
        let q = q();
        assert_eq!(level(&q, "yesno", choice(&[YES])), Some(4));
        assert_eq!(level(&q, "yesno", choice(&[NO])), Some(1));
    }

    #[test]
    fn number_gives_the_last_threshold_reached() {
        let q = q();
        let n = |x: f64| level(&q, "number", AnswerValue::Number(x));
        assert_eq!(n(5.0), Some(0), "below the first threshold");
        assert_eq!(n(10.0), Some(1), "a threshold is reached at equality");
        assert_eq!(n(49.9), Some(1));
        assert_eq!(n(50.0), Some(2));
        assert_eq!(n(100.0), Some(4));
        assert_eq!(n(f64::NAN), None);
    }

    #[test]
    fn no_level_for_text_unscored_unknown_and_mismatched_values() {
        let q = q();
        assert_eq!(level(&q, "text", AnswerValue::Text("hej".into())), None);
        assert_eq!(level(&q, "unscored", choice(&["a"])), None);
        assert_eq!(level(&q, "scale", AnswerValue::DontKnow), None);
        assert_eq!(level(&q, "scale", AnswerValue::NotApplicable), None);
        assert_eq!(level(&q, "number", choice(&["1"])), None);
        assert_eq!(level(&q, "scale", AnswerValue::Number(2.0)), None);
    }
}
