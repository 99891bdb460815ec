//! `App::update`: the only place state changes. Every change to an answer is committed to the
//! store before the status line says "Sparat"; a failed write keeps the value on screen as
//! unsaved and can be retried.

use super::action::Action;
use super::app::{App, Screen};
use super::save::Saver;
use super::screens::interview::{Focus, InterviewState, Mode, PromptKind};
use super::screens::interview_draw::{Target, content, layout as interview_layout, roomy, scroll_for};
use super::screens::setup::SetupState;
use super::screens::start::{StartFocus, layout as start_layout, scroll_offset};
use super::widgets::Status;
use crate::model::{AnswerValue, QuestionKind};
use crate::store::NewInterview;
use crossterm::event::{Event, KeyEvent};
use std::time::{Duration, Instant};
use tui_input::backend::crossterm::EventHandler;

/// A note being typed is saved after this long without a key press.
pub const NOTE_IDLE_SAVE: Duration = Duration::from_millis(1500);

impl App {
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Tick | Action::Resize(..)) {
            self.last_input = Instant::now();
        }
        match action {
            Action::Quit => {
                self.flush_editors();
                self.quit = true;
                return;
            }
            Action::Resize(w, h) => {
                self.size = ratatui::layout::Rect::new(0, 0, w, h);
                return;
            }
            Action::Tick => {
                if self.last_input.elapsed() >= NOTE_IDLE_SAVE {
                    self.save_dirty_note();
                }
                return;
            }
            Action::ToggleHelp => {
                self.help = !self.help;
                self.help_scroll = 0;
                return;
            }
            _ => {}
        }
        if self.help {
            match action {
                Action::ScrollUp => self.help_scroll = self.help_scroll.saturating_sub(1),
                Action::ScrollDown => self.help_scroll = self.help_scroll.saturating_add(1),
                _ => self.help = false,
            }
            return;
        }
        match &self.screen {
            Screen::Start => self.update_start(action),
            Screen::Setup(_) => self.update_setup(action),
            Screen::Interview(_) => self.update_interview(action),
            Screen::Compare(_) | Screen::Report(..) | Screen::Roadmap(..) => self.update_analysis(action),
        }
    }

    fn update_start(&mut self, action: Action) {
        let len = self.start.filtered(&self.overview).len();
        let resume_len = self.overview.resume.len();
        let list_len = if self.start.focus == StartFocus::List { len } else { resume_len };
        let page = start_layout(self.size, &self.overview).list.height.saturating_sub(2).max(1) as isize;
        match action {
            Action::Search(c) => {
                self.start.search.push(c);
                self.start.selected = 0;
                self.start.focus = StartFocus::List;
            }
            Action::SearchBackspace => {
                self.start.search.pop();
                self.start.selected = 0;
            }
            Action::Back => {
                self.start.search.clear();
                self.start.selected = 0;
            }
            Action::Up | Action::ScrollUp => self.start.move_selection(-1, list_len),
            Action::Down | Action::ScrollDown => self.start.move_selection(1, list_len),
            Action::PageUp => self.start.move_selection(-page, list_len),
            Action::PageDown => self.start.move_selection(page, list_len),
            Action::Left => self.start.cycle_county(false),
            Action::Right => self.start.cycle_county(true),
            Action::FocusNext | Action::FocusPrev => {
                self.start.focus = match self.start.focus {
                    StartFocus::List if resume_len > 0 => StartFocus::Resume,
                    _ => StartFocus::List,
                };
            }
            Action::Confirm => match self.start.focus {
                StartFocus::Resume => {
                    if let Some(r) = self.overview.resume.get(self.start.resume_selected) {
                        let id = r.interview_id.clone();
                        self.open(&id);
                    }
                }
                StartFocus::List => {
                    let rows = self.start.filtered(&self.overview);
                    let Some(row) = rows.get(self.start.selected) else { return };
                    match row.latest.clone() {
                        Some(id) => self.open(&id),
                        None => {
                            let (code, name) = (row.code.clone(), row.name.clone());
                            self.open_setup(&code, &name);
                        }
                    }
                }
            },
            Action::NewInterview => {
                let rows = self.start.filtered(&self.overview);
                if let Some(row) = rows.get(self.start.selected) {
                    let (code, name) = (row.code.clone(), row.name.clone());
                    self.open_setup(&code, &name);
                }
            }
            Action::Click { column, row } => self.click_start(column, row),
            Action::OpenCompare => self.open_compare(),
            Action::OpenRoadmap => {
                if let Some(code) = self.start.filtered(&self.overview).get(self.start.selected).map(|r| r.code.clone())
                {
                    self.open_roadmap(&code, None, None);
                }
            }
            Action::OpenReport => {
                // The county filter if one is chosen, else the selected municipality's county.
                let county = self.start.county_code().or_else(|| {
                    self.start.filtered(&self.overview).get(self.start.selected).map(|r| r.county_code.clone())
                });
                if let Some(cc) = county {
                    self.open_report(&cc, None);
                }
            }
            _ => {}
        }
    }

    fn click_start(&mut self, column: u16, row: u16) {
        let l = start_layout(self.size, &self.overview);
        let inside = |r: ratatui::layout::Rect| {
            column > r.x && column < r.right().saturating_sub(1) && row > r.y && row < r.bottom().saturating_sub(1)
        };
        if inside(l.list) {
            let offset = scroll_offset(self.start.selected, l.list.height.saturating_sub(2) as usize);
            let index = offset + (row - l.list.y - 1) as usize;
            if index < self.start.filtered(&self.overview).len() {
                self.start.focus = StartFocus::List;
                self.start.selected = index;
            }
        } else if let Some(r) = l.resume.filter(|r| inside(*r)) {
            let offset = scroll_offset(self.start.resume_selected, r.height.saturating_sub(2) as usize);
            let index = offset + (row - r.y - 1) as usize;
            if index < self.overview.resume.len() {
                self.start.focus = StartFocus::Resume;
                self.start.resume_selected = index;
            }
        }
    }

    fn open_setup(&mut self, code: &str, name: &str) {
        self.screen = Screen::Setup(Box::new(SetupState::new(code, name, &self.year, &self.user)));
    }

    pub fn open(&mut self, id: &str) {
        match self.load_interview(id) {
            Ok(s) => {
                let (n, m) = s.progress();
                let t = self.lang.tui();
                self.status =
                    Status::Info(format!("{} {} – {}", s.municipality, s.interview.round, t.answered_of(n, m)));
                self.screen = Screen::Interview(Box::new(s));
            }
            Err(e) => self.status = Status::Error(crate::i18n::store_error(self.lang, &e)),
        }
    }

    fn update_setup(&mut self, action: Action) {
        let Screen::Setup(s) = &mut self.screen else { return };
        match action {
            Action::Back => {
                self.screen = Screen::Start;
            }
            Action::FocusNext | Action::Down => s.focus = (s.focus + 1) % 3,
            Action::FocusPrev | Action::Up => s.focus = (s.focus + 2) % 3,
            Action::Input(key) => {
                s.fields[s.focus].handle_event(&Event::Key(key));
            }
            Action::Confirm => {
                if s.round().is_empty() {
                    s.error = Some(self.lang.tui().round_empty.to_string());
                    s.focus = 0;
                    return;
                }
                let new = NewInterview {
                    municipality_code: s.municipality_code.clone(),
                    round: s.round().to_string(),
                    interviewer: s.fields[1].value().trim().to_string(),
                    respondents: s.fields[2].value().trim().to_string(),
                    ..Default::default()
                };
                match self.store.create_interview(&self.source, &new) {
                    Ok(iv) => {
                        self.refresh_overview();
                        self.open(&iv.id);
                    }
                    Err(e) => s.error = Some(crate::i18n::store_error(self.lang, &e)),
                }
            }
            _ => {}
        }
    }

    fn update_interview(&mut self, action: Action) {
        let App { screen, store, status, lang, clock, user, size, .. } = self;
        let Screen::Interview(s) = screen else { return };
        let t = lang.tui();
        let by = if s.interview.interviewer.is_empty() { user.clone() } else { s.interview.interviewer.clone() };
        let mut ctx = Saver { store, status, clock: *clock, lang: *lang, by };
        let mut leave = false;
        if let Some((kind, input)) = &mut s.prompt {
            match action {
                Action::Back => s.prompt = None,
                Action::Input(key) => {
                    input.handle_event(&Event::Key(key));
                }
                Action::Confirm => {
                    let text = input.value().trim().to_string();
                    let kind = *kind;
                    s.prompt = None;
                    match kind {
                        PromptKind::Jump => jump(s, &text, ctx.status, t),
                        PromptKind::Reopen => ctx.reopen(s, &text),
                    }
                }
                _ => {}
            }
            return;
        }
        if s.mode == Mode::Review {
            let missing = s.missing_required();
            match action {
                Action::Up | Action::ScrollUp => s.review_cursor = s.review_cursor.saturating_sub(1),
                Action::Down | Action::ScrollDown => {
                    s.review_cursor = (s.review_cursor + 1).min(missing.len().saturating_sub(1))
                }
                Action::Confirm => {
                    if let Some(i) = missing.get(s.review_cursor) {
                        s.mode = Mode::Questions;
                        s.go_to(*i);
                    }
                }
                Action::Complete => ctx.complete(s),
                Action::Reopen => open_reopen_prompt(s, ctx.status, t),
                Action::Back => s.mode = Mode::Questions,
                _ => {}
            }
            return;
        }
        match s.focus {
            Focus::Note | Focus::AnswerText => match action {
                Action::Back | Action::FocusNext | Action::FocusPrev => {
                    ctx.flush(s);
                    s.focus = Focus::Question;
                }
                Action::Input(key) => edit(s, key),
                _ => {}
            },
            Focus::Sections => match action {
                Action::Up | Action::ScrollUp => s.section_cursor = s.section_cursor.saturating_sub(1),
                Action::Down | Action::ScrollDown => {
                    s.section_cursor = (s.section_cursor + 1).min(s.q.sections.len().saturating_sub(1))
                }
                Action::Confirm => {
                    if let Some(i) = s.first_visible_in_section(s.section_cursor) {
                        let cursor = s.section_cursor;
                        s.go_to(i);
                        s.section_cursor = cursor;
                        s.focus = Focus::Question;
                    }
                }
                Action::FocusNext => s.focus = Focus::Question,
                Action::FocusPrev => s.focus = Focus::Note,
                Action::Back => leave = true,
                Action::Click { column, row } => click_interview(s, &mut ctx, *size, column, row),
                _ => {}
            },
            Focus::Question => match action {
                Action::Up | Action::ScrollUp => s.cursor = s.cursor.saturating_sub(1),
                Action::Down | Action::ScrollDown => s.cursor = (s.cursor + 1).min(s.option_count().saturating_sub(1)),
                Action::Toggle => {
                    if matches!(s.question().kind, QuestionKind::Text) {
                        start_editing_text(s, ctx.status, t);
                    } else if let Some(v) = s.picked_value(s.cursor) {
                        ctx.set_value(s, v);
                    }
                }
                Action::Pick(d) => {
                    if let Some(i) = s.pick_index(d) {
                        s.cursor = i;
                        if let Some(v) = s.picked_value(i) {
                            ctx.set_value(s, v);
                        }
                    }
                }
                Action::DontKnow => ctx.set_value(s, Some(AnswerValue::DontKnow)),
                Action::NotApplicable => {
                    if s.question().allow_na {
                        ctx.set_value(s, Some(AnswerValue::NotApplicable));
                    } else {
                        *ctx.status = Status::Info(t.na_not_offered.into());
                    }
                }
                Action::Input(key) => {
                    s.number.handle_event(&Event::Key(key));
                }
                Action::Confirm => ctx.save_number(s),
                Action::NextQuestion => {
                    s.step(true);
                }
                Action::PrevQuestion => {
                    s.step(false);
                }
                Action::JumpPrompt => s.prompt = Some((PromptKind::Jump, Default::default())),
                Action::Undo => ctx.undo(s),
                Action::EditNote => {
                    if s.read_only() {
                        *ctx.status = Status::Info(t.read_only.into());
                    } else {
                        s.focus = Focus::Note;
                    }
                }
                Action::EditAnswer => start_editing_text(s, ctx.status, t),
                Action::Retry => ctx.retry(s),
                Action::Review => {
                    s.mode = Mode::Review;
                    s.review_cursor = 0;
                }
                Action::Reopen => open_reopen_prompt(s, ctx.status, t),
                Action::KeepOurs => ctx.resolve(s, crate::store::Resolution::Ours),
                Action::TakeTheirs => ctx.resolve(s, crate::store::Resolution::Theirs),
                Action::FocusNext => {
                    s.focus = if interview_layout(*size, roomy(s), false).sections.is_some() {
                        Focus::Sections
                    } else {
                        Focus::Note
                    };
                    s.section_cursor = s.section_index_of(s.current);
                    if s.focus == Focus::Note && s.read_only() {
                        s.focus = Focus::Question;
                    }
                }
                Action::FocusPrev if !s.read_only() => s.focus = Focus::Note,
                Action::Back => leave = true,
                Action::Click { column, row } => click_interview(s, &mut ctx, *size, column, row),
                _ => {}
            },
        }
        if leave {
            ctx.flush(s);
            self.screen = Screen::Start;
            self.refresh_overview();
        }
    }

    /// Saves whatever a text field holds; called on every way of leaving.
    pub fn flush_editors(&mut self) {
        let App { screen, store, status, lang, clock, user, .. } = self;
        if let Screen::Interview(s) = screen {
            let by = if s.interview.interviewer.is_empty() { user.clone() } else { s.interview.interviewer.clone() };
            Saver { store, status, clock: *clock, lang: *lang, by }.flush(s);
        }
    }

    fn save_dirty_note(&mut self) {
        if let Screen::Interview(s) = &self.screen
            && s.focus == Focus::Note
            && s.note_dirty
        {
            self.flush_editors();
        }
    }
}

fn edit(s: &mut InterviewState, key: KeyEvent) {
    match s.focus {
        Focus::Note => s.note_dirty |= s.note.input(key),
        Focus::AnswerText => {
            s.text_answer.input(key);
        }
        _ => {}
    }
}

fn start_editing_text(s: &mut InterviewState, status: &mut Status, t: &crate::i18n::tui::TuiTexts) {
    if s.read_only() {
        *status = Status::Info(t.read_only.into());
    } else if matches!(s.question().kind, QuestionKind::Text) {
        s.focus = Focus::AnswerText;
    }
}

fn open_reopen_prompt(s: &mut InterviewState, status: &mut Status, t: &crate::i18n::tui::TuiTexts) {
    if s.read_only() {
        s.prompt = Some((PromptKind::Reopen, Default::default()));
    } else {
        *status = Status::Info(t.review_complete_hint.into());
    }
}

fn jump(s: &mut InterviewState, text: &str, status: &mut Status, t: &crate::i18n::tui::TuiTexts) {
    let Some(n) = text.parse::<usize>().ok().filter(|n| *n >= 1 && *n <= s.q.len()) else {
        *status = Status::Info(t.no_such_question.into());
        return;
    };
    if s.visible_order().contains(&(n - 1)) {
        s.go_to(n - 1);
    } else {
        *status = Status::Info(t.hidden_question.into());
    }
}

fn click_interview(s: &mut InterviewState, ctx: &mut Saver<'_>, size: ratatui::layout::Rect, column: u16, row: u16) {
    let l = interview_layout(size, roomy(s), s.focus == Focus::Note);
    let hit = |r: ratatui::layout::Rect| column >= r.x && column < r.right() && row >= r.y && row < r.bottom();
    if let Some(sections) = l.sections.filter(|r| hit(*r)) {
        let index = row.saturating_sub(sections.y + 1) as usize;
        if let Some(i) = s.first_visible_in_section(index) {
            s.go_to(i);
            s.focus = Focus::Question;
        }
        return;
    }
    if let Some(note) = l.note.filter(|r| hit(*r)) {
        let _ = note;
        if !s.read_only() {
            s.focus = Focus::Note;
        }
        return;
    }
    if hit(l.main) {
        s.focus = Focus::Question;
        let inner = ratatui::widgets::Block::bordered().inner(l.main);
        let theme = super::theme::Theme { color: false };
        let (lines, targets, cursor_line) = content(s, inner.width, ctx.lang.tui(), &theme);
        let scroll = scroll_for(cursor_line, inner.height as usize, lines.len());
        let line = (row.saturating_sub(inner.y)) as usize + scroll;
        match targets.iter().find(|(l, _)| *l == line).map(|(_, t)| *t) {
            Some(Target::Option(i)) => {
                s.cursor = i;
                if let Some(v) = s.picked_value(i) {
                    ctx.set_value(s, v);
                }
            }
            Some(Target::DontKnow) => ctx.set_value(s, Some(AnswerValue::DontKnow)),
            Some(Target::NotApplicable) => ctx.set_value(s, Some(AnswerValue::NotApplicable)),
            None => {}
        }
    }
}
