//! The application state. `update` (in update.rs) is the only place it changes; drawing reads it.

use super::data::{Overview, overview};
use super::keymap::KeyContext;
use super::screens::compare::CompareState;
use super::screens::interview::{Focus, InterviewState, Mode};
use super::screens::interview_draw::InterviewView;
use super::screens::report::ReportState;
use super::screens::roadmap::RoadmapView;
use super::screens::setup::{self, SetupState};
use super::screens::start::{StartState, StartView};
use super::theme::Theme;
use super::widgets::{self, MIN_HEIGHT, MIN_WIDTH, Status};
use crate::i18n::Lang;
use crate::load::Source;
use crate::model::QuestionKind;
use crate::register;
use crate::store::{InterviewFilter, Store};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::collections::HashMap;
use std::time::Instant;

pub enum Screen {
    Start,
    Setup(Box<SetupState>),
    Interview(Box<InterviewState>),
    Compare(Box<CompareState>),
    /// The report, and the compare screen to return to (if it was opened from there).
    Report(Box<ReportState>, Option<Box<CompareState>>),
    /// A municipality's roadmap, and the compare screen to return to (if opened from there).
    Roadmap(Box<RoadmapView>, Option<Box<CompareState>>),
}

pub struct App {
    pub store: Store,
    pub lang: Lang,
    pub theme: Theme,
    /// Local wall-clock time as HH:MM:SS; injected so tests are deterministic.
    pub clock: fn() -> String,
    /// Default round for new interviews (the current year).
    pub year: String,
    /// Default interviewer name.
    pub user: String,
    /// The questionnaire new interviews are taken with.
    pub source: Source,
    pub overview: Overview,
    pub start: StartState,
    pub screen: Screen,
    pub help: bool,
    /// First line shown in the help overlay (it scrolls when the terminal is small).
    pub help_scroll: u16,
    pub status: Status,
    pub size: Rect,
    pub quit: bool,
    pub last_input: Instant,
    /// Where the roadmap screen writes PDFs: the user's documents folder, else the current one.
    pub export_dir: std::path::PathBuf,
}

pub fn local_clock() -> String {
    jiff::Zoned::now().strftime("%H:%M:%S").to_string()
}

pub fn current_year() -> String {
    jiff::Zoned::now().year().to_string()
}

impl App {
    pub fn new(store: Store, source: Source, lang: Lang, theme: Theme) -> crate::store::Result<App> {
        store.prime_snapshot(&source);
        let overview = overview(&store)?;
        Ok(App {
            store,
            lang,
            theme,
            clock: local_clock,
            year: current_year(),
            user: crate::cli::current_user(),
            source,
            overview,
            start: StartState::default(),
            screen: Screen::Start,
            help: false,
            help_scroll: 0,
            status: Status::None,
            size: Rect::new(0, 0, 80, 24),
            quit: false,
            last_input: Instant::now(),
            export_dir: directories::UserDirs::new()
                .and_then(|d| d.document_dir().map(std::path::Path::to_path_buf))
                .filter(|d| d.is_dir())
                .unwrap_or_else(|| std::path::PathBuf::from(".")),
        })
    }

    pub fn key_context(&self) -> KeyContext {
        if self.help {
            return KeyContext::HelpOverlay;
        }
        match &self.screen {
            Screen::Start => KeyContext::Start { searching: !self.start.search.is_empty() },
            Screen::Setup(_) => KeyContext::Setup,
            Screen::Compare(_) => KeyContext::Compare,
            Screen::Report(..) => KeyContext::Report,
            Screen::Roadmap(..) => KeyContext::Roadmap,
            Screen::Interview(s) => {
                if s.prompt.is_some() {
                    KeyContext::Prompt
                } else if s.mode == Mode::Review {
                    KeyContext::Review
                } else {
                    match s.focus {
                        Focus::Note | Focus::AnswerText => KeyContext::Editing,
                        Focus::Sections => KeyContext::Sections,
                        Focus::Question => KeyContext::Interview {
                            number: matches!(s.question().kind, QuestionKind::Number { .. }) && !s.read_only(),
                        },
                    }
                }
            }
        }
    }

    pub fn refresh_overview(&mut self) {
        match overview(&self.store) {
            Ok(o) => self.overview = o,
            Err(e) => self.status = Status::Error(crate::i18n::store_error(self.lang, &e)),
        }
    }

    /// Loads an interview with its answers and the municipality's previous round.
    pub fn load_interview(&self, id: &str) -> crate::store::Result<InterviewState> {
        let iv = self.store.interview(id)?;
        let q = self.store.snapshot(&iv.snapshot_hash)?;
        let answers = self.store.answers(id)?;
        let previous = self.previous_round(&iv)?;
        let name = register::by_code(&iv.municipality_code).map(|m| m.name.clone()).unwrap_or_default();
        let conflicts = self.store.open_conflicts(id)?;
        let mut state = InterviewState::new(iv, name, q, answers, previous);
        state.conflicts = conflicts;
        Ok(state)
    }

    /// "2018: Ja – vi har en" per question, from the latest earlier round of the municipality.
    fn previous_round(&self, iv: &crate::store::Interview) -> crate::store::Result<HashMap<String, String>> {
        let filter = InterviewFilter { municipality_code: Some(iv.municipality_code.clone()), round: None };
        let earlier =
            self.store.interviews(&filter)?.into_iter().filter(|x| x.round < iv.round).max_by(|a, b| {
                (a.round.as_str(), a.started_at.as_str()).cmp(&(b.round.as_str(), b.started_at.as_str()))
            });
        let Some(prev) = earlier else { return Ok(HashMap::new()) };
        let q = self.store.snapshot(&prev.snapshot_hash)?;
        let mut out = HashMap::new();
        for a in self.store.answers(&prev.id)? {
            if let (Some(v), Some(question)) = (a.value, q.question(&a.question_id)) {
                out.insert(a.question_id.clone(), format!("{}: {}", prev.round, v.describe(question)));
            }
        }
        Ok(out)
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.lang.tui();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            widgets::too_small(area, buf, t, &self.theme);
            return;
        }
        match &self.screen {
            Screen::Start | Screen::Setup(_) => {
                let view = StartView { state: &self.start, overview: &self.overview, t, theme: &self.theme };
                view.render(area, buf);
                let l = super::screens::start::layout(area, &self.overview);
                widgets::status_bar(l.status, buf, &self.status, "", &self.theme);
                if let Screen::Setup(s) = &self.screen {
                    setup::render(s, area, buf, t, &self.theme);
                }
            }
            Screen::Interview(s) => {
                InterviewView { state: s, status: &self.status, t, theme: &self.theme }.render(area, buf);
            }
            Screen::Compare(c) => c.render(area, buf, self.lang.analysis(), &self.theme),
            Screen::Report(r, _) => r.render(area, buf, self.lang.analysis(), &self.theme),
            Screen::Roadmap(r, _) => r.render(area, buf, self.lang.tui_roadmap(), &self.theme),
        }
        if self.help {
            widgets::help_overlay(area, buf, self.context_for_help(), self.help_scroll, t, &self.theme);
        }
    }
}

impl App {
    /// The overlay lists the keys of what is underneath it.
    fn context_for_help(&self) -> KeyContext {
        let mut probe = self.key_context();
        if probe == KeyContext::HelpOverlay {
            probe = match &self.screen {
                Screen::Start => KeyContext::Start { searching: false },
                Screen::Setup(_) => KeyContext::Setup,
                Screen::Compare(_) => KeyContext::Compare,
                Screen::Report(..) => KeyContext::Report,
                Screen::Roadmap(..) => KeyContext::Roadmap,
                Screen::Interview(s) if s.mode == Mode::Review => KeyContext::Review,
                Screen::Interview(s) => match s.focus {
                    Focus::Note | Focus::AnswerText => KeyContext::Editing,
                    Focus::Sections => KeyContext::Sections,
                    Focus::Question => KeyContext::Interview { number: false },
                },
            };
        }
        probe
    }
}
