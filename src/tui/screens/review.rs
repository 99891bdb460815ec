//! Review: the required questions still unanswered, and completing the interview.

use super::interview::InterviewState;
use crate::i18n::tui::TuiTexts;
use crate::tui::theme::Theme;
use crate::tui::widgets::pane;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

pub fn render(s: &InterviewState, area: Rect, buf: &mut Buffer, t: &TuiTexts, theme: &Theme) {
    let block = pane(t.review_title, true, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let missing = s.missing_required();
    let mut lines = Vec::new();
    if s.read_only() {
        lines.push(Line::styled(t.completed_info, theme.ok()));
    } else if missing.is_empty() {
        lines.push(Line::styled(t.review_all_done, theme.ok()));
        lines.push(Line::styled(t.review_complete_hint, theme.key()));
    } else {
        lines.push(Line::styled(format!("{} ({})", t.review_missing, missing.len()), theme.warn()));
    }
    lines.push(Line::raw(""));
    let header = lines.len();
    let width = inner.width as usize;
    for (row, index) in missing.iter().enumerate() {
        let text = s.question_at(*index).map(|q| q.text.clone()).unwrap_or_default();
        let line = super::start::truncate(&format!("{}. {text}", index + 1), width);
        let style = if row == s.review_cursor { theme.selected() } else { Default::default() };
        lines.push(Line::styled(line, style));
    }
    let offset = (s.review_cursor + header).saturating_sub(inner.height.saturating_sub(1) as usize);
    Paragraph::new(lines).scroll((offset as u16, 0)).render(inner, buf);
}
