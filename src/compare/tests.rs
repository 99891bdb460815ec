//! Hand-computed comparisons and set statistics on a small invented register.

use super::*;
use crate::model::SubGoal;
use crate::score::{Band, SubGoalScore, index_of};

fn municipality(code: &str, name: &str, group: &str) -> Municipality {
    Municipality {
        code: code.into(),
        name: name.into(),
        county_code: code[..2].into(),
        county_name: format!("Län {}", &code[..2]),
        skr_group: group.into(),
        population: 1000,
        population_year: 2019,
    }
}

fn register() -> Vec<Municipality> {
    vec![
        municipality("1201", "Aby", "A2"),
        municipality("1202", "Bby", "B4"),
        municipality("1203", "Cby", "B4"),
        municipality("1204", "Dby", "B4"),
        municipality("1205", "Eby", "C7"),
        municipality("1301", "Fby", "B4"),
    ]
}

/// An interview whose five sub-goals have these scores (coverage 100 %, or 30 % when flagged).
fn scored(code: &str, round: &str, id: &str, scores: [Option<f64>; 5], uncertain: [bool; 5]) -> Scored {
    let subgoals = SubGoal::ALL.map(|g| {
        let i = g.index();
        let coverage = if scores[i].is_none() {
            0.0
        } else if uncertain[i] {
            0.3
        } else {
            1.0
        };
        SubGoalScore {
            subgoal: g,
            score: scores[i],
            coverage,
            answered_weight: coverage * 10.0,
            visible_weight: 10.0,
            uncertain: coverage < crate::score::UNCERTAIN_BELOW,
            band: scores[i].map(Band::of),
        }
    });
    let (index, index_uncertain) = index_of(&subgoals);
    Scored {
        municipality_code: code.into(),
        round: round.into(),
        interview_id: id.into(),
        score: InterviewScore { subgoals, index, index_uncertain, index_band: index.map(Band::of) },
        demo: false,
    }
}

const SURE: [bool; 5] = [false; 5];

fn all(x: f64) -> [Option<f64>; 5] {
    [Some(x); 5]
}

/// Round 2022 in county 12: ledning 80, 60, 60, 40 (Eby not interviewed); county 13: Fby.
fn data() -> Vec<Scored> {
    vec![
        scored("1201", "2018", "a18", all(50.0), SURE),
        scored("1201", "2022", "a22-first", all(0.0), SURE),
        scored("1201", "2022", "a22", [Some(70.0), Some(90.0), None, Some(80.0), Some(50.0)], SURE),
        scored("1202", "2020", "b20", all(65.0), SURE),
        scored("1202", "2022", "b22", [Some(70.0), Some(30.0), Some(20.0), Some(60.0), Some(50.0)], SURE),
        scored("1203", "2022", "c22", [Some(10.0), Some(30.0), Some(40.0), Some(60.0), None], SURE),
        scored("1203", "2024", "c24", all(100.0), SURE),
        scored("1204", "2022", "d22", all(40.0), [false, false, false, true, false]),
        scored("1301", "2022", "f22", all(10.0), SURE),
    ]
}

fn find<'a>(rows: &'a [MunicipalityComparison], code: &str) -> &'a MunicipalityComparison {
    rows.iter().find(|r| r.municipality_code == code).unwrap()
}

#[test]
fn ranks_and_medians_within_the_county() {
    let rows = compare_municipalities(&data(), &register(), "2022", &Selection::All);
    assert_eq!(
        rows.iter().map(|r| r.municipality_code.as_str()).collect::<Vec<_>>(),
        ["1201", "1202", "1203", "1204", "1301"]
    );
    let ledning = |code: &str| find(&rows, code).subgoals[SubGoal::Ledning.index()].clone();
    // 80, 60, 60, 40: ties share rank 2, the next is 4; median (60 + 60) / 2.
    assert_eq!(
        [ledning("1201"), ledning("1202"), ledning("1203"), ledning("1204")].map(|s| s.rank_in_county),
        [Some(1), Some(2), Some(2), Some(4)]
    );
    let a = ledning("1201");
    assert_eq!((a.ranked_in_county, a.county_median, a.from_county_median), (4, Some(60.0), Some(20.0)));
    assert_eq!(a.band, Some(Band::Ledande));
    let d = ledning("1204");
    assert_eq!((d.from_county_median, d.uncertain, d.coverage), (Some(-20.0), true, Some(0.3)));
    // Innovation: Aby has none, so 3 are ranked: 40, 40, 20 → median 40 of an odd set.
    let innovation = find(&rows, "1201").subgoals[SubGoal::Innovation.index()].clone();
    assert_eq!((innovation.score, innovation.rank_in_county, innovation.from_county_median), (None, None, None));
    let c = &find(&rows, "1203").subgoals[SubGoal::Innovation.index()];
    assert_eq!((c.rank_in_county, c.ranked_in_county, c.county_median), (Some(1), 3, Some(40.0)));
    // The other county is ranked on its own.
    let f = &find(&rows, "1301").subgoals[SubGoal::Ledning.index()];
    assert_eq!((f.rank_in_county, f.ranked_in_county, f.county_median), (Some(1), 1, Some(10.0)));
}

#[test]
fn the_index_is_ranked_like_a_subgoal() {
    let rows = compare_municipalities(&data(), &register(), "2022", &Selection::County("12".into()));
    // Indexes: Aby (70+90+80+50)/4 = 72.5, Bby 46, Cby (10+30+40+60)/4 = 35, Dby 40.
    let index = |code: &str| find(&rows, code).index.clone();
    assert_eq!(index("1201").score, Some(72.5));
    assert_eq!(index("1202").score, Some(46.0));
    assert_eq!(["1201", "1202", "1203", "1204"].map(|c| index(c).rank_in_county), [Some(1), Some(2), Some(4), Some(3)]);
    // Median of 35, 40, 46, 72.5 = (40 + 46) / 2.
    assert_eq!(index("1201").county_median, Some(43.0));
    assert_eq!(index("1201").coverage, None);
    assert!(index("1201").uncertain, "Aby lacks D-innovation");
    assert!(!index("1202").uncertain);
}

#[test]
fn change_since_the_greatest_earlier_round() {
    let rows = compare_municipalities(&data(), &register(), "2022", &Selection::All);
    let a = find(&rows, "1201");
    assert_eq!(a.previous_round.as_deref(), Some("2018"));
    let l = &a.subgoals[SubGoal::Ledning.index()];
    assert_eq!((l.previous, l.change), (Some(50.0), Some(30.0)));
    let b = find(&rows, "1202");
    assert_eq!(b.previous_round.as_deref(), Some("2020"));
    assert_eq!(b.subgoals[SubGoal::Trygghet.index()].change, Some(-35.0));
    // Cby's 2024 interview is later, not previous; Cby has no earlier round.
    let c = find(&rows, "1203");
    assert_eq!((c.previous_round.clone(), c.index.change), (None, None));
    // In 2024, Cby's previous round is 2022; its D-infrastruktur had no score there.
    let rows = compare_municipalities(&data(), &register(), "2024", &Selection::All);
    let c = find(&rows, "1203");
    assert_eq!(c.previous_round.as_deref(), Some("2022"));
    assert_eq!(c.subgoals[SubGoal::Kompetens.index()].change, Some(90.0));
    assert_eq!(c.subgoals[SubGoal::Infrastruktur.index()].change, None);
}

#[test]
fn the_last_interview_of_a_round_counts() {
    let rows = compare_municipalities(&data(), &register(), "2022", &Selection::All);
    assert_eq!(find(&rows, "1201").interview_id, "a22");
}

#[test]
fn selections_filter_rows_but_not_ranks() {
    let reg = register();
    let codes = |sel: Selection| {
        compare_municipalities(&data(), &reg, "2022", &sel).into_iter().map(|r| r.municipality_code).collect::<Vec<_>>()
    };
    assert_eq!(codes(Selection::County("13".into())), ["1301"]);
    assert_eq!(codes(Selection::Group("B4".into())), ["1202", "1203", "1204", "1301"]);
    assert_eq!(codes(Selection::Codes(vec!["1204".into(), "1999".into()])), ["1204"]);
    let only = compare_municipalities(&data(), &reg, "2022", &Selection::Codes(vec!["1204".into()]));
    assert_eq!(only[0].subgoals[SubGoal::Ledning.index()].rank_in_county, Some(4));
    assert_eq!(only[0].county, "Län 12");
}

#[test]
fn unknown_municipalities_fall_back_to_their_code() {
    let data = vec![scored("2599", "2022", "x", all(50.0), SURE)];
    let rows = compare_municipalities(&data, &register(), "2022", &Selection::County("25".into()));
    assert_eq!((rows[0].municipality.as_str(), rows[0].county_code.as_str()), ("2599", "25"));
    assert_eq!(rows[0].index.rank_in_county, Some(1));
}

#[test]
fn set_statistics_with_quartiles() {
    let s = summarise(&data(), &register(), "2022", &Selection::County("12".into()));
    assert_eq!((s.members, s.interviewed), (5, 4));
    let l = &s.subgoals[SubGoal::Ledning.index()];
    // Sorted 40, 60, 60, 80: h(¼) = 0.75 → 40 + 0.75·20; h(¾) = 2.25 → 60 + 0.25·20.
    assert_eq!(
        (l.min, l.lower_quartile, l.median, l.upper_quartile, l.max),
        (Some(40.0), Some(55.0), Some(60.0), Some(65.0), Some(80.0))
    );
    assert_eq!((l.n, l.uncertain, l.missing), (4, 1, 0));
    let i = &s.subgoals[SubGoal::Innovation.index()];
    // 20, 40, 40: odd set.
    assert_eq!((i.n, i.missing, i.median, i.lower_quartile), (3, 1, Some(40.0), Some(30.0)));
    assert_eq!(s.index.n, 4);
    assert_eq!(s.index.median, Some(43.0));
    assert_eq!(s.index.uncertain, 3, "Aby and Cby miss a sub-goal, Dby has an uncertain one");
}

#[test]
fn set_of_listed_codes_and_groups() {
    let s =
        summarise(&data(), &register(), "2022", &Selection::Codes(vec!["1201".into(), "1301".into(), "1201".into()]));
    assert_eq!((s.members, s.interviewed), (2, 2));
    assert_eq!(s.subgoals[SubGoal::Ledning.index()].median, Some(45.0));
    let s = summarise(&data(), &register(), "2022", &Selection::Group("C7".into()));
    assert_eq!((s.members, s.interviewed, s.index.n, s.index.median), (1, 0, 0, None));
    assert!(!s.demo);
}

#[test]
fn rounds_are_listed_in_order() {
    assert_eq!(rounds(&data()), ["2018", "2020", "2022", "2024"]);
    assert_eq!(latest_round(&data()), Some("2024"));
    assert_eq!(latest_round(&[]), None);
}
