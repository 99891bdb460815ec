//! Charts drawn with printpdf shapes: the five scores against the county median, the county's
//! distribution per sub-goal, and the timeline. Each reserves its height first (moving to a new
//! page when needed), so no chart is cut by a page break; the timeline repeats its header on
//! every page it spans.

use super::layout::{ACCENT, BODY_W, INK, LEFT, Layout, MUTED, RIGHT, RULE, Rgb3, SMALL, Style, WARN};
use crate::compare::{SetSummary, Standing};
use crate::i18n::{Lang, pdf as t};
use crate::model::SubGoal;
use crate::pdf::fonts::Face;
use crate::plan::timeline::axis_position;
use crate::plan::{Period, Slot};

const MEDIAN_GREY: Rgb3 = (0.62, 0.64, 0.68);
const LIGHT: Rgb3 = (0.72, 0.82, 0.90);
const TICK: Style = Style::new(Face::Regular, 7.0, MUTED);
const VALUE: Style = Style::new(Face::Bold, 7.5, INK);
const GROUP: Style = Style::new(Face::Bold, 8.0, INK);

/// Plot geometry shared by both score charts: the 0–100 axis and five groups.
struct Plot {
    left: f32,
    bottom: f32,
    height: f32,
    group_w: f32,
}

impl Plot {
    fn y(&self, score: f64) -> f32 {
        self.bottom + self.height * (score.clamp(0.0, 100.0) as f32) / 100.0
    }

    fn group_x(&self, i: usize) -> f32 {
        self.left + self.group_w * i as f32
    }
}

const PLOT_H: f32 = 120.0;
/// Room below the plot for two label lines, and above for value labels.
const BELOW: f32 = 30.0;
const ABOVE: f32 = 14.0;

/// Draws the axis and gridlines, the group labels (with a second line per group) and returns the
/// plot to draw bars on.
fn frame(l: &mut Layout<'_>, second_lines: &[(String, Rgb3); 5]) -> Plot {
    l.ensure(ABOVE + PLOT_H + BELOW);
    let top = l.y() - ABOVE;
    let plot = Plot { left: LEFT + 22.0, bottom: top - PLOT_H, height: PLOT_H, group_w: (RIGHT - LEFT - 22.0) / 5.0 };
    for tick in (0..=100).step_by(20) {
        let y = plot.y(f64::from(tick));
        l.stroke(&[(plot.left, y), (RIGHT, y)], 0.4, RULE);
        let label = tick.to_string();
        let w = l.fonts.width(TICK.face, TICK.size, &label);
        l.text_at(plot.left - 4.0 - w, y - 2.5, &label, TICK);
    }
    for (i, g) in SubGoal::ALL.into_iter().enumerate() {
        let x = plot.group_x(i);
        centred(l, x, plot.group_w, plot.bottom - 11.0, g.display(), GROUP);
        let (text, color) = &second_lines[i];
        centred(l, x, plot.group_w, plot.bottom - 21.0, text, Style::new(Face::Regular, 7.5, *color));
    }
    l.set_y(plot.bottom - BELOW);
    plot
}

fn centred(l: &mut Layout<'_>, x: f32, w: f32, baseline: f32, text: &str, style: Style) {
    let text = l.truncate(text, w - 2.0, style);
    let tw = l.fonts.width(style.face, style.size, &text);
    l.text_at(x + (w - tw) / 2.0, baseline, &text, style);
}

fn legend(l: &mut Layout<'_>, items: &[(Rgb3, &str)]) {
    l.ensure(SMALL.leading() + 4.0);
    let baseline = l.y() - 9.0;
    let mut x = LEFT + 22.0;
    for (color, text) in items {
        l.rect(x, baseline - 1.0, 8.0, 8.0, *color);
        l.text_at(x + 11.0, baseline, text, SMALL);
        x += 11.0 + l.fonts.width(SMALL.face, SMALL.size, text) + 16.0;
    }
    l.skip(SMALL.leading() + 6.0);
}

/// The five sub-goal scores of a municipality beside the county median.
pub fn score_bars(l: &mut Layout<'_>, standings: &[Standing; 5], lang: Lang) {
    let tx = t::texts(lang);
    let second = SubGoal::ALL.map(|g| {
        let s = &standings[g.index()];
        match (s.score, s.uncertain) {
            (None, _) => (tx.no_score.to_string(), MUTED),
            (Some(_), true) => (tx.uncertain.to_string(), WARN),
            (Some(_), false) => (s.band.map(|b| b.name(lang).to_string()).unwrap_or_default(), MUTED),
        }
    });
    let plot = frame(l, &second);
    let bar_w = plot.group_w * 0.28;
    for g in SubGoal::ALL {
        let s = &standings[g.index()];
        let x = plot.group_x(g.index()) + plot.group_w / 2.0;
        if let Some(v) = s.score {
            let color = if s.uncertain { LIGHT } else { ACCENT };
            l.rect(x - bar_w - 1.0, plot.bottom, bar_w, plot.y(v) - plot.bottom, color);
            value_label(l, x - bar_w - 1.0, bar_w, plot.y(v) + 2.5, v);
        }
        if let Some(m) = s.county_median {
            l.rect(x + 1.0, plot.bottom, bar_w, plot.y(m) - plot.bottom, MEDIAN_GREY);
            value_label(l, x + 1.0, bar_w, plot.y(m) + 2.5, m);
        }
    }
    legend(l, &[(ACCENT, tx.legend_us), (MEDIAN_GREY, tx.legend_median), (LIGHT, tx.uncertain)]);
}

fn value_label(l: &mut Layout<'_>, x: f32, w: f32, baseline: f32, v: f64) {
    let text = format!("{v:.0}");
    let tw = l.fonts.width(VALUE.face, VALUE.size, &text);
    l.text_at(x + (w - tw) / 2.0, baseline, &text, VALUE);
}

/// The county's scores per sub-goal: lowest–highest as a line, the quartiles as a box, the
/// median as a bar across it.
pub fn distribution(l: &mut Layout<'_>, summary: &SetSummary, lang: Lang) {
    let tx = t::texts(lang);
    let second = SubGoal::ALL.map(|g| {
        let s = &summary.subgoals[g.index()];
        if s.n == 0 { (tx.no_score.to_string(), MUTED) } else { (format!("n = {}", s.n), MUTED) }
    });
    let plot = frame(l, &second);
    let box_w = plot.group_w * 0.36;
    for g in SubGoal::ALL {
        let s = &summary.subgoals[g.index()];
        let cx = plot.group_x(g.index()) + plot.group_w / 2.0;
        if let (Some(lo), Some(hi)) = (s.min, s.max) {
            l.stroke(&[(cx, plot.y(lo)), (cx, plot.y(hi))], 1.0, MEDIAN_GREY);
        }
        if let (Some(q1), Some(q3)) = (s.lower_quartile, s.upper_quartile) {
            l.rect(cx - box_w / 2.0, plot.y(q1), box_w, (plot.y(q3) - plot.y(q1)).max(0.8), LIGHT);
        }
        if let Some(m) = s.median {
            l.rect(cx - box_w / 2.0, plot.y(m) - 0.9, box_w, 1.8, ACCENT);
            l.text_at(cx + box_w / 2.0 + 2.0, plot.y(m) - 2.5, &format!("{m:.0}"), VALUE);
        }
    }
    legend(l, &[(ACCENT, tx.legend_median), (LIGHT, tx.legend_quartiles), (MEDIAN_GREY, tx.legend_range)]);
}

/// One row of the timeline chart.
pub struct TimelineRow {
    pub label: String,
    pub slot: Slot,
    pub uncertain: bool,
}

const ROW_H: f32 = 15.0;
const LABEL_SHARE: f32 = 0.5;

/// Rows with bars over six columns (the quarters of year 1, year 2, year 3); continues on the
/// next page with the header repeated.
pub fn timeline(l: &mut Layout<'_>, rows: &[TimelineRow], lang: Lang) {
    let label_w = BODY_W * LABEL_SHARE;
    let grid_x = LEFT + label_w + 6.0;
    let grid_w = RIGHT - grid_x;
    let col = |m: u32| grid_x + grid_w * axis_position(m);
    timeline_header(l, grid_x, grid_w, lang);
    for row in rows {
        if l.y() - ROW_H < super::layout::BOTTOM {
            l.new_page();
            timeline_header(l, grid_x, grid_w, lang);
        }
        let top = l.y();
        let style = Style::new(Face::Regular, 8.0, if row.uncertain { WARN } else { INK });
        let label = l.truncate(&row.label, label_w, style);
        l.text_at(LEFT, top - 10.5, &label, style);
        for p in Period::ALL {
            let x = col(p.months().0);
            l.stroke(&[(x, top), (x, top - ROW_H)], 0.3, RULE);
        }
        let (a, b) = (col(row.slot.start_month), col(row.slot.end_month));
        l.rect(a + 1.0, top - 11.5, (b - a - 2.0).max(1.0), 8.0, if row.uncertain { LIGHT } else { ACCENT });
        l.stroke(&[(LEFT, top - ROW_H), (RIGHT, top - ROW_H)], 0.3, RULE);
        l.set_y(top - ROW_H);
    }
}

fn timeline_header(l: &mut Layout<'_>, grid_x: f32, grid_w: f32, lang: Lang) {
    let head = Style::new(Face::Bold, 8.0, INK);
    l.ensure(30.0 + ROW_H);
    let top = l.y();
    let col = |m: u32| grid_x + grid_w * axis_position(m);
    centred(l, col(0), col(12) - col(0), top - 9.0, t::texts(lang).year1, head);
    for p in Period::ALL {
        let (a, b) = p.months();
        let baseline = if b <= 12 { top - 21.0 } else { top - 15.0 };
        centred(l, col(a), col(b) - col(a), baseline, t::period(p, lang), head);
    }
    l.stroke(&[(LEFT, top - 26.0), (RIGHT, top - 26.0)], 0.6, MUTED);
    l.set_y(top - 26.0);
}
