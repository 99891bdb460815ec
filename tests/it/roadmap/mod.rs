//! Roadmaps: the catalogue loader and its fixtures, the shipped catalogue, the PDF and the CLI.

mod catalogue;
mod cli;
mod gather;
mod pdf;
mod reader;
mod tui;

use crate::support::shipped;
use fardplan::compare::Selection;
use fardplan::gather::gather;
use fardplan::load::embedded_catalogue;
use fardplan::model::roadmap::Catalogue;
use fardplan::plan::{CountyRoadmap, MunicipalityRoadmap};
use fardplan::store::Store;

pub fn catalogue() -> Catalogue {
    embedded_catalogue(&[shipped()]).expect("shipped catalogue").catalogue
}

/// The `fardplan demo` dataset (33 Skåne municipalities, rounds 2018 and 2022) in memory.
pub fn demo_store() -> Store {
    let store = Store::open_in_memory().expect("in-memory store");
    fardplan::demo::fill(&store, &shipped(), &fardplan::demo::skane_demo()).expect("demo data");
    store
}

pub fn municipality_plan(store: &Store, code: &str, round: &str) -> MunicipalityRoadmap {
    let selection = Selection::Codes(vec![code.into()]);
    let data = gather(store, Some(round), &selection).expect("gather").expect("interviews");
    let plans = data.plan(store, &catalogue(), &selection).expect("plan");
    plans.into_iter().next().expect("an interview for the code and round")
}

pub fn county_plan(store: &Store, cc: &str, round: &str) -> CountyRoadmap {
    let data = gather(store, Some(round), &Selection::County(cc.into())).expect("gather").expect("interviews");
    data.plan_county(store, &catalogue(), cc).expect("plan").expect("interviews in the county")
}

/// Text without any whitespace, so that a sentence wrapped over lines still matches.
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
