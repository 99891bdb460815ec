//! The municipality's roadmap: cover, summary, one section per sub-goal, timeline, appendix.

use super::blocks::{cover_field, entry_block, heading, labelled};
use super::charts::{self, TimelineRow};
use super::fonts::Face;
use super::layout::{BODY, BODY_W, H1, H2, H3, INK, LEFT, Layout, SMALL, Style, WARN};
use crate::i18n::{Lang, pdf as t, pdf_sentences};
use crate::model::SubGoal;
use crate::plan::{MunicipalityRoadmap, PlannedEntry};

const ANSWER: Style = Style::new(Face::Regular, 9.0, INK);
const QUESTION: Style = Style::new(Face::Bold, 9.0, INK);
const GOAL: Style = Style::new(Face::Oblique, 10.0, INK);

pub fn build(l: &mut Layout<'_>, r: &MunicipalityRoadmap, lang: Lang) {
    cover(l, r, lang);
    l.new_page();
    summary(l, r, lang);
    for g in SubGoal::ALL {
        l.new_page();
        subgoal(l, r, g, lang);
    }
    l.new_page();
    timeline(l, r, lang);
    l.new_page();
    appendix(l, r, lang);
}

fn cover(l: &mut Layout<'_>, r: &MunicipalityRoadmap, lang: Lang) {
    let tx = t::texts(lang);
    let s = &r.standing;
    l.skip(120.0);
    l.paragraph(LEFT, BODY_W, tx.title, Style::new(Face::Bold, 30.0, H1.color));
    l.skip(6.0);
    l.paragraph(LEFT, BODY_W, &s.municipality, Style::new(Face::Bold, 24.0, INK));
    if !s.county.is_empty() {
        l.paragraph(LEFT, BODY_W, &s.county, Style::new(Face::Regular, 14.0, INK));
    }
    l.skip(30.0);
    cover_field(l, tx.round, &s.round);
    cover_field(l, tx.interview_date, &r.info.date);
    cover_field(l, tx.interviewer, &r.info.interviewer);
    if !r.info.respondents.trim().is_empty() {
        cover_field(l, tx.respondents, &r.info.respondents);
    }
    cover_field(l, tx.catalogue, &format!("{} ({})", r.catalogue.title, r.catalogue.version));
    if s.demo {
        l.skip(16.0);
        l.paragraph(LEFT, BODY_W, tx.demo_note, Style::new(Face::Bold, 11.0, WARN));
    }
    l.skip(24.0);
    l.paragraph(LEFT, BODY_W, tx.licence_line, SMALL);
}

fn summary(l: &mut Layout<'_>, r: &MunicipalityRoadmap, lang: Lang) {
    let tx = t::texts(lang);
    heading(l, tx.summary, H1);
    heading(l, tx.where_we_stand, H3);
    l.paragraph(LEFT, BODY_W, &pdf_sentences::municipality(r, lang).join(" "), BODY);
    l.skip(8.0);
    heading(l, tx.chart_title, H3);
    charts::score_bars(l, &r.standing.subgoals, lang);
    heading(l, tx.first_priorities, H3);
    let first: Vec<&PlannedEntry> = r.certain().take(3).collect();
    if first.is_empty() {
        l.paragraph(LEFT, BODY_W, tx.no_priorities, BODY);
    }
    for (i, e) in first.iter().enumerate() {
        priority(l, i + 1, e, lang);
    }
    if r.entries.iter().any(|e| e.uncertain) {
        l.skip(4.0);
        l.paragraph(LEFT, BODY_W, tx.uncertain_explained, Style::new(Face::Regular, 8.5, WARN));
    }
}

/// One of the first priorities: what, who, when, how.
fn priority(l: &mut Layout<'_>, n: usize, e: &PlannedEntry, lang: Lang) {
    let tx = t::texts(lang);
    l.ensure(4.0 * BODY.leading());
    l.item(LEFT, BODY_W, &format!("{n}."), &e.entry.inriktning, Style::new(Face::Bold, 10.0, INK));
    let indent = LEFT + 14.0;
    let width = BODY_W - 14.0;
    labelled(l, indent, width, tx.who, &e.entry.aktorer.join(", "));
    labelled(l, indent, width, tx.when, t::horizon(e.entry.horizon, lang));
    labelled(l, indent, width, tx.how, t::joint_work(e.entry.joint_work, lang));
    l.skip(4.0);
}

fn subgoal(l: &mut Layout<'_>, r: &MunicipalityRoadmap, g: SubGoal, lang: Lang) {
    let tx = t::texts(lang);
    let s = r.subgoal(g);
    heading(l, g.display(), H2);
    l.paragraph(LEFT, BODY_W, &format!("”{}”", g.goal_sentence()), GOAL);
    l.skip(4.0);
    let band = s.band.map(|b| b.name(lang));
    let line = t::score_line(s.score, band, s.coverage.unwrap_or(0.0), s.county_median, lang);
    l.paragraph(LEFT, BODY_W, &line, Style::new(Face::Bold, 10.0, INK));
    if s.score.is_some() && s.uncertain {
        l.paragraph(
            LEFT,
            BODY_W,
            &format!("{} — {}", tx.uncertain, tx.uncertain_explained),
            Style::new(Face::Regular, 8.5, WARN),
        );
    }
    l.skip(6.0);
    let key = &r.key_answers[g.index()];
    if !key.is_empty() {
        heading(l, tx.key_answers, H3);
        for k in key {
            let text = format!("{} — {}", k.question, t::answered(&k.answer, lang));
            l.item(LEFT, BODY_W, "•", &text, ANSWER);
        }
        l.skip(6.0);
    }
    heading(l, tx.entries, H3);
    let mut any = false;
    for e in r.entries_of(g) {
        any = true;
        let title = format!("{} {}", tx.priority, e.priority);
        let warning = e.uncertain.then_some(tx.uncertain);
        entry_block(l, &title, warning, &e.entry, lang, |l| meta_and_evidence(l, e, lang));
    }
    if !any {
        l.paragraph(LEFT, BODY_W, tx.no_entries, BODY);
    }
}

/// Priority, horizon, form of work, and the evidence that selected the entry.
fn meta_and_evidence(l: &mut Layout<'_>, e: &PlannedEntry, lang: Lang) {
    let tx = t::texts(lang);
    let ev = &e.evidence;
    let mut lines = Vec::new();
    if let (Some(threshold), Some(score)) = (ev.score_below, ev.score) {
        lines.push(t::score_evidence(score, threshold, lang));
    }
    for q in &ev.answers {
        lines.push(t::quoted(&q.question, &t::answered(&q.answer, lang), lang));
    }
    l.ensure(QUESTION.leading() + 2.0 * ANSWER.leading());
    l.line(LEFT, BODY_W, tx.evidence, QUESTION);
    for line in lines {
        l.item(LEFT + 8.0, BODY_W - 8.0, "•", &line, ANSWER);
    }
    if e.uncertain {
        l.paragraph(LEFT + 8.0, BODY_W - 8.0, tx.uncertain_explained, Style::new(Face::Regular, 8.5, WARN));
    }
}

fn timeline(l: &mut Layout<'_>, r: &MunicipalityRoadmap, lang: Lang) {
    let tx = t::texts(lang);
    heading(l, tx.timeline, H2);
    l.paragraph(LEFT, BODY_W, tx.timeline_intro, BODY);
    l.skip(6.0);
    let rows: Vec<TimelineRow> = r
        .entries
        .iter()
        .map(|e| {
            let mut label = format!("{}. {}", e.priority, e.entry.inriktning);
            if e.uncertain {
                label = format!("{}. ({}) {}", e.priority, tx.uncertain, e.entry.inriktning);
            }
            TimelineRow { label, slot: e.slot, uncertain: e.uncertain }
        })
        .collect();
    if rows.is_empty() {
        l.paragraph(LEFT, BODY_W, tx.no_priorities, BODY);
    } else {
        charts::timeline(l, &rows, lang);
    }
}

fn appendix(l: &mut Layout<'_>, r: &MunicipalityRoadmap, lang: Lang) {
    let tx = t::texts(lang);
    heading(l, tx.appendix, H2);
    for section in &r.appendix {
        heading(l, &section.title, H3);
        for item in &section.items {
            // Keep the whole question with the first line of its answer.
            let question_lines = l.wrap(&item.question, BODY_W, QUESTION).len() as f32;
            l.ensure(question_lines * QUESTION.leading() + ANSWER.leading());
            l.paragraph(LEFT, BODY_W, &item.question, QUESTION);
            l.paragraph(LEFT + 8.0, BODY_W - 8.0, &t::answered(&item.answer, lang), ANSWER);
            if let Some(note) = &item.note {
                l.paragraph(
                    LEFT + 8.0,
                    BODY_W - 8.0,
                    &format!("{}: {note}", tx.note),
                    Style::new(Face::Oblique, 8.5, INK),
                );
            }
            l.skip(3.0);
        }
    }
}
