//! Generated datasets: the clearly fictitious example data behind `fardplan demo` ("Exempeldata")
//! and the national dataset the benchmarks run on. Answers are plausible, not real: each
//! municipality gets a hidden maturity that drifts upward between rounds, and its answers scatter
//! around it, so scores, comparisons and roadmaps vary the way real ones would.

use crate::load::Source;
use crate::model::visibility::{Answers, visible_ids};
use crate::model::{AnswerValue, Question, QuestionKind};
use crate::register::{self, Municipality};
use crate::store::{NewInterview, Result, Store};

/// The marker every demo interview carries in its interviewer field, and the label on all output.
pub const DEMO_INTERVIEWER: &str = "Exempeldata";

pub struct Spec<'a> {
    pub municipalities: Vec<&'a Municipality>,
    pub rounds: Vec<String>,
    pub seed: u64,
    pub demo: bool,
    /// Leave some answers as "Vet ej" / unanswered / notes, as real interviews have.
    pub realistic_gaps: bool,
}

/// The `fardplan demo` dataset: all 33 Skåne municipalities, rounds 2018 and 2022.
pub fn skane_demo() -> Spec<'static> {
    Spec {
        municipalities: register::in_county("12").collect(),
        rounds: vec!["2018".into(), "2022".into()],
        seed: 2018,
        demo: true,
        realistic_gaps: true,
    }
}

/// The benchmark dataset: all 290 municipalities × 3 rounds, every visible question answered.
pub fn national() -> Spec<'static> {
    Spec {
        municipalities: register::all().iter().collect(),
        rounds: vec!["2018".into(), "2021".into(), "2024".into()],
        seed: 290,
        demo: false,
        realistic_gaps: false,
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filled {
    pub interviews: usize,
    pub answers: usize,
}

/// Writes the dataset in one transaction (all or nothing). Earlier rounds are completed.
pub fn fill(store: &Store, src: &Source, spec: &Spec<'_>) -> Result<Filled> {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let tx = store.begin()?;
    let mut filled = Filled::default();
    let last_round = spec.rounds.last().cloned().unwrap_or_default();
    for m in &spec.municipalities {
        let base: f64 = 0.15 + 0.55 * rng.f64();
        for (r, round) in spec.rounds.iter().enumerate() {
            let maturity = (base + 0.12 * r as f64 + 0.05 * (rng.f64() - 0.5)).clamp(0.0, 1.0);
            let new = NewInterview {
                municipality_code: m.code.clone(),
                round: round.clone(),
                interviewer: if spec.demo { DEMO_INTERVIEWER.into() } else { "Nationell testdata".into() },
                respondents: "IT-chef, digitaliseringsstrateg".into(),
                demo: spec.demo,
                ..Default::default()
            };
            let iv = store.create_interview(src, &new)?;
            let answers = answers_for(&src.questionnaire, maturity, &mut rng, spec.realistic_gaps);
            for (qid, value, note) in answers {
                store.set_answer(&iv.id, &qid, value.as_ref(), &note, &new.interviewer)?;
                filled.answers += 1;
            }
            if *round != last_round {
                store.complete(&iv.id, &new.interviewer)?;
            }
            filled.interviews += 1;
        }
    }
    tx.commit()?;
    Ok(filled)
}

/// Answers in questionnaire order, respecting `show_if` as an interviewer would.
pub fn answers_for(
    q: &crate::model::Questionnaire,
    maturity: f64,
    rng: &mut fastrand::Rng,
    gaps: bool,
) -> Vec<(String, Option<AnswerValue>, String)> {
    let mut given = Answers::default();
    let mut out = Vec::new();
    for question in q.questions() {
        if !visible_ids(q, &given).contains(&question.id) {
            continue;
        }
        if gaps && !question.required && rng.f64() < 0.06 {
            continue;
        }
        let value = if gaps && rng.f64() < 0.05 {
            AnswerValue::DontKnow
        } else if gaps && question.allow_na && rng.f64() < 0.1 {
            AnswerValue::NotApplicable
        } else {
            value_for(question, maturity, rng)
        };
        let note = if gaps && rng.f64() < 0.15 { NOTES[rng.usize(..NOTES.len())].to_string() } else { String::new() };
        given.insert(question.id.clone(), value.clone());
        out.push((question.id.clone(), Some(value), note));
    }
    out
}

fn target_level(maturity: f64, rng: &mut fastrand::Rng) -> u8 {
    (maturity * 4.0 + (rng.f64() - 0.5) * 1.6).round().clamp(0.0, 4.0) as u8
}

fn value_for(question: &Question, maturity: f64, rng: &mut fastrand::Rng) -> AnswerValue {
    match &question.kind {
        QuestionKind::Scale { .. } => AnswerValue::Choice(vec![target_level(maturity, rng).to_string()]),
        QuestionKind::Single { options } => {
            let target = target_level(maturity, rng);
            let pick = if options.iter().any(|o| o.level.is_some()) {
                options.iter().min_by_key(|o| (o.level.unwrap_or(0) as i16 - target as i16).abs() * 10 + rng.i16(0..10))
            } else {
                options.get(rng.usize(..options.len()))
            };
            AnswerValue::Choice(pick.map(|o| vec![o.id.clone()]).unwrap_or_default())
        }
        QuestionKind::Multi { options } => {
            let p = 0.15 + 0.45 * maturity;
            let mut chosen: Vec<String> = options.iter().filter(|_| rng.f64() < p).map(|o| o.id.clone()).collect();
            if chosen.is_empty() {
                chosen.push(options[rng.usize(..options.len())].id.clone());
            }
            AnswerValue::Choice(chosen)
        }
        QuestionKind::YesNo { .. } => crate::model::answer::yes_no(rng.f64() < 0.3 + 0.6 * maturity),
        QuestionKind::Number { min, max, .. } => {
            let lo = min.unwrap_or(0.0);
            let hi = max.unwrap_or(100.0);
            let v = 55.0 + 45.0 * maturity + (rng.f64() - 0.5) * 12.0;
            AnswerValue::Number((v.clamp(lo, hi) * 10.0).round() / 10.0)
        }
        QuestionKind::Text => AnswerValue::Text(format!("{DEMO_INTERVIEWER}: {}", TEXTS[rng.usize(..TEXTS.len())])),
    }
}

const TEXTS: &[&str] = &[
    "Kompetensförsörjningen inom vård och omsorg är den största utmaningen.",
    "Vi behöver gemensamma e-tjänster för bygglov och försörjningsstöd.",
    "Välfärdsteknik i hemtjänsten, t.ex. digital tillsyn nattetid.",
    "Ett gemensamt e-arkiv för kommunerna i länet vore en stor vinst.",
    "Regionen bör samordna upphandlingsstöd och omvärldsbevakning.",
    "Automatisering av administrativa flöden med robotar inom ekonomi.",
    "Bredbandsutbyggnaden på landsbygden är inte klar.",
];

const NOTES: &[&str] = &[
    "Exempeldata: kommunen återkommer med dokument.",
    "Exempeldata: beslut väntas under hösten.",
    "Exempeldata: gäller främst socialförvaltningen.",
    "Exempeldata: siffran från PTS senaste kartläggning.",
];
