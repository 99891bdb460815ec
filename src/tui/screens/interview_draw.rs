//! Drawing the interview screen. `layout` and `content` are pure and shared with mouse handling,
//! so a click lands on what was drawn.

use super::interview::{Focus, InterviewState, Mode, PromptKind};
use crate::i18n::tui::TuiTexts;
use crate::model::{AnswerValue, QuestionKind};
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, Status, pane, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Gauge, Paragraph, Widget};

pub struct InterviewLayout {
    pub header: Rect,
    pub sections: Option<Rect>,
    pub main: Rect,
    pub note: Option<Rect>,
    pub gauge: Rect,
    pub status: Rect,
}

/// `roomy`: the current question needs the full width (a scale's rubric should be read whole),
/// so the sections pane gives way unless the terminal is very wide.
pub fn layout(area: Rect, roomy: bool, note_focused: bool) -> InterviewLayout {
    let [header, body, gauge, status] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(4), Constraint::Length(1), Constraint::Length(1)])
            .areas(area);
    let show_sections = area.width >= 72 && (!roomy || area.width >= 110);
    let (sections, rest) = if show_sections {
        let [s, r] = Layout::horizontal([Constraint::Length(26), Constraint::Min(30)]).areas(body);
        (Some(s), r)
    } else {
        (None, body)
    };
    // The note takes room only while it is written; otherwise one line shows what it says.
    let note_h = match (rest.height, note_focused) {
        (h, true) if h >= 14 => 6,
        (h, _) if h >= 9 => 3,
        _ => 0,
    };
    let [main, note] = Layout::vertical([Constraint::Min(3), Constraint::Length(note_h)]).areas(rest);
    InterviewLayout { header, sections, main, note: (note_h > 0).then_some(note), gauge, status }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Option(usize),
    DontKnow,
    NotApplicable,
}

/// The main pane's lines at a given inner width, which line each clickable target is on, and
/// the line of the cursor (for scrolling).
pub fn content(
    s: &InterviewState,
    width: u16,
    t: &TuiTexts,
    theme: &Theme,
) -> (Vec<Line<'static>>, Vec<(usize, Target)>, usize) {
    let width = width.max(10) as usize;
    let question = s.question();
    let state = s.effective(&question.id);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut targets = Vec::new();
    let number = s.current + 1;
    for (i, l) in wrap(&format!("{number}. {}", question.text), width).into_iter().enumerate() {
        let style = Style::new().add_modifier(Modifier::BOLD);
        lines.push(Line::styled(if i == 0 { l } else { l.to_string() }, style));
    }
    let kind = match question.kind {
        QuestionKind::Single { .. } => t.kind_single,
        QuestionKind::Multi { .. } => t.kind_multi,
        QuestionKind::Scale { .. } => t.kind_scale,
        QuestionKind::YesNo { .. } => t.kind_yesno,
        QuestionKind::Number { .. } => t.kind_number,
        QuestionKind::Text => t.kind_text,
    };
    let mut meta = vec![kind.to_string()];
    if question.required {
        meta.push(t.required.to_string());
    }
    if let Some(sc) = question.scoring {
        meta.push(sc.subgoal.display().to_string());
    }
    lines.push(Line::styled(format!("({})", meta.join(" · ")), theme.dim()));
    if let Some(prev) = s.previous.get(&question.id) {
        for l in wrap(prev, width) {
            lines.push(Line::styled(l, theme.previous()));
        }
    }
    lines.push(Line::raw(""));
    let chosen: Vec<String> = state.value.as_ref().map(|v| v.chosen().to_vec()).unwrap_or_default();
    let mut cursor_line = 0;
    let focused = s.focus == Focus::Question && s.mode == Mode::Questions;
    for (i, c) in question.choices().iter().enumerate() {
        let is_chosen = chosen.contains(&c.id);
        let (mark, key) = match question.kind {
            QuestionKind::Multi { .. } => (if is_chosen { "[x]" } else { "[ ]" }, format!("{}", i + 1)),
            QuestionKind::Scale { .. } => (if is_chosen { "(•)" } else { "( )" }, format!("{i}")),
            _ => (if is_chosen { "(•)" } else { "( )" }, format!("{}", i + 1)),
        };
        let prefix = format!("{mark} {key} ");
        let indent = prefix.chars().count();
        let body = c.label.clone();
        if focused && i == s.cursor {
            cursor_line = lines.len();
        }
        for (j, l) in wrap(&body, width.saturating_sub(indent)).into_iter().enumerate() {
            let head = if j == 0 { prefix.clone() } else { " ".repeat(indent) };
            let mut style = if is_chosen { theme.chosen() } else { Style::new() };
            if focused && i == s.cursor {
                style = style.patch(theme.selected());
            }
            targets.push((lines.len(), Target::Option(i)));
            lines.push(Line::from(vec![Span::styled(head, theme.key()), Span::styled(l, style)]));
        }
    }
    match &question.kind {
        QuestionKind::Number { unit, .. } => {
            let unit = unit.clone().unwrap_or_default();
            let editing = focused;
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", t.answer), theme.key()),
                Span::styled(s.number.value().to_string(), if editing { theme.selected() } else { theme.chosen() }),
                Span::raw(if editing { "▏" } else { "" }),
                Span::raw(format!(" {unit}")),
            ]));
            lines.push(Line::styled(t.number_hint, theme.dim()));
        }
        QuestionKind::Text if s.focus != Focus::AnswerText => {
            let text = match &state.value {
                Some(AnswerValue::Text(x)) => x.clone(),
                _ => t.answer_empty.to_string(),
            };
            for l in wrap(&format!("{}: {text}", t.answer), width) {
                lines.push(Line::raw(l));
            }
        }
        _ => {}
    }
    lines.push(Line::raw(""));
    let special = |label: &str, key: &str, on: bool| {
        let style = if on { theme.chosen() } else { Style::new() };
        vec![
            Span::styled(format!("{key} "), theme.key()),
            Span::styled(format!("{}{label}", if on { "• " } else { "" }), style),
        ]
    };
    targets.push((lines.len(), Target::DontKnow));
    let mut spans = special(t.dont_know, "v", state.value == Some(AnswerValue::DontKnow));
    if question.allow_na {
        spans.push(Span::raw("   "));
        spans.extend(special(t.not_applicable, "e", state.value == Some(AnswerValue::NotApplicable)));
    }
    lines.push(Line::from(spans));
    if s.is_pending(&question.id) {
        lines.push(Line::styled(t.unsaved, theme.error()));
    }
    if let Some(c) = s.conflicts.iter().find(|c| c.question_id == question.id) {
        lines.push(Line::styled(t.conflict_title, theme.error()));
        for (label, side) in [(t.conflict_ours, &c.ours), (t.conflict_theirs, &c.theirs)] {
            let text = crate::i18n::merge::side_text(t.lang, side);
            for l in wrap(&format!("{label}: {text}"), width) {
                lines.push(Line::styled(l, theme.warn()));
            }
        }
        lines.push(Line::styled(t.conflict_keys, theme.key()));
    }
    // Guidance comes last: the question and its options matter most on a small screen.
    if let Some(help) = &question.help {
        lines.push(Line::raw(""));
        for l in wrap(help, width) {
            lines.push(Line::styled(l, theme.dim()));
        }
    }
    (lines, targets, cursor_line)
}

pub fn scroll_for(cursor_line: usize, height: usize, total: usize) -> usize {
    if total <= height || height == 0 {
        return 0;
    }
    // Scroll only as far as needed to show the cursor (plus one line of context), so the
    // question itself stays in view whenever it can.
    (cursor_line + 2).saturating_sub(height).min(total - height)
}

pub struct InterviewView<'a> {
    pub state: &'a InterviewState,
    pub status: &'a Status,
    pub t: &'static TuiTexts,
    pub theme: &'a Theme,
}

impl InterviewView<'_> {
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let (s, t, theme) = (self.state, self.t, self.theme);
        let l = layout(area, roomy(s), s.focus == Focus::Note);
        let left = format!("{} · {} · {}", s.municipality, s.interview.round, s.interview.interviewer);
        let right = format!("{} {} {} {}", t.question, s.current + 1, t.of, s.q.len());
        widgets::header(l.header, buf, &left, &right, theme);
        if let Some(area) = l.sections {
            self.render_sections(area, buf);
        }
        match s.mode {
            Mode::Questions => self.render_question(l.main, buf),
            Mode::Review => super::review::render(s, l.main, buf, t, theme),
        }
        if let Some(area) = l.note {
            self.render_note(area, buf);
        }
        let (answered, total) = s.progress();
        let ratio = if total == 0 { 0.0 } else { answered as f64 / total as f64 };
        let label = t.answered_of(answered, total);
        let gauge_style = if theme.color { theme.ok() } else { Style::new() };
        Gauge::default().ratio(ratio.clamp(0.0, 1.0)).label(label).gauge_style(gauge_style).render(l.gauge, buf);
        let status = if s.read_only() { Status::Info(t.read_only.to_string()) } else { self.status.clone() };
        widgets::status_bar(l.status, buf, &status, t.keys_hint, theme);
        if let Some((kind, input)) = &s.prompt {
            let label = match kind {
                PromptKind::Jump => t.jump_prompt,
                PromptKind::Reopen => t.reopen_prompt,
            };
            let h = 3;
            let rect =
                Rect { x: area.x, y: l.gauge.y.saturating_sub(h - 1), width: area.width, height: h.min(area.height) };
            Clear.render(rect, buf);
            Paragraph::new(Line::from(vec![Span::raw(input.value().to_string()), Span::raw("▏")]))
                .block(pane(label, true, theme))
                .render(rect, buf);
        }
    }

    fn render_sections(&self, area: Rect, buf: &mut Buffer) {
        let (s, theme) = (self.state, self.theme);
        let block = pane(self.t.sections, s.focus == Focus::Sections, theme);
        let inner = block.inner(area);
        block.render(area, buf);
        let current_section = s.section_index_of(s.current);
        let width = inner.width as usize;
        let lines: Vec<Line> = s
            .section_progress()
            .into_iter()
            .enumerate()
            .map(|(i, (title, answered, visible))| {
                let count = format!("{answered}/{visible}");
                let marker = if i == current_section { "▸" } else { " " };
                let room = width.saturating_sub(count.len() + 3);
                let name = super::start::truncate(&title, room);
                let pad = width.saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str()) + count.len() + 2);
                let mut style = if visible > 0 && answered == visible { theme.ok() } else { Style::new() };
                if s.focus == Focus::Sections && i == s.section_cursor {
                    style = style.patch(theme.selected());
                }
                Line::styled(format!("{marker} {name}{}{count}", " ".repeat(pad)), style)
            })
            .collect();
        let offset = crate::tui::screens::start::scroll_offset(s.section_cursor, inner.height as usize);
        Paragraph::new(lines).scroll((offset as u16, 0)).render(inner, buf);
    }

    fn render_question(&self, area: Rect, buf: &mut Buffer) {
        let (s, t, theme) = (self.state, self.t, self.theme);
        let block = pane(&question_title(s), s.focus == Focus::Question, theme);
        let inner = block.inner(area);
        block.render(area, buf);
        let question = s.question();
        let editing_text = s.focus == Focus::AnswerText && matches!(question.kind, QuestionKind::Text);
        let (text_area, editor_area) = if editing_text {
            let [a, b] = Layout::vertical([Constraint::Min(1), Constraint::Length(4.min(inner.height))]).areas(inner);
            (a, Some(b))
        } else {
            (inner, None)
        };
        let (lines, _, cursor_line) = content(s, text_area.width, t, theme);
        let scroll = scroll_for(cursor_line, text_area.height as usize, lines.len());
        Paragraph::new(lines).scroll((scroll as u16, 0)).render(text_area, buf);
        if let Some(editor) = editor_area {
            let mut ta = s.text_answer.clone();
            ta.set_block(pane(t.answer, true, theme));
            (&ta).render(editor, buf);
        }
    }

    fn render_note(&self, area: Rect, buf: &mut Buffer) {
        let (s, t, theme) = (self.state, self.t, self.theme);
        let title = if s.note_dirty { format!("{} ({})", t.note, t.note_unsaved) } else { t.note.to_string() };
        let focused = s.focus == Focus::Note;
        if focused {
            let mut ta = s.note.clone();
            ta.set_block(pane(&title, true, theme));
            (&ta).render(area, buf);
        } else {
            let note = s.effective(s.question_id()).note;
            let text = if note.is_empty() { Line::styled(t.note_empty, theme.dim()) } else { Line::raw(note) };
            Paragraph::new(text)
                .wrap(ratatui::widgets::Wrap { trim: false })
                .block(pane(&title, false, theme))
                .render(area, buf);
        }
    }
}

pub fn roomy(s: &InterviewState) -> bool {
    matches!(s.question().kind, QuestionKind::Scale { .. })
}

fn question_title(s: &InterviewState) -> String {
    s.q.sections.get(s.section_index_of(s.current)).map(|x| x.title.clone()).unwrap_or_default()
}
