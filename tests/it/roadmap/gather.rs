//! Reading only what a selection needs gives the same roadmaps as reading the whole database.

use super::{catalogue, demo_store};
use fardplan::compare::Selection;
use fardplan::gather::gather;

#[test]
fn a_selection_plans_like_the_whole_database() {
    let store = demo_store();
    let cat = catalogue();
    let selection = Selection::Codes(vec!["1280".into(), "1293".into()]);
    for round in ["2018", "2022"] {
        let all = gather(&store, Some(round), &Selection::All).unwrap().unwrap();
        let some = gather(&store, Some(round), &selection).unwrap().unwrap();
        let a = all.plan(&store, &cat, &selection).unwrap();
        let b = some.plan(&store, &cat, &selection).unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(a, b, "round {round}");
        // The county medians in the evidence come from the whole county, not the two selected.
        let county = all.plan(&store, &cat, &Selection::County("12".into())).unwrap();
        assert!(county.len() > 2);
    }
    // Without a round, the selection's latest one.
    assert_eq!(gather(&store, None, &selection).unwrap().unwrap().round, "2022");
    // A county with no interview has nothing to plan.
    assert!(gather(&store, None, &Selection::County("01".into())).unwrap().is_none());
}
