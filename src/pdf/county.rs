//! The county's roadmap: cover, summary with the county's score distribution, shared work per
//! sub-goal, a timeline of the shared work, and the municipalities interviewed.

use super::blocks::{cover_field, entry_block, heading, labelled};
use super::charts::{self, TimelineRow};
use super::fonts::Face;
use super::layout::{BODY, BODY_W, H1, H2, H3, INK, LEFT, Layout, MUTED, RIGHT, SMALL, Style, WARN};
use crate::i18n::{Lang, pdf as t, pdf_sentences};
use crate::model::SubGoal;
use crate::plan::{CountyRoadmap, SharedEntry, Slot};

const GOAL: Style = Style::new(Face::Oblique, 10.0, INK);

pub fn build(l: &mut Layout<'_>, c: &CountyRoadmap, lang: Lang) {
    cover(l, c, lang);
    l.new_page();
    summary(l, c, lang);
    for g in SubGoal::ALL {
        l.new_page();
        subgoal(l, c, g, lang);
    }
    l.new_page();
    timeline(l, c, lang);
    l.new_page();
    members(l, c, lang);
}

fn cover(l: &mut Layout<'_>, c: &CountyRoadmap, lang: Lang) {
    let tx = t::texts(lang);
    l.skip(120.0);
    l.paragraph(LEFT, BODY_W, tx.county_title, Style::new(Face::Bold, 30.0, H1.color));
    l.skip(6.0);
    l.paragraph(LEFT, BODY_W, &c.county, Style::new(Face::Bold, 24.0, INK));
    l.skip(30.0);
    cover_field(l, tx.round, &c.round);
    cover_field(l, tx.interviewed, &t::interviewed_of(c.summary.interviewed, c.summary.members, lang));
    let mut dates: Vec<&str> = c.members.iter().map(|m| m.date.as_str()).filter(|d| !d.is_empty()).collect();
    dates.sort_unstable();
    if let (Some(first), Some(last)) = (dates.first(), dates.last()) {
        let span = if first == last { first.to_string() } else { format!("{first} – {last}") };
        cover_field(l, tx.interview_dates, &span);
    }
    let mut interviewers: Vec<String> = c.members.iter().map(|m| m.interviewer.clone()).collect();
    interviewers.sort();
    interviewers.dedup();
    cover_field(l, tx.interviewers, &interviewers.join(", "));
    cover_field(l, tx.catalogue, &format!("{} ({})", c.catalogue.title, c.catalogue.version));
    if c.demo {
        l.skip(16.0);
        l.paragraph(LEFT, BODY_W, tx.demo_note, Style::new(Face::Bold, 11.0, WARN));
    }
    l.skip(24.0);
    l.paragraph(LEFT, BODY_W, tx.licence_line, SMALL);
}

fn summary(l: &mut Layout<'_>, c: &CountyRoadmap, lang: Lang) {
    let tx = t::texts(lang);
    heading(l, tx.summary, H1);
    heading(l, tx.where_we_stand, H3);
    l.paragraph(LEFT, BODY_W, &pdf_sentences::county(c, lang).join(" "), BODY);
    l.skip(8.0);
    heading(l, tx.county_chart_title, H3);
    charts::distribution(l, &c.summary, lang);
    heading(l, tx.first_shared, H3);
    if c.shared.is_empty() {
        l.paragraph(LEFT, BODY_W, tx.no_shared, BODY);
    }
    for (i, s) in c.shared.iter().take(3).enumerate() {
        l.ensure(4.0 * BODY.leading());
        l.item(LEFT, BODY_W, &format!("{}.", i + 1), &s.entry.inriktning, Style::new(Face::Bold, 10.0, INK));
        let (x, w) = (LEFT + 14.0, BODY_W - 14.0);
        labelled(l, x, w, tx.who, &s.entry.aktorer.join(", "));
        labelled(l, x, w, tx.when, t::horizon(s.entry.horizon, lang));
        labelled(l, x, w, tx.how, t::joint_work(s.entry.joint_work, lang));
        l.paragraph(x, w, &selected_for(s, lang), Style::new(Face::Regular, 9.0, INK));
        l.skip(4.0);
    }
}

fn selected_for(s: &SharedEntry, lang: Lang) -> String {
    let names: Vec<String> = s
        .municipalities
        .iter()
        .map(|m| if m.uncertain { format!("{} ({})", m.name, t::texts(lang).uncertain) } else { m.name.clone() })
        .collect();
    t::selected_for(s.count(), s.uncertain_count(), &names.join(", "), lang)
}

fn subgoal(l: &mut Layout<'_>, c: &CountyRoadmap, g: SubGoal, lang: Lang) {
    let tx = t::texts(lang);
    heading(l, g.display(), H2);
    l.paragraph(LEFT, BODY_W, &format!("”{}”", g.goal_sentence()), GOAL);
    l.skip(4.0);
    let stats = &c.summary.subgoals[g.index()];
    labelled(l, LEFT, BODY_W, tx.distribution, &t::distribution_line(stats, lang));
    l.skip(6.0);
    heading(l, tx.shared_entries, H3);
    let shared: Vec<(usize, &SharedEntry)> =
        c.shared.iter().enumerate().filter(|(_, s)| s.entry.subgoal == g).collect();
    if shared.is_empty() {
        l.paragraph(LEFT, BODY_W, tx.no_shared, BODY);
    }
    for (i, s) in shared {
        entry_block(l, &format!("{} {}", tx.proposal, i + 1), None, &s.entry, lang, |l| {
            l.paragraph(LEFT, BODY_W, &selected_for(s, lang), Style::new(Face::Regular, 9.0, INK));
        });
    }
    let own: Vec<&SharedEntry> = c.common_own.iter().filter(|s| s.entry.subgoal == g).collect();
    if !own.is_empty() {
        heading(l, tx.own_entries, H3);
        for s in own {
            l.item(LEFT, BODY_W, "•", &format!("{} {}", s.entry.inriktning, selected_for(s, lang)), BODY);
        }
    }
}

fn timeline(l: &mut Layout<'_>, c: &CountyRoadmap, lang: Lang) {
    let tx = t::texts(lang);
    heading(l, tx.timeline, H2);
    l.paragraph(LEFT, BODY_W, tx.shared_timeline_intro, BODY);
    l.skip(6.0);
    let rows: Vec<TimelineRow> = c
        .shared
        .iter()
        .enumerate()
        .map(|(i, s)| TimelineRow {
            label: format!("{}. {} ({})", i + 1, s.entry.inriktning, s.count()),
            slot: Slot::of(s.entry.horizon),
            uncertain: false,
        })
        .collect();
    if rows.is_empty() {
        l.paragraph(LEFT, BODY_W, tx.no_shared, BODY);
    } else {
        charts::timeline(l, &rows, lang);
    }
}

/// A table of the interviewed municipalities; rows continue on the next page.
fn members(l: &mut Layout<'_>, c: &CountyRoadmap, lang: Lang) {
    let tx = t::texts(lang);
    heading(l, tx.county_appendix, H2);
    let cols = [LEFT, LEFT + 140.0, LEFT + 215.0, LEFT + 285.0, LEFT + 350.0, RIGHT];
    let head = Style::new(Face::Bold, 9.0, MUTED);
    let cell = Style::new(Face::Regular, 9.0, INK);
    let row = |l: &mut Layout<'_>, cells: [&str; 5], style: Style| {
        l.ensure(style.leading());
        let baseline = l.y() - l.fonts.ascent_descent(style.face, style.size).0;
        for (i, text) in cells.iter().enumerate() {
            let text = l.truncate(text, cols[i + 1] - cols[i] - 6.0, style);
            l.text_at(cols[i], baseline, &text, style);
        }
        l.skip(style.leading());
    };
    row(l, [tx.col_municipality, tx.col_index, tx.col_entries, tx.col_date, tx.interviewer], head);
    for m in &c.members {
        let mut index = t::score(m.index, lang);
        if m.index.is_some() && m.index_uncertain {
            index = format!("{index} ({})", tx.uncertain);
        }
        row(l, [&m.name, &index, &m.entries.to_string(), &m.date, &m.interviewer], cell);
    }
}
