//! Reads what roadmap planning needs from the store and hands it to the pure core (`plan`).
//! Scoring and the choice of interviews come from `analysis` (the same collect layer the
//! analyst views use), so a roadmap and a comparison of the same round agree.

use crate::analysis::Dataset;
use crate::compare::{Notes, Selection, compare_municipalities, summarise};
use crate::model::roadmap::Catalogue;
use crate::model::visibility::Answers;
use crate::plan::{self, CountyRoadmap, InterviewInfo, MunicipalityRoadmap};
use crate::register;
use crate::store::{Interview, Result, Store};
use std::collections::HashMap;

/// The scored interviews a roadmap of one selection needs, and the round they are for.
pub struct Gathered {
    pub round: String,
    data: Dataset,
}

/// Reads only what planning `selection` in `round` looks at (see `Dataset::load_for`): the
/// round — the selection's latest when None — in the selected municipalities' counties, plus
/// their previous round. None when the selection has no interview at all.
pub fn gather(store: &Store, round: Option<&str>, selection: &Selection) -> Result<Option<Gathered>> {
    Ok(Dataset::load_for(store, round, selection, register::all())?.map(|(round, data)| Gathered { round, data }))
}

impl Gathered {
    /// The roadmaps of the municipalities of `selection` interviewed in the round, in code order.
    /// Medians are taken over each municipality's county whatever the selection.
    pub fn plan(
        &self,
        store: &Store,
        catalogue: &Catalogue,
        selection: &Selection,
    ) -> Result<Vec<MunicipalityRoadmap>> {
        let standings = compare_municipalities(&self.data.scored, register::all(), &self.round, selection);
        let by_id: HashMap<&str, &Interview> = self.data.interviews.iter().map(|i| (i.id.as_str(), i)).collect();
        let mut out = Vec::with_capacity(standings.len());
        for standing in &standings {
            let Some(iv) = by_id.get(standing.interview_id.as_str()) else { continue };
            let questionnaire = store.snapshot(&iv.snapshot_hash)?;
            // One read per planned interview gives both the answers and the notes.
            let mut answers = Answers::default();
            let mut notes = Notes::new();
            for a in store.answers(&iv.id)? {
                if !a.note.trim().is_empty() {
                    notes.insert(a.question_id.clone(), a.note);
                }
                if let Some(v) = a.value {
                    answers.insert(a.question_id, v);
                }
            }
            let info = InterviewInfo {
                interviewer: iv.interviewer.clone(),
                respondents: iv.respondents.clone(),
                date: iv.started_at.chars().take(10).collect(),
            };
            let input =
                plan::Input { standing, info: &info, questionnaire: &questionnaire, answers: &answers, notes: &notes };
            out.push(plan::municipality_roadmap(catalogue, &input));
        }
        Ok(out)
    }

    /// The county roadmap of `county_code` in the round; None when no municipality of the
    /// county was interviewed then.
    pub fn plan_county(
        &self,
        store: &Store,
        catalogue: &Catalogue,
        county_code: &str,
    ) -> Result<Option<CountyRoadmap>> {
        let selection = Selection::County(county_code.to_string());
        let roadmaps = self.plan(store, catalogue, &selection)?;
        if roadmaps.is_empty() {
            return Ok(None);
        }
        let summary = summarise(&self.data.scored, register::all(), &self.round, &selection);
        let county = register::county_name(county_code).unwrap_or(county_code).to_string();
        Ok(Some(plan::county_roadmap(catalogue, county_code, &county, summary, &roadmaps)))
    }
}
