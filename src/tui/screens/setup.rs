//! The form that starts a new interview: round, interviewer, respondents' roles.

use crate::i18n::tui::TuiTexts;
use crate::tui::theme::Theme;
use crate::tui::widgets::{centered, pane};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};
use tui_input::Input;

#[derive(Debug, Clone, Default)]
pub struct SetupState {
    pub municipality_code: String,
    pub municipality_name: String,
    /// round, interviewer, respondents
    pub fields: [Input; 3],
    pub focus: usize,
    pub error: Option<String>,
}

impl SetupState {
    pub fn new(code: &str, name: &str, year: &str, interviewer: &str) -> Self {
        SetupState {
            municipality_code: code.into(),
            municipality_name: name.into(),
            fields: [Input::new(year.into()), Input::new(interviewer.into()), Input::default()],
            focus: 0,
            error: None,
        }
    }

    pub fn round(&self) -> &str {
        self.fields[0].value().trim()
    }
}

pub fn render(s: &SetupState, area: Rect, buf: &mut Buffer, t: &TuiTexts, theme: &Theme) {
    let width = area.width.saturating_sub(4).min(64);
    let popup = centered(area, width, 12.min(area.height));
    Clear.render(popup, buf);
    let title = format!("{} – {} {}", t.new_interview_title, s.municipality_code, s.municipality_name);
    let block = pane(&title, true, theme);
    let inner = block.inner(popup);
    block.render(popup, buf);
    let labels = [t.field_round, t.field_interviewer, t.field_respondents];
    let mut lines = Vec::new();
    for (i, (label, input)) in labels.iter().zip(&s.fields).enumerate() {
        let focused = i == s.focus;
        lines.push(Line::styled(label.to_string(), if focused { theme.key() } else { theme.dim() }));
        let value = if input.value().is_empty() && i == 2 {
            Span::styled(t.respondents_hint, theme.dim())
        } else {
            Span::raw(input.value().to_string())
        };
        let mut spans = vec![Span::raw(if focused { "▸ " } else { "  " }), value];
        if focused {
            spans.push(Span::raw("▏"));
        }
        lines.push(Line::from(spans));
    }
    if let Some(e) = &s.error {
        lines.push(Line::styled(e.clone(), theme.error()));
    }
    Paragraph::new(lines).wrap(Wrap { trim: false }).render(inner, buf);
}
