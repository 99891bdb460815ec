//! Start screen: every municipality, searchable and filterable by county, with its interview
//! state; interviews in progress listed above with where they stopped.

use crate::i18n::tui::TuiTexts;
use crate::register;
use crate::tui::data::{MunicipalityRow, Overview, RowState, fold};
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, pane};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StartFocus {
    #[default]
    List,
    Resume,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct StartState {
    pub search: String,
    /// Index into `register::counties()`; None = all counties.
    pub county: Option<usize>,
    pub selected: usize,
    pub resume_selected: usize,
    pub focus: StartFocus,
}

impl StartState {
    pub fn county_code(&self) -> Option<String> {
        self.county.and_then(|i| register::counties().get(i).map(|(c, _)| c.clone()))
    }

    /// The rows shown, in register order, after search and county filter.
    pub fn filtered<'a>(&self, overview: &'a Overview) -> Vec<&'a MunicipalityRow> {
        let needle = fold(self.search.trim());
        let county = self.county_code();
        overview
            .rows
            .iter()
            .filter(|r| county.as_deref().is_none_or(|c| r.county_code == c))
            .filter(|r| needle.is_empty() || r.folded.contains(&needle) || r.code.starts_with(&needle))
            .collect()
    }

    pub fn cycle_county(&mut self, forward: bool) {
        let n = register::counties().len();
        self.county = match (self.county, forward) {
            (None, true) => Some(0),
            (None, false) => Some(n.saturating_sub(1)),
            (Some(i), true) if i + 1 >= n => None,
            (Some(i), true) => Some(i + 1),
            (Some(0), false) => None,
            (Some(i), false) => Some(i - 1),
        };
        self.selected = 0;
    }

    pub fn move_selection(&mut self, delta: isize, len: usize) {
        let (sel, len) = match self.focus {
            StartFocus::List => (&mut self.selected, len),
            StartFocus::Resume => (&mut self.resume_selected, len),
        };
        if len == 0 {
            *sel = 0;
            return;
        }
        *sel = (*sel as isize + delta).clamp(0, len as isize - 1) as usize;
    }
}

/// Where things are on the start screen, for drawing and for mouse clicks alike.
pub struct StartLayout {
    pub header: Rect,
    pub search: Rect,
    pub resume: Option<Rect>,
    pub list: Rect,
    pub status: Rect,
}

pub fn layout(area: Rect, overview: &Overview) -> StartLayout {
    let resume_h = if overview.resume.is_empty() { 0 } else { (overview.resume.len().min(3) as u16) + 2 };
    let resume_h = if area.height < 18 { resume_h.min(3) } else { resume_h };
    let [header, search, resume, list, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(resume_h),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    StartLayout { header, search, resume: (resume_h > 0).then_some(resume), list, status }
}

/// First visible row so that `selected` stays on screen.
pub fn scroll_offset(selected: usize, height: usize) -> usize {
    if height == 0 { 0 } else { selected.saturating_sub(height - 1) }
}

pub fn state_label(state: &RowState, t: &TuiTexts) -> String {
    match state {
        RowState::NotStarted => t.not_started.to_string(),
        RowState::InProgress { round, answered, visible } => format!("{round}: {}", t.answered_of(*answered, *visible)),
        RowState::Completed { round } => format!("{round}: {}", t.completed),
    }
}

pub struct StartView<'a> {
    pub state: &'a StartState,
    pub overview: &'a Overview,
    pub t: &'static TuiTexts,
    pub theme: &'a Theme,
}

impl StartView<'_> {
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let (s, t, theme) = (self.state, self.t, self.theme);
        let l = layout(area, self.overview);
        let hint = if area.width >= 70 { t.start_hint } else { t.keys_hint };
        widgets::header(l.header, buf, t.app_title, hint, theme);
        let county_name = match s.county.and_then(|i| register::counties().get(i).cloned()) {
            Some((_, name)) => name,
            None => t.all_counties.to_string(),
        };
        let search_text =
            if s.search.is_empty() { Span::styled(t.search_hint, theme.dim()) } else { Span::raw(s.search.clone()) };
        Line::from(vec![
            Span::styled(format!("{}: ", t.search), theme.key()),
            search_text,
            Span::raw("▏  "),
            Span::styled(format!("{}: ", t.county), theme.key()),
            Span::raw(format!("◂ {county_name} ▸")),
        ])
        .render(l.search, buf);
        if let Some(area) = l.resume {
            self.render_resume(area, buf);
        }
        self.render_list(l.list, buf);
    }

    fn render_resume(&self, area: Rect, buf: &mut Buffer) {
        let (s, t, theme) = (self.state, self.t, self.theme);
        let block = pane(t.in_progress_title, s.focus == crate::tui::screens::start::StartFocus::Resume, theme);
        let inner = block.inner(area);
        block.render(area, buf);
        let height = inner.height as usize;
        let offset = scroll_offset(s.resume_selected, height);
        let lines: Vec<Line> = self
            .overview
            .resume
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(i, r)| {
                let stopped = r
                    .stopped_at
                    .as_ref()
                    .map(|(n, text)| format!(" · {} {n}. {text}", t.stopped_at))
                    .unwrap_or_default();
                let text =
                    format!("{} {} · {} · {}{stopped}", r.code, r.name, r.round, t.answered_of(r.answered, r.visible));
                let style = if s.focus == StartFocus::Resume && i == s.resume_selected {
                    theme.selected()
                } else {
                    Default::default()
                };
                Line::styled(text, style)
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer) {
        let (s, t, theme) = (self.state, self.t, self.theme);
        let rows = s.filtered(self.overview);
        let title = format!("{} ({})", t.municipalities, rows.len());
        let block = pane(&title, s.focus == StartFocus::List, theme);
        let inner = block.inner(area);
        block.render(area, buf);
        let height = inner.height as usize;
        let offset = scroll_offset(s.selected, height);
        let wide = inner.width >= 64;
        let counties = register::counties();
        for (i, row) in rows.iter().enumerate().skip(offset).take(height) {
            let y = inner.y + (i - offset) as u16;
            let line_area = Rect { x: inner.x, y, width: inner.width, height: 1 };
            let county = if wide {
                counties.iter().find(|(c, _)| *c == row.county_code).map(|(_, n)| n.clone()).unwrap_or_default()
            } else {
                String::new()
            };
            let state = state_label(&row.state, t);
            let state_style = match row.state {
                RowState::NotStarted => theme.dim(),
                RowState::InProgress { .. } => theme.warn(),
                RowState::Completed { .. } => theme.ok(),
            };
            let name_w = if wide { 22 } else { 16 };
            let mut spans = vec![Span::raw(format!("{} {:<name_w$} ", row.code, truncate(&row.name, name_w)))];
            if wide {
                spans.push(Span::styled(format!("{:<18} ", truncate(&county, 18)), theme.dim()));
            }
            spans.push(Span::styled(state, state_style));
            let mut line = Line::from(spans);
            if s.focus == StartFocus::List && i == s.selected {
                line = line.style(theme.selected());
            }
            line.render(line_area, buf);
        }
    }
}

pub fn truncate(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + 2 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}
