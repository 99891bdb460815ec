//! The roadmap screen (a pure view) drawn on a test terminal, at the two sizes every screen is
//! checked at.

use super::{demo_store, municipality_plan};
use fardplan::i18n::Lang;
use fardplan::tui::screens::roadmap::RoadmapView;
use fardplan::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const THEME: Theme = Theme { color: false };

fn view() -> RoadmapView {
    let store = demo_store();
    let mut plan = municipality_plan(&store, "1280", "2022");
    // The demo's interview date is the day the data was made; pin it so snapshots stay put.
    plan.info.date = "2022-03-14".into();
    RoadmapView::new(plan)
}

fn draw(view: &RoadmapView, w: u16, h: u16, lang: Lang) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| view.render(f.area(), f.buffer_mut(), lang.tui_roadmap(), &THEME)).expect("draw");
    term
}

#[test]
fn roadmap_screen_at_80x24_and_50x16() {
    let v = view();
    insta::assert_snapshot!("roadmap_80x24", draw(&v, 80, 24, Lang::Sv).backend());
    insta::assert_snapshot!("roadmap_50x16", draw(&v, 50, 16, Lang::Sv).backend());
    insta::assert_snapshot!("roadmap_80x24_english", draw(&v, 80, 24, Lang::En).backend());
}

#[test]
fn scrolling_shows_the_entries_and_stops_at_the_ends() {
    let mut v = view();
    let area = Rect::new(0, 0, 80, 24);
    let t = Lang::Sv.tui_roadmap();
    v.scroll_by(12, area, t, &THEME);
    assert_eq!(v.scroll, 12);
    insta::assert_snapshot!("roadmap_80x24_scrolled", draw(&v, 80, 24, Lang::Sv).backend());
    v.scroll_by(100_000, area, t, &THEME);
    let max = v.max_scroll(area, t, &THEME);
    assert!(max > 12);
    assert_eq!(v.scroll, max);
    // At the end, the last entry's evidence is on screen.
    let screen = format!("{:?}", draw(&v, 80, 24, Lang::Sv).backend());
    let last = v.roadmap.entries.last().expect("entries");
    assert!(screen.contains(&format!("{:>2}. ", last.priority)), "{screen}");
    v.scroll_by(-100_000, area, t, &THEME);
    assert_eq!(v.scroll, 0);
}

#[test]
fn a_status_message_replaces_the_key_hint() {
    let mut v = view();
    v.status = Some("PDF sparad i /tmp/malmö.pdf".into());
    let screen = format!("{:?}", draw(&v, 50, 16, Lang::Sv).backend());
    assert!(screen.contains("PDF sparad i /tmp/malmö.pdf"), "{screen}");
}

#[test]
fn tiny_terminals_do_not_panic() {
    let v = view();
    for (w, h) in [(1, 1), (5, 3), (20, 5), (44, 12)] {
        draw(&v, w, h, Lang::Sv);
    }
}
