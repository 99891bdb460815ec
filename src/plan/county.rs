//! The county's roadmap: the entries many of its municipalities share, proposed as joint work
//! (samverkan, samordning, samutveckling: the "3S" of the Skåne material), and the spread of
//! the county's scores.

use super::{CatalogueInfo, MunicipalityRoadmap};
use crate::compare::SetSummary;
use crate::model::roadmap::{Catalogue, Entry};
use serde::Serialize;

/// An entry is proposed to the county when at least this many municipalities selected it.
pub const SHARED_AT_LEAST: usize = 2;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountyRoadmap {
    pub county_code: String,
    pub county: String,
    pub round: String,
    /// True when any interview counted is example data.
    pub demo: bool,
    pub catalogue: CatalogueInfo,
    /// Median, quartiles and range of each sub-goal score (from `compare::summarise`).
    pub summary: SetSummary,
    /// The interviewed municipalities, in code order.
    pub members: Vec<CountyMember>,
    /// Entries with joint work (samverkan, samordning, samutveckling) selected for at least
    /// `SHARED_AT_LEAST` municipalities; most municipalities first.
    pub shared: Vec<SharedEntry>,
    /// Entries each municipality does on its own (`egen`) that many still have in common, in the
    /// same order: the county can support them, e.g. with templates, but not do them jointly.
    pub common_own: Vec<SharedEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountyMember {
    pub code: String,
    pub name: String,
    pub interviewer: String,
    pub date: String,
    pub index: Option<f64>,
    pub index_uncertain: bool,
    pub entries: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedEntry {
    pub entry: Entry,
    /// The municipalities that selected it, in code order.
    pub municipalities: Vec<SharedBy>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedBy {
    pub code: String,
    pub name: String,
    /// Selected there only through an uncertain score.
    pub uncertain: bool,
}

impl SharedEntry {
    pub fn count(&self) -> usize {
        self.municipalities.len()
    }

    pub fn uncertain_count(&self) -> usize {
        self.municipalities.iter().filter(|m| m.uncertain).count()
    }
}

/// Builds the county roadmap from the roadmaps of its interviewed municipalities (any order)
/// and the county's score summary. Ties in the count are broken by how many selections are
/// certain, then by catalogue order.
pub fn county_roadmap(
    catalogue: &Catalogue,
    county_code: &str,
    county: &str,
    summary: SetSummary,
    roadmaps: &[MunicipalityRoadmap],
) -> CountyRoadmap {
    let mut sorted: Vec<&MunicipalityRoadmap> = roadmaps.iter().collect();
    sorted.sort_by(|a, b| a.standing.municipality_code.cmp(&b.standing.municipality_code));
    let mut by_entry: Vec<(usize, SharedEntry)> = catalogue
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let municipalities = sorted
                .iter()
                .filter_map(|r| {
                    r.entries.iter().find(|p| p.entry.id == entry.id).map(|p| SharedBy {
                        code: r.standing.municipality_code.clone(),
                        name: r.standing.municipality.clone(),
                        uncertain: p.uncertain,
                    })
                })
                .collect();
            (i, SharedEntry { entry: entry.clone(), municipalities })
        })
        .filter(|(_, s)| s.count() >= SHARED_AT_LEAST)
        .collect();
    by_entry.sort_by(|(ia, a), (ib, b)| {
        b.count().cmp(&a.count()).then(a.uncertain_count().cmp(&b.uncertain_count())).then(ia.cmp(ib))
    });
    let (shared, common_own): (Vec<SharedEntry>, Vec<SharedEntry>) =
        by_entry.into_iter().map(|(_, s)| s).partition(|s| s.entry.joint_work.is_shared());
    let members = sorted
        .iter()
        .map(|r| CountyMember {
            code: r.standing.municipality_code.clone(),
            name: r.standing.municipality.clone(),
            interviewer: r.info.interviewer.clone(),
            date: r.info.date.clone(),
            index: r.standing.index.score,
            index_uncertain: r.standing.index.uncertain,
            entries: r.entries.len(),
        })
        .collect();
    CountyRoadmap {
        county_code: county_code.to_string(),
        county: county.to_string(),
        round: summary.round.clone(),
        demo: summary.demo || roadmaps.iter().any(|r| r.standing.demo),
        catalogue: CatalogueInfo::of(catalogue),
        summary,
        members,
        shared,
        common_own,
    }
}
