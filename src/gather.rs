//! Reads what scoring, comparison and roadmap planning need from the store, and hands it to the
//! pure core (`score`, `compare`, `plan`). The only module of the roadmap path that does I/O.

use crate::compare::{Notes, Scored, Selection, compare_municipalities, summarise};
use crate::model::Questionnaire;
use crate::model::roadmap::Catalogue;
use crate::model::visibility::Answers;
use crate::plan::{self, CountyRoadmap, InterviewInfo, MunicipalityRoadmap};
use crate::register;
use crate::score::score_interview;
use crate::store::{Interview, InterviewFilter, Result, Store};
use std::collections::HashMap;
use std::sync::Arc;

/// Every interview of the database, scored.
pub struct Gathered {
    /// In the store's order: municipality, round, start time.
    pub interviews: Vec<Interview>,
    /// One per interview, in the same order (so for a municipality and round the latest
    /// started interview counts, as `compare` takes the last one given).
    pub scored: Vec<Scored>,
    answers: HashMap<String, Answers>,
    snapshots: HashMap<String, Arc<Questionnaire>>,
}

pub fn gather(store: &Store) -> Result<Gathered> {
    let interviews = store.interviews(&InterviewFilter::default())?;
    let mut answers = store.all_answer_values()?;
    let mut snapshots = HashMap::new();
    let mut scored = Vec::with_capacity(interviews.len());
    for iv in &interviews {
        let q = match snapshots.get(&iv.snapshot_hash) {
            Some(q) => Arc::clone(q),
            None => {
                let q = store.snapshot(&iv.snapshot_hash)?;
                snapshots.insert(iv.snapshot_hash.clone(), Arc::clone(&q));
                q
            }
        };
        let a = answers.entry(iv.id.clone()).or_default();
        scored.push(Scored {
            municipality_code: iv.municipality_code.clone(),
            round: iv.round.clone(),
            interview_id: iv.id.clone(),
            score: score_interview(&q, a),
            demo: iv.demo,
        });
    }
    Ok(Gathered { interviews, scored, answers, snapshots })
}

impl Gathered {
    /// The greatest round among the interviews `filter` accepts: the default round.
    pub fn latest_round(&self, filter: impl Fn(&Interview) -> bool) -> Option<String> {
        self.interviews.iter().filter(|i| filter(i)).map(|i| i.round.clone()).max()
    }

    /// The roadmaps of the municipalities of `selection` interviewed in `round`, in code order.
    /// Medians are taken over each municipality's county whatever the selection.
    pub fn plan(
        &self,
        store: &Store,
        catalogue: &Catalogue,
        round: &str,
        selection: &Selection,
    ) -> Result<Vec<MunicipalityRoadmap>> {
        let standings = compare_municipalities(&self.scored, register::all(), round, selection);
        let by_id: HashMap<&str, &Interview> = self.interviews.iter().map(|i| (i.id.as_str(), i)).collect();
        let empty = Answers::new();
        let mut out = Vec::with_capacity(standings.len());
        for standing in &standings {
            let Some(iv) = by_id.get(standing.interview_id.as_str()) else { continue };
            let Some(q) = self.snapshots.get(&iv.snapshot_hash) else { continue };
            let notes: Notes = store
                .answers(&iv.id)?
                .into_iter()
                .filter(|a| !a.note.trim().is_empty())
                .map(|a| (a.question_id, a.note))
                .collect();
            let info = InterviewInfo {
                interviewer: iv.interviewer.clone(),
                respondents: iv.respondents.clone(),
                date: iv.started_at.chars().take(10).collect(),
            };
            let input = plan::Input {
                standing,
                info: &info,
                questionnaire: q,
                answers: self.answers.get(&iv.id).unwrap_or(&empty),
                notes: &notes,
            };
            out.push(plan::municipality_roadmap(catalogue, &input));
        }
        Ok(out)
    }

    /// The county roadmap of `county_code` in `round`; None when no municipality of the county
    /// was interviewed then.
    pub fn plan_county(
        &self,
        store: &Store,
        catalogue: &Catalogue,
        county_code: &str,
        round: &str,
    ) -> Result<Option<CountyRoadmap>> {
        let selection = Selection::County(county_code.to_string());
        let roadmaps = self.plan(store, catalogue, round, &selection)?;
        if roadmaps.is_empty() {
            return Ok(None);
        }
        let summary = summarise(&self.scored, register::all(), round, &selection);
        let county = register::counties()
            .into_iter()
            .find(|(c, _)| c == county_code)
            .map(|(_, name)| name)
            .unwrap_or_else(|| county_code.to_string());
        Ok(Some(plan::county_roadmap(catalogue, county_code, &county, summary, &roadmaps)))
    }
}
