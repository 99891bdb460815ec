//! The roadmap screen: a municipality's roadmap (where it stands, the selected entries with
//! their evidence and a small timeline bar each), scrolled by line. A pure view: it holds the
//! planned roadmap and the scroll offset, and drawing changes nothing. The app decides when to
//! show it and which keys scroll or export it.

use crate::i18n::pdf as pdf_texts;
use crate::i18n::pdf_sentences;
use crate::i18n::tui_roadmap::RoadmapTexts;
use crate::model::SubGoal;
use crate::plan::{MunicipalityRoadmap, Period, PlannedEntry};
use crate::tui::theme::Theme;
use crate::tui::widgets::{header, pane, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, PartialEq)]
pub struct RoadmapView {
    pub roadmap: MunicipalityRoadmap,
    /// First body row shown (rows after wrapping).
    pub scroll: u16,
    /// A message for the bottom line, e.g. where the PDF was written.
    pub status: Option<String>,
}

impl RoadmapView {
    pub fn new(roadmap: MunicipalityRoadmap) -> RoadmapView {
        RoadmapView { roadmap, scroll: 0, status: None }
    }

    /// Scrolls by `delta` rows, kept between the top and the last full screen of a body of
    /// `area` (the whole screen area, as given to `render`).
    pub fn scroll_by(&mut self, delta: i32, area: Rect, t: &RoadmapTexts, theme: &Theme) {
        let max = self.max_scroll(area, t, theme);
        self.scroll = (i32::from(self.scroll) + delta).clamp(0, i32::from(max)) as u16;
    }

    /// The greatest useful scroll offset for a screen of `area`.
    pub fn max_scroll(&self, area: Rect, t: &RoadmapTexts, theme: &Theme) -> u16 {
        let body = body_area(area);
        let rows = self.rows(body.width, t, theme).len();
        rows.saturating_sub(body.height as usize).min(u16::MAX as usize) as u16
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, t: &RoadmapTexts, theme: &Theme) {
        let [top, body_outer, bottom] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(3), Constraint::Length(1)]).areas(area);
        let s = &self.roadmap.standing;
        let uncertain = self.roadmap.entries.iter().filter(|e| e.uncertain).count();
        header(top, buf, &t.heading(&s.municipality, &s.round), &t.count(self.roadmap.entries.len(), uncertain), theme);
        // Example data says so on every screen derived from it.
        let title = if s.demo { format!("{} · {}", s.county, t.pdf.watermark) } else { s.county.clone() };
        let block = pane(&title, true, theme);
        let body = block.inner(body_outer);
        block.render(body_outer, buf);
        let rows: Vec<Line> =
            self.rows(body.width, t, theme).into_iter().skip(self.scroll as usize).take(body.height as usize).collect();
        Paragraph::new(rows).render(body, buf);
        let bottom_line = match &self.status {
            Some(msg) => Line::styled(msg.clone(), theme.ok()),
            None => Line::styled(t.keys_hint, theme.dim()),
        };
        bottom_line.render(bottom, buf);
    }

    /// The body as screen rows of at most `width` columns.
    fn rows(&self, width: u16, t: &RoadmapTexts, theme: &Theme) -> Vec<Line<'static>> {
        let width = usize::from(width).max(1);
        let mut out = Vec::new();
        for item in self.items(t, theme) {
            let indent = item.prefix.width().min(width.saturating_sub(1));
            for (i, row) in wrap(&item.text, width - indent).into_iter().enumerate() {
                let lead = if i == 0 { item.prefix.clone() } else { " ".repeat(indent) };
                out.push(Line::styled(format!("{lead}{row}"), item.style));
            }
        }
        out
    }

    /// The body before wrapping: where the municipality stands, then the entries.
    fn items(&self, t: &RoadmapTexts, theme: &Theme) -> Vec<Item> {
        let r = &self.roadmap;
        let px = t.pdf;
        let lang = t.lang;
        let mut out = vec![Item::plain(pdf_sentences::municipality(r, lang).join(" ")), Item::plain(String::new())];
        for g in SubGoal::ALL {
            let st = r.subgoal(g);
            // The name goes in the prefix, which keeps its padding: wrapping collapses spaces.
            let prefix = format!("{:<16}", g.display());
            let mut text = format!("{:>3}", pdf_texts::score(st.score, lang));
            if let Some(m) = st.county_median {
                text += &format!("  ({} {m:.0})", px.legend_median.to_lowercase());
            }
            let uncertain = st.score.is_some() && st.uncertain;
            if uncertain {
                text += &format!("  {}", px.uncertain);
            }
            out.push(Item { prefix, text, style: if uncertain { theme.warn() } else { theme.key() } });
        }
        out.push(Item::plain(String::new()));
        out.push(Item {
            prefix: String::new(),
            text: format!("{} — {}", px.entries, t.timeline_legend),
            style: theme.title(),
        });
        if r.entries.is_empty() {
            out.push(Item::plain(t.no_entries.to_string()));
        }
        for e in &r.entries {
            out.extend(entry_items(e, t, theme));
        }
        out
    }
}

/// One logical line: a prefix on its first row (its width is the hanging indent of the rest)
/// and a text wrapped after it, all in one style.
struct Item {
    prefix: String,
    text: String,
    style: Style,
}

impl Item {
    fn plain(text: String) -> Item {
        Item { prefix: String::new(), text, style: Style::new() }
    }

    fn indented(text: String, style: Style) -> Item {
        Item { prefix: "    ".into(), text, style }
    }
}

/// The body: the screen minus the header and bottom lines and the pane's border.
fn body_area(area: Rect) -> Rect {
    let [_, body, _] = Layout::vertical([Constraint::Length(1), Constraint::Min(3), Constraint::Length(1)]).areas(area);
    Rect {
        x: body.x.saturating_add(1),
        y: body.y.saturating_add(1),
        width: body.width.saturating_sub(2),
        height: body.height.saturating_sub(2),
    }
}

/// Six cells, one per period: "██····" for the first half of year 1.
pub fn timeline_bar(e: &PlannedEntry) -> String {
    let periods = e.slot.periods();
    Period::ALL.iter().map(|p| if periods.contains(p) { '█' } else { '·' }).collect()
}

fn entry_items(e: &PlannedEntry, t: &RoadmapTexts, theme: &Theme) -> Vec<Item> {
    let px = t.pdf;
    let lang = t.lang;
    let mut text = e.entry.inriktning.clone();
    if e.uncertain {
        text = format!("({}) {text}", px.uncertain);
    }
    let first = Item {
        prefix: format!("{:>2}. {} ", e.priority, timeline_bar(e)),
        text,
        style: if e.uncertain { theme.warn() } else { Style::new() },
    };
    let meta = format!(
        "{} · {} · {}",
        e.entry.subgoal.display(),
        pdf_texts::joint_work(e.entry.joint_work, lang),
        pdf_texts::horizon(e.entry.horizon, lang)
    );
    let mut out = vec![
        first,
        Item::indented(meta, theme.dim()),
        Item::indented(format!("{}: {}", px.who, e.entry.aktorer.join(", ")), Style::new()),
    ];
    if let (Some(threshold), Some(score)) = (e.evidence.score_below, e.evidence.score) {
        let text = format!("{}: {}", px.evidence, pdf_texts::score_evidence(score, threshold, lang));
        out.push(Item::indented(text, theme.dim()));
    }
    for q in &e.evidence.answers {
        let quoted = pdf_texts::quoted(&q.question, &pdf_texts::answered(&q.answer, lang), lang);
        out.push(Item::indented(format!("{}: {quoted}", px.evidence), theme.dim()));
    }
    out.push(Item::plain(String::new()));
    out
}
