//! Report screen (a pure view): the distribution of every choice question of the Skåne-style
//! report as a horizontal bar chart, one chart per question, scrolled line by line.
//!
//! Every chart is scaled to the number of interviewed municipalities and says so, so a full
//! bar is "all of the interviewed municipalities", never "all who answered".

use crate::compare::{ChoiceDistribution, SkaneReport};
use crate::i18n::analysis::AnalysisTexts;
use crate::tui::screens::start::truncate;
use crate::tui::theme::Theme;
use crate::tui::widgets::{pane, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, Widget};

#[derive(Debug, Clone, PartialEq)]
pub struct ReportState {
    pub report: SkaneReport,
    /// What the report covers, e.g. "Skåne län".
    pub scope: String,
    pub round: String,
    /// First content line shown.
    pub scroll: usize,
}

impl ReportState {
    pub fn new(report: SkaneReport, scope: impl Into<String>, round: impl Into<String>) -> ReportState {
        ReportState { report, scope: scope.into(), round: round.into(), scroll: 0 }
    }

    /// Scrolls by `delta` lines (negative is up), kept within the content as laid out in
    /// `area` — the same area `render` gets.
    pub fn scroll_by(&mut self, delta: isize, area: Rect, t: &AnalysisTexts) {
        let max = self.max_scroll(area, t);
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
    }

    /// One screenful down (or up), keeping a line of context.
    pub fn page(&mut self, forward: bool, area: Rect, t: &AnalysisTexts) {
        let step = body(area).height.saturating_sub(3).max(1) as isize;
        self.scroll_by(if forward { step } else { -step }, area, t);
    }

    pub fn max_scroll(&self, area: Rect, t: &AnalysisTexts) -> usize {
        let inner = body(area);
        let total: usize = blocks(&self.report, inner.width, t).iter().map(|b| b.height()).sum();
        total.saturating_sub(inner.height as usize)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, t: &AnalysisTexts, theme: &Theme) {
        let [header, _, footer] = layout(area);
        let left = format!(
            "{} {} · {} · {}",
            t.report_title,
            self.scope,
            t.round_title(&self.round),
            t.of_interviewed(self.report.denominator)
        );
        let right = if self.report.demo { t.demo } else { "" };
        let right_w = unicode_width::UnicodeWidthStr::width(right) as u16;
        let [l, r] = Layout::horizontal([Constraint::Min(0), Constraint::Length(right_w)]).areas(header);
        Line::styled(truncate(&left, l.width as usize), theme.title()).render(l, buf);
        Line::styled(right, theme.warn()).render(r, buf);

        let frame = body_frame(area);
        let block = pane(t.sheet_distributions, true, theme);
        let inner = block.inner(frame);
        block.render(frame, buf);
        let blocks = blocks(&self.report, inner.width, t);
        if blocks.is_empty() {
            Line::styled(t.report_empty, theme.dim()).render(inner, buf);
        }
        let total: usize = blocks.iter().map(|b| b.height()).sum();
        let scroll = self.scroll.min(total.saturating_sub(inner.height as usize));
        let mut top = 0usize;
        for b in &blocks {
            let h = b.height();
            let (start, end) = (top, top + h);
            top = end;
            if end <= scroll || start >= scroll + inner.height as usize {
                continue;
            }
            // Draw the whole block off-screen, then copy the rows that fall in view, so a chart
            // can be cut at the top edge while scrolling.
            let full = Rect::new(0, 0, inner.width, h as u16);
            let mut tmp = Buffer::empty(full);
            b.draw(full, &mut tmp, self.report.denominator, theme);
            for y in 0..h {
                let line = start + y;
                if line < scroll || line >= scroll + inner.height as usize {
                    continue;
                }
                let dy = inner.y + (line - scroll) as u16;
                for x in 0..inner.width {
                    if let (Some(src), Some(dst)) = (tmp.cell((x, y as u16)), buf.cell_mut((inner.x + x, dy))) {
                        *dst = src.clone();
                    }
                }
            }
        }
        let position = format!("{}/{}", (scroll + inner.height as usize).min(total), total);
        let hint = format!("{} · {position}", t.report_keys);
        Line::styled(truncate(&hint, footer.width as usize), theme.dim()).render(footer, buf);
    }
}

fn layout(area: Rect) -> [Rect; 3] {
    Layout::vertical([Constraint::Length(1), Constraint::Min(3), Constraint::Length(1)]).areas(area)
}

fn body_frame(area: Rect) -> Rect {
    layout(area)[1]
}

/// The content area inside the pane's border.
fn body(area: Rect) -> Rect {
    ratatui::widgets::Block::bordered().inner(body_frame(area))
}

/// One question's chart: its wrapped text, the denominator line, one bar per option, the
/// answers outside the options, and a blank line.
struct ChartBlock<'a> {
    title: Vec<String>,
    note: Vec<String>,
    dist: &'a ChoiceDistribution,
    rest: Option<String>,
}

impl ChartBlock<'_> {
    fn height(&self) -> usize {
        self.title.len() + self.note.len() + self.dist.options.len() + usize::from(self.rest.is_some()) + 1
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, denominator: usize, theme: &Theme) {
        let mut y = area.y;
        for line in &self.title {
            buf.set_string(area.x, y, line, ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::BOLD));
            y += 1;
        }
        for line in &self.note {
            buf.set_string(area.x, y, line, theme.dim());
            y += 1;
        }
        let n = self.dist.options.len() as u16;
        let label_w = (area.width / 2).max(4) as usize;
        let bars: Vec<Bar> = self
            .dist
            .options
            .iter()
            .map(|o| {
                Bar::default()
                    .label(Line::from(truncate(&o.label, label_w)))
                    .value(o.count as u64)
                    // ASCII only: the chart measures value text in bytes.
                    .text_value(format!("{} ({:.0} %)", o.count, o.percent))
                    .style(theme.band(2))
                    .value_style(theme.selected())
            })
            .collect();
        BarChart::horizontal(bars)
            .max(denominator.max(1) as u64)
            .bar_width(1)
            .bar_gap(0)
            .render(Rect { y, height: n, ..area }, buf);
        y += n;
        if let Some(rest) = &self.rest {
            buf.set_string(area.x, y, rest, theme.dim());
        }
    }
}

fn blocks<'a>(report: &'a SkaneReport, width: u16, t: &AnalysisTexts) -> Vec<ChartBlock<'a>> {
    let width = width.max(1) as usize;
    report
        .distributions
        .iter()
        .map(|d| {
            let mut note = format!("({})", t.of_interviewed(d.denominator));
            if d.kind == "multi" {
                note = format!("({}; {})", t.of_interviewed(d.denominator), t.multi_hint);
            }
            let rest: Vec<String> = [
                (t.dont_know, d.dont_know),
                (t.not_applicable, d.not_applicable),
                (t.not_answered, d.not_answered),
                (t.not_shown, d.not_shown),
            ]
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(label, n)| format!("{label} {n}"))
            .collect();
            ChartBlock {
                title: wrap(&d.text, width),
                note: wrap(&note, width),
                dist: d,
                rest: (!rest.is_empty()).then(|| truncate(&rest.join(" · "), width)),
            }
        })
        .collect()
}
