//! Collect (the I/O shell of the analyst views): reads interviews and answers from the store and
//! turns them into what the pure comparison needs — `compare::Scored` for standings and set
//! statistics, `compare::ReportInput` for the Skåne report. The CLI and the TUI both call this,
//! so a screen and an export of the same selection always show the same numbers.

use crate::compare::{Notes, ReportInput, Scored, Selection};
use crate::model::Questionnaire;
use crate::model::visibility::Answers;
use crate::register::Municipality;
use crate::score::score_interview;
use crate::store::{Interview, InterviewFilter, Result, Store};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// Every interview of the store, scored. Both lists are in the store's order (municipality,
/// round, start time), which is the order `compare` expects: for two interviews of the same
/// municipality and round, the later started one comes last and counts.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub interviews: Vec<Interview>,
    pub scored: Vec<Scored>,
}

impl Dataset {
    /// Every interview of the store, scored: for views that filter afterwards (the compare
    /// screen). The comparison needs every round for "change since the previous round" and
    /// every municipality of a county for ranks and medians.
    pub fn load(store: &Store) -> Result<Dataset> {
        let interviews = store.interviews(&InterviewFilter::default())?;
        Dataset::score(store, interviews)
    }

    /// Only what a comparison of `selection` in `round` looks at: every interview of that round
    /// in the counties of the selected municipalities (ranks and medians are per county), and
    /// the selected municipalities' interviews in their previous round (change). Gives the same standings and statistics as `load` for that round and selection,
    /// with less to read and score. Returns the round — the latest of the selection when None —
    /// with the data, or None when the selection has no interview at all.
    pub fn load_for(
        store: &Store,
        round: Option<&str>,
        selection: &Selection,
        register: &[Municipality],
    ) -> Result<Option<(String, Dataset)>> {
        let all = store.interviews(&InterviewFilter::default())?;
        let pairs = all.iter().map(|i| (i.municipality_code.as_str(), i.round.as_str()));
        let Some(round) = round.map(str::to_string).or_else(|| latest_round(pairs, selection, register)) else {
            return Ok(None);
        };
        let county_of = county_lookup(register);
        let includes = selection.membership(register);
        let mut member: HashMap<&str, bool> = HashMap::new();
        let mut selected: BTreeSet<&str> = BTreeSet::new();
        let mut counties: BTreeSet<String> = BTreeSet::new();
        for iv in all.iter().filter(|i| i.round == round) {
            let code = iv.municipality_code.as_str();
            if *member.entry(code).or_insert_with(|| includes(code)) {
                selected.insert(code);
                counties.insert(county_of(code));
            }
        }
        // The previous round of each selected municipality: its greatest round below `round`.
        let mut previous: HashMap<&str, &str> = HashMap::new();
        for i in all.iter().filter(|i| i.round < round && selected.contains(i.municipality_code.as_str())) {
            let p = previous.entry(i.municipality_code.as_str()).or_insert(i.round.as_str());
            if i.round.as_str() > *p {
                *p = i.round.as_str();
            }
        }
        let keep: Vec<bool> = all
            .iter()
            .map(|i| {
                let code = i.municipality_code.as_str();
                (i.round == round && counties.contains(&county_of(code)))
                    || previous.get(code).is_some_and(|p| *p == i.round)
            })
            .collect();
        let kept = all.into_iter().zip(keep).filter(|(_, k)| *k).map(|(i, _)| i).collect();
        Ok(Some((round, Dataset::score(store, kept)?)))
    }

    /// Scores `interviews`, reading each one's answers through the primary key and keeping one
    /// interview's answers in memory at a time.
    fn score(store: &Store, interviews: Vec<Interview>) -> Result<Dataset> {
        let mut answers = Answers::default();
        let mut scored = Vec::with_capacity(interviews.len());
        for iv in &interviews {
            let q = store.snapshot(&iv.snapshot_hash)?;
            answers.clear();
            store.for_each_answer_value(&iv.id, |question, value| {
                answers.insert(question.to_string(), value);
            })?;
            scored.push(Scored {
                municipality_code: iv.municipality_code.clone(),
                round: iv.round.clone(),
                interview_id: iv.id.clone(),
                score: score_interview(&q, &answers),
                demo: iv.demo,
            });
        }
        Ok(Dataset { interviews, scored })
    }

    /// The round to show when the user names none: the latest round in which a municipality of
    /// `selection` has an interview. None when the selection has no interview at all.
    pub fn default_round(&self, selection: &Selection, register: &[Municipality]) -> Option<String> {
        latest_round(
            self.interviews.iter().map(|i| (i.municipality_code.as_str(), i.round.as_str())),
            selection,
            register,
        )
    }
}

/// A municipality's county by the comparison's rule: from the register, or the code's first
/// two digits for a code the register lacks (as `compare` does).
fn county_lookup(register: &[Municipality]) -> impl Fn(&str) -> String + '_ {
    let map: HashMap<&str, &str> = register.iter().map(|m| (m.code.as_str(), m.county_code.as_str())).collect();
    move |code| map.get(code).map_or_else(|| code.chars().take(2).collect(), |c| c.to_string())
}

/// The latest round among `(municipality code, round)` pairs whose municipality is in the
/// selection. Rounds compare as strings, as everywhere in `compare`.
pub fn latest_round<'a>(
    pairs: impl Iterator<Item = (&'a str, &'a str)>,
    selection: &Selection,
    register: &[Municipality],
) -> Option<String> {
    let includes = selection.membership(register);
    let mut member: HashMap<&str, bool> = HashMap::new();
    let mut best: Option<&str> = None;
    for (code, round) in pairs {
        let inside = *member.entry(code).or_insert_with(|| includes(code));
        if inside && best.is_none_or(|b| round > b) {
            best = Some(round);
        }
    }
    best.map(str::to_string)
}

/// The rounds in which a municipality of the selection has an interview, ascending.
pub fn rounds_in(interviews: &[Interview], selection: &Selection, register: &[Municipality]) -> Vec<String> {
    let includes = selection.membership(register);
    let codes: BTreeSet<&str> = interviews.iter().map(|i| i.municipality_code.as_str()).collect();
    let inside: BTreeSet<&str> = codes.into_iter().filter(|c| includes(c)).collect();
    interviews
        .iter()
        .filter(|i| inside.contains(i.municipality_code.as_str()))
        .map(|i| i.round.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// One interview's questionnaire, answers and notes, owned, so `inputs` can lend them out.
#[derive(Debug, Clone)]
struct ReportEntry {
    municipality_code: String,
    questionnaire: Arc<Questionnaire>,
    answers: Answers,
    notes: Notes,
    demo: bool,
}

/// What the Skåne report needs for one round and selection, read from the store.
#[derive(Debug, Clone, Default)]
pub struct ReportData {
    pub round: String,
    entries: Vec<ReportEntry>,
}

impl ReportData {
    /// Reads the interviews of `selection` in `round` (latest round of the selection when None).
    /// Returns None when the selection has no interview in that round.
    pub fn load(
        store: &Store,
        round: Option<&str>,
        selection: &Selection,
        register: &[Municipality],
    ) -> Result<Option<ReportData>> {
        let all = store.interviews(&InterviewFilter::default())?;
        let round = match round {
            Some(r) => r.to_string(),
            None => match latest_round(
                all.iter().map(|i| (i.municipality_code.as_str(), i.round.as_str())),
                selection,
                register,
            ) {
                Some(r) => r,
                None => return Ok(None),
            },
        };
        let includes = selection.membership(register);
        let mut member: HashMap<String, bool> = HashMap::new();
        let mut entries = Vec::new();
        for iv in all.iter().filter(|i| i.round == round) {
            let inside = *member.entry(iv.municipality_code.clone()).or_insert_with(|| includes(&iv.municipality_code));
            if !inside {
                continue;
            }
            // One query per interview: a county is at most a few dozen, and these rows also
            // carry the notes, which the value-only reads leave out.
            let mut answers = Answers::default();
            let mut notes = Notes::new();
            for a in store.answers(&iv.id)? {
                if let Some(v) = a.value {
                    answers.insert(a.question_id.clone(), v);
                }
                if !a.note.trim().is_empty() {
                    notes.insert(a.question_id, a.note);
                }
            }
            entries.push(ReportEntry {
                municipality_code: iv.municipality_code.clone(),
                questionnaire: store.snapshot(&iv.snapshot_hash)?,
                answers,
                notes,
                demo: iv.demo,
            });
        }
        Ok((!entries.is_empty()).then_some(ReportData { round, entries }))
    }

    /// The inputs for `compare::skane_report`, in the store's order (municipality code, then
    /// start time, so the latest started interview of a municipality counts).
    pub fn inputs(&self) -> Vec<ReportInput<'_>> {
        self.entries
            .iter()
            .map(|e| ReportInput {
                municipality_code: &e.municipality_code,
                questionnaire: &e.questionnaire,
                answers: &e.answers,
                notes: &e.notes,
                demo: e.demo,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::embedded_questionnaire;
    use crate::model::AnswerValue;
    use crate::register;
    use crate::store::NewInterview;

    fn interview(store: &Store, code: &str, round: &str) -> String {
        let src = embedded_questionnaire().unwrap();
        let new = NewInterview { municipality_code: code.into(), round: round.into(), ..Default::default() };
        store.create_interview(&src, &new).unwrap().id
    }

    fn level(store: &Store, id: &str, qid: &str, level: &str) {
        store.set_answer(id, qid, Some(&AnswerValue::Choice(vec![level.into()])), "", "test").unwrap();
    }

    #[test]
    fn scores_every_interview_and_picks_the_latest_round_of_the_selection() {
        let store = Store::open_in_memory().unwrap();
        let malmo = interview(&store, "1280", "2018");
        level(&store, &malmo, "kompetens_ledning", "2");
        interview(&store, "1280", "2022");
        interview(&store, "0114", "2024");
        let data = Dataset::load(&store).unwrap();
        assert_eq!(data.scored.len(), 3);
        // One level-2 answer of weight 1 → 25 × 2 = 50, with low coverage.
        let first = data.scored.iter().find(|s| s.interview_id == malmo).unwrap();
        let kompetens = first.score.get(crate::model::SubGoal::Kompetens);
        assert_eq!(kompetens.score, Some(50.0));
        assert!(kompetens.uncertain);
        let reg = register::all();
        assert_eq!(data.default_round(&Selection::County("12".into()), reg).as_deref(), Some("2022"));
        assert_eq!(data.default_round(&Selection::All, reg).as_deref(), Some("2024"));
        assert_eq!(data.default_round(&Selection::County("25".into()), reg), None);
        assert_eq!(rounds_in(&data.interviews, &Selection::County("12".into()), reg), ["2018", "2022"]);
    }

    #[test]
    fn load_for_gives_the_same_comparison_as_loading_everything() {
        use crate::compare::{compare_municipalities, summarise};
        use crate::demo::{Spec, fill};
        let store = Store::open_in_memory().unwrap();
        let src = embedded_questionnaire().unwrap();
        let reg = register::all();
        let picked: Vec<_> = ["1280", "1281", "1283", "1286", "2580", "2581", "0180", "0162"]
            .iter()
            .filter_map(|c| register::by_code(c))
            .collect();
        let spec = Spec {
            municipalities: picked,
            rounds: vec!["2018".into(), "2021".into(), "2024".into()],
            seed: 7,
            demo: false,
            realistic_gaps: true,
        };
        fill(&store, &src, &spec).unwrap();
        // Ystad skips 2021 (its previous round for 2024 is 2018) and has a second 2024 interview,
        // which counts because it was started last.
        interview(&store, "1290", "2018");
        let again = interview(&store, "1286", "2024");
        level(&store, &again, "kompetens_ledning", "4");
        let everything = Dataset::load(&store).unwrap();
        let selections = [
            Selection::All,
            Selection::County("12".into()),
            Selection::Group("B3".into()),
            Selection::Codes(vec!["1286".into(), "2580".into()]),
        ];
        for selection in &selections {
            for round in [None, Some("2021"), Some("2018")] {
                let (r, part) = Dataset::load_for(&store, round, selection, reg).unwrap().unwrap();
                assert_eq!(r, round.unwrap_or("2024"));
                assert!(part.scored.len() <= everything.scored.len());
                assert_eq!(
                    compare_municipalities(&part.scored, reg, &r, selection),
                    compare_municipalities(&everything.scored, reg, &r, selection),
                    "{selection:?} {r}"
                );
                assert_eq!(
                    summarise(&part.scored, reg, &r, selection),
                    summarise(&everything.scored, reg, &r, selection)
                );
            }
        }
        let none = Dataset::load_for(&store, None, &Selection::County("03".into()), reg).unwrap();
        assert!(none.is_none());
    }

    #[test]
    fn report_data_carries_answers_and_notes_of_the_round() {
        let store = Store::open_in_memory().unwrap();
        let id = interview(&store, "1280", "2022");
        store.set_answer(&id, "utmaningar", Some(&AnswerValue::Text("=1+1".into())), "KF 2019", "test").unwrap();
        interview(&store, "0114", "2022");
        let reg = register::all();
        let data = ReportData::load(&store, None, &Selection::County("12".into()), reg).unwrap().unwrap();
        assert_eq!(data.round, "2022");
        let inputs = data.inputs();
        assert_eq!(inputs.len(), 1);
        assert_eq!(inputs[0].notes.get("utmaningar").map(String::as_str), Some("KF 2019"));
        assert!(ReportData::load(&store, Some("2018"), &Selection::County("12".into()), reg).unwrap().is_none());
    }
}
