//! Reusable pieces: header and status bars, the help overlay, the too-small notice, wrapping.

use super::keymap::{KeyContext, help};
use super::theme::Theme;
use crate::i18n::tui::TuiTexts;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

/// The smallest terminal the layouts are designed for.
pub const MIN_WIDTH: u16 = 44;
pub const MIN_HEIGHT: u16 = 12;

pub fn too_small(area: Rect, buf: &mut Buffer, t: &TuiTexts, theme: &Theme) {
    let msg = format!("{} ({}×{})", t.too_small, MIN_WIDTH, MIN_HEIGHT);
    let lines = vec![Line::styled(msg, theme.warn()), Line::raw(format!("{}×{}", area.width, area.height))];
    let h = 2.min(area.height);
    let [row] = Layout::vertical([Constraint::Length(h)]).flex(Flex::Center).areas(area);
    Paragraph::new(lines).centered().wrap(Wrap { trim: true }).render(row, buf);
}

pub fn header(area: Rect, buf: &mut Buffer, left: &str, right: &str, theme: &Theme) {
    let right_w = right.width() as u16;
    let [l, r] = Layout::horizontal([Constraint::Min(0), Constraint::Length(right_w)]).areas(area);
    Line::styled(left.to_string(), theme.title()).render(l, buf);
    Line::styled(right.to_string(), theme.dim()).render(r, buf);
}

/// Status messages, newest wins. Errors stay until something succeeds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    None,
    Info(String),
    Saved(String),
    Error(String),
}

pub fn status_bar(area: Rect, buf: &mut Buffer, status: &Status, hint: &str, theme: &Theme) {
    let (text, style) = match status {
        Status::None => (String::new(), Style::new()),
        Status::Info(s) => (s.clone(), Style::new()),
        Status::Saved(s) => (s.clone(), theme.ok()),
        Status::Error(s) => (s.clone(), theme.error()),
    };
    // An error needs every column; the key hint can wait.
    let hint = if matches!(status, Status::Error(_)) { "" } else { hint };
    let hint_w = (hint.width() as u16 + 1).min(area.width / 3);
    let [l, r] = Layout::horizontal([Constraint::Min(0), Constraint::Length(hint_w)]).areas(area);
    Paragraph::new(Line::styled(text, style)).wrap(Wrap { trim: true }).render(l, buf);
    Line::styled(hint.to_string(), theme.dim()).right_aligned().render(r, buf);
}

pub fn help_overlay(area: Rect, buf: &mut Buffer, ctx: KeyContext, scroll: u16, t: &TuiTexts, theme: &Theme) {
    let items = help(ctx);
    let key_w = items.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let width = area.width.saturating_sub(4).min(72);
    let inner_w = width.saturating_sub(2) as usize;
    // One line per key, cut rather than wrapped, so every key keeps exactly one row.
    let lines: Vec<Line> = items
        .iter()
        .map(|(k, h)| {
            let text = super::screens::start::truncate(t.help_text(*h), inner_w.saturating_sub(key_w + 2));
            Line::from(vec![Span::styled(format!("{k:<key_w$}  "), theme.key()), Span::raw(text)])
        })
        .collect();
    let height = (lines.len() as u16 + 3).min(area.height);
    let popup = centered(area, width, height);
    Clear.render(popup, buf);
    let block =
        Block::bordered().border_type(BorderType::Rounded).title(t.help_title).border_style(theme.focus_border());
    let inner = block.inner(popup);
    block.render(popup, buf);
    let [list, footer] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let max_scroll = (lines.len() as u16).saturating_sub(list.height);
    let scroll = scroll.min(max_scroll);
    let footer_text = if max_scroll > 0 { t.help_close_scroll } else { t.help_close };
    Paragraph::new(lines).scroll((scroll, 0)).render(list, buf);
    Line::styled(footer_text, theme.dim()).render(footer, buf);
}

pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(area.height))]).flex(Flex::Center).areas(area);
    let [h] = Layout::horizontal([Constraint::Length(width.min(area.width))]).flex(Flex::Center).areas(v);
    h
}

pub fn pane(title: &str, focused: bool, theme: &Theme) -> Block<'static> {
    let b = Block::new().borders(Borders::ALL).border_type(BorderType::Rounded).title(title.to_string());
    if focused { b.border_style(theme.focus_border()) } else { b.border_style(theme.dim()) }
}

/// Word-wraps `text` to `width` columns (by display width, so å ä ö count as one).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let mut word = word;
            // A word longer than the line is hard-broken.
            while word.width() > width {
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                }
                let mut used = 0;
                let mut cut = 0;
                for (i, c) in word.char_indices() {
                    let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    if used + w > width {
                        break;
                    }
                    used += w;
                    cut = i + c.len_utf8();
                }
                if cut == 0 {
                    cut = word.chars().next().map_or(word.len(), char::len_utf8);
                }
                out.push(word[..cut].to_string());
                word = &word[cut..];
            }
            if word.is_empty() {
                continue;
            }
            let needed = if line.is_empty() { word.width() } else { line.width() + 1 + word.width() };
            if needed > width && !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_width_and_keeps_words() {
        let lines = wrap("Har ni någon strategisk funktion för digitalisering?", 20);
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), "Har ni någon strategisk funktion för digitalisering?");
        let long = wrap("Digitaliseringsstrategi", 8);
        assert!(long.iter().all(|l| l.width() <= 8), "{long:?}");
        assert_eq!(long.concat(), "Digitaliseringsstrategi");
    }
}
