//! Layout: wrapping by measured widths, truncation, page breaks.

use super::fonts::{Face, Fonts};
use super::layout::{BODY, BODY_W, LEFT, Layout, Style, TOP};

fn fonts() -> &'static Fonts {
    Fonts::get().expect("embedded fonts parse")
}

#[test]
fn wrapped_lines_fit_and_keep_every_word() {
    let l = Layout::new(fonts());
    let text = "Kommunen har en politiskt beslutad strategi för digitalisering som omfattar hela verksamheten och följs upp årligen av kommunstyrelsen.";
    let lines = l.wrap(text, 150.0, BODY);
    assert!(lines.len() > 2);
    for line in &lines {
        assert!(fonts().width(BODY.face, BODY.size, line) <= 150.0, "{line}");
    }
    assert_eq!(lines.join(" "), text);
}

#[test]
fn an_overlong_word_is_cut_between_characters() {
    let l = Layout::new(fonts());
    let word = "å".repeat(400);
    let lines = l.wrap(&word, 100.0, BODY);
    assert!(lines.len() > 5);
    assert!(lines.iter().all(|x| fonts().width(BODY.face, BODY.size, x) <= 100.0));
    assert_eq!(lines.concat(), word);
}

#[test]
fn paragraph_breaks_are_kept_and_trailing_blank_lines_dropped() {
    let l = Layout::new(fonts());
    assert_eq!(l.wrap("ett\n\ntvå\n\n", 300.0, BODY), ["ett", "", "två"]);
    assert_eq!(l.wrap("", 300.0, BODY), [""]);
}

#[test]
fn truncation_ends_in_an_ellipsis_within_the_width() {
    let l = Layout::new(fonts());
    let style = Style::new(Face::Bold, 9.0, BODY.color);
    let cut = l.truncate(&"Digitaliseringen ökar insyn ".repeat(10), 120.0, style);
    assert!(cut.ends_with('…'));
    assert!(fonts().width(style.face, style.size, &cut) <= 120.0);
    assert_eq!(l.truncate("kort", 120.0, style), "kort");
}

#[test]
fn long_text_flows_onto_new_pages() {
    let mut l = Layout::new(fonts());
    let note = "Anteckning med många ord om läget i kommunen. ".repeat(120);
    l.paragraph(LEFT, BODY_W, &note, BODY);
    assert!(l.page_count() >= 2, "{} pages", l.page_count());
    assert!(l.y() < TOP);
}
