//! The compare and report screens: sorting, filtering and selection, and snapshots at 80×24 and
//! 50×16 (the smallest size the lead's layouts promise to stay readable at is 44×12).

use super::compare::{CompareState, Filter, SortColumn};
use super::report::ReportState;
use crate::compare::{
    MunicipalityComparison, Notes, ReportInput, Scored, Selection, compare_municipalities, skane_report,
};
use crate::demo::answers_for;
use crate::i18n::Lang;
use crate::load::embedded_questionnaire;
use crate::model::visibility::Answers;
use crate::register;
use crate::score::score_interview;
use crate::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// Four Skåne and two Stockholm municipalities, two rounds, answers generated from a fixed
/// seed; Lund gets a mostly unanswered 2022 interview so it has uncertain scores.
const CODES: [&str; 6] = ["1280", "1281", "1283", "1286", "0160", "0162"];

fn answers(maturity: f64, seed: u64) -> Answers {
    let q = embedded_questionnaire().unwrap().questionnaire;
    let mut rng = fastrand::Rng::with_seed(seed);
    answers_for(&q, maturity, &mut rng, false).into_iter().filter_map(|(id, v, _)| v.map(|v| (id, v))).collect()
}

fn scored() -> Vec<Scored> {
    let q = embedded_questionnaire().unwrap().questionnaire;
    let mut out = Vec::new();
    for (k, code) in CODES.iter().enumerate() {
        for (r, round) in ["2018", "2022"].iter().enumerate() {
            let maturity = 0.2 + 0.12 * k as f64 + 0.1 * r as f64;
            let mut a = answers(maturity, (k * 10 + r) as u64);
            if *code == "1281" && r == 1 {
                // Keep one answer per sub-goal section's first question only: coverage < 50 %.
                a.retain(|id, _| id.ends_with("_medarbetare") || id.ends_with("_informationssakerhet"));
            }
            out.push(Scored {
                municipality_code: code.to_string(),
                round: round.to_string(),
                interview_id: format!("iv-{code}-{round}"),
                score: score_interview(&q, &a),
                demo: true,
            });
        }
    }
    out
}

fn rows() -> Vec<MunicipalityComparison> {
    compare_municipalities(&scored(), register::all(), "2022", &Selection::All)
}

fn state() -> CompareState {
    CompareState::new(rows(), "2022")
}

fn names(s: &CompareState) -> Vec<&str> {
    s.visible().iter().map(|r| r.municipality.as_str()).collect()
}

#[test]
fn sorting_by_name_and_by_score_both_ways() {
    let mut s = state();
    assert_eq!(names(&s), ["Danderyd", "Helsingborg", "Lund", "Malmö", "Täby", "Ystad"]);
    s.sort_by(SortColumn::Index);
    assert!(s.descending, "scores sort best first");
    let index: Vec<f64> = s.visible().iter().filter_map(|r| r.index.score).collect();
    assert!(index.windows(2).all(|w| w[0] >= w[1]), "{index:?}");
    s.sort_by(SortColumn::Index);
    assert!(!s.descending, "the same column again reverses");
    let index: Vec<f64> = s.visible().iter().filter_map(|r| r.index.score).collect();
    assert!(index.windows(2).all(|w| w[0] <= w[1]), "{index:?}");
    s.sort_by(SortColumn::Municipality);
    assert_eq!(names(&s)[0], "Danderyd");
    s.sort_by(SortColumn::Municipality);
    assert_eq!(names(&s)[0], "Ystad", "descending name order");
}

#[test]
fn swedish_letters_sort_after_z() {
    let mut rows = rows();
    rows.truncate(3);
    for (r, name) in rows.iter_mut().zip(["Östersund", "Åre", "Zzz"]) {
        r.municipality = name.into();
    }
    let s = CompareState::new(rows, "2022");
    assert_eq!(names(&s), ["Zzz", "Åre", "Östersund"]);
}

#[test]
fn sorting_keeps_the_selected_municipality() {
    let mut s = state();
    s.move_selection(2);
    let chosen = s.selected_row().unwrap().municipality_code.clone();
    s.sort_by(SortColumn::SubGoal(1));
    assert_eq!(s.selected_row().unwrap().municipality_code, chosen);
    s.cycle_sort(true);
    assert_eq!(s.sort, SortColumn::SubGoal(2));
    assert_eq!(s.selected_row().unwrap().municipality_code, chosen);
}

#[test]
fn missing_scores_sort_last_either_way() {
    let mut rows = rows();
    rows[0].subgoals[0].score = None;
    let gone = rows[0].municipality.clone();
    let mut s = CompareState::new(rows, "2022");
    s.sort_by(SortColumn::SubGoal(0));
    assert_eq!(names(&s).last().copied(), Some(gone.as_str()));
    s.sort_by(SortColumn::SubGoal(0));
    assert_eq!(names(&s).last().copied(), Some(gone.as_str()));
}

#[test]
fn filters_cycle_through_counties_then_groups() {
    let mut s = state();
    let filters = s.filters();
    assert_eq!(filters[0], Filter::All);
    assert_eq!(filters[1], Filter::County("01".into()));
    assert_eq!(filters[2], Filter::County("12".into()));
    assert!(matches!(filters[3], Filter::Group(_)));
    s.move_selection(3);
    s.cycle_filter(true);
    assert_eq!(s.filter, Filter::County("01".into()));
    assert_eq!(names(&s), ["Danderyd", "Täby"]);
    assert_eq!(s.selected, 0, "the selection goes back to the top");
    s.cycle_filter(false);
    s.cycle_filter(false);
    assert!(matches!(s.filter, Filter::Group(_)), "backwards from All wraps to the last group");
    for _ in 0..filters.len() {
        s.cycle_filter(true);
    }
    assert!(matches!(s.filter, Filter::Group(_)), "a full cycle comes back");
}

#[test]
fn selection_stops_at_the_ends() {
    let mut s = state();
    s.move_selection(-1);
    assert_eq!(s.selected, 0);
    s.move_selection(100);
    assert_eq!(s.selected, 5);
    s.cycle_filter(true);
    s.move_selection(100);
    assert_eq!(s.selected, 1);
    let mut empty = CompareState::new(Vec::new(), "2022");
    empty.move_selection(1);
    assert_eq!((empty.selected, empty.selected_row()), (0, None));
    empty.cycle_filter(true);
    assert_eq!(empty.filter, Filter::All);
}

fn draw_compare(s: &CompareState, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme { color: false };
    terminal.draw(|f| s.render(f.area(), f.buffer_mut(), Lang::Sv.analysis(), &theme)).unwrap();
    terminal
}

#[test]
fn compare_screen_80x24() {
    let mut s = state();
    s.sort_by(SortColumn::Index);
    s.move_selection(1);
    insta::assert_snapshot!(draw_compare(&s, 80, 24).backend());
}

#[test]
fn compare_screen_50x16() {
    let mut s = state();
    s.move_selection(2);
    insta::assert_snapshot!(draw_compare(&s, 50, 16).backend());
}

#[test]
fn uncertain_scores_are_marked_on_screen() {
    let s = state();
    let terminal = draw_compare(&s, 80, 24);
    let lund = (0..24)
        .map(|y| (0..80).map(|x| terminal.backend().buffer()[(x, y)].symbol().to_string()).collect::<String>())
        .find(|l| l.contains("Lund"))
        .unwrap();
    assert!(lund.contains('?'), "{lund}");
}

fn report_state() -> ReportState {
    let q = embedded_questionnaire().unwrap().questionnaire;
    let data: Vec<(String, Answers)> =
        CODES[..4].iter().enumerate().map(|(k, c)| (c.to_string(), answers(0.3 + 0.15 * k as f64, k as u64))).collect();
    let notes = Notes::new();
    let inputs: Vec<ReportInput> = data
        .iter()
        .map(|(code, a)| ReportInput {
            municipality_code: code,
            questionnaire: &q,
            answers: a,
            notes: &notes,
            demo: true,
        })
        .collect();
    ReportState::new(skane_report(&inputs, register::all()), "Skåne län", "2022")
}

fn draw_report(s: &ReportState, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme { color: false };
    terminal.draw(|f| s.render(f.area(), f.buffer_mut(), Lang::Sv.analysis(), &theme)).unwrap();
    terminal
}

#[test]
fn report_screen_80x24() {
    insta::assert_snapshot!(draw_report(&report_state(), 80, 24).backend());
}

#[test]
fn report_screen_50x16_scrolled() {
    let mut s = report_state();
    let t = Lang::Sv.analysis();
    let area = Rect::new(0, 0, 50, 16);
    // Nine lines down cuts the second chart at the top edge.
    s.scroll_by(9, area, t);
    insta::assert_snapshot!(draw_report(&s, 50, 16).backend());
}

#[test]
fn report_scrolling_stays_within_the_content() {
    let mut s = report_state();
    let t = Lang::Sv.analysis();
    let area = Rect::new(0, 0, 80, 24);
    s.scroll_by(-5, area, t);
    assert_eq!(s.scroll, 0);
    s.scroll_by(100_000, area, t);
    assert_eq!(s.scroll, s.max_scroll(area, t));
    assert!(s.scroll > 0);
    let bottom = s.scroll;
    s.page(false, area, t);
    assert_eq!(s.scroll, bottom - (24 - 2 - 2 - 3));
    s.page(true, area, t);
    assert_eq!(s.scroll, bottom);
}

#[test]
fn tiny_and_odd_sizes_never_panic() {
    let compare = state();
    let report = report_state();
    for (w, h) in [(1, 1), (10, 4), (20, 6), (44, 12), (200, 60)] {
        draw_compare(&compare, w, h);
        draw_report(&report, w, h);
    }
    let mut far = state();
    far.selected = 99;
    draw_compare(&far, 80, 24);
}
