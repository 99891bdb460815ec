//! All keys, in one place: for each context, which key means which `Action`, and the help text
//! the `?` overlay lists. The same tables drive both, so the help can never drift from the keys.

use super::action::Action;
use crate::i18n::tui::Help;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What has the keyboard right now; decided by `App::key_context`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
    HelpOverlay,
    /// `searching`: the search field holds text, so `q` types instead of quitting.
    Start {
        searching: bool,
    },
    Setup,
    Interview {
        number: bool,
    },
    Sections,
    /// A text field has focus: typing goes into it.
    Editing,
    Prompt,
    Review,
    Compare,
    Report,
    Roadmap,
}

pub struct Binding {
    pub label: &'static str,
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub action: Action,
    pub help: Help,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

macro_rules! b {
    ($label:expr, [$($k:expr),+], $action:expr, $help:expr) => {
        Binding { label: $label, keys: &[$($k),+], action: $action, help: $help }
    };
}

const GLOBAL: &[Binding] = &[
    b!("Ctrl-C", [(KeyCode::Char('c'), CTRL)], Action::Quit, Help::QuitAnywhere),
    b!(
        "?",
        [(KeyCode::Char('?'), NONE), (KeyCode::Char('?'), SHIFT), (KeyCode::F(1), NONE)],
        Action::ToggleHelp,
        Help::Help
    ),
];

const START: &[Binding] = &[
    b!("↑ ↓", [(KeyCode::Up, NONE), (KeyCode::Down, NONE)], Action::Up, Help::MoveSelection),
    b!("PgUp PgDn", [(KeyCode::PageUp, NONE), (KeyCode::PageDown, NONE)], Action::PageUp, Help::Page),
    b!("← →", [(KeyCode::Left, NONE), (KeyCode::Right, NONE)], Action::Left, Help::CountyFilter),
    b!("Tab", [(KeyCode::Tab, NONE), (KeyCode::BackTab, SHIFT)], Action::FocusNext, Help::SwitchPane),
    b!("Enter", [(KeyCode::Enter, NONE)], Action::Confirm, Help::OpenInterview),
    b!("F2 Ctrl-N", [(KeyCode::F(2), NONE), (KeyCode::Char('n'), CTRL)], Action::NewInterview, Help::NewInterview),
    b!("F3", [(KeyCode::F(3), NONE)], Action::OpenCompare, Help::OpenCompare),
    b!("F4", [(KeyCode::F(4), NONE)], Action::OpenReport, Help::OpenReport),
    b!("F5", [(KeyCode::F(5), NONE)], Action::OpenRoadmap, Help::OpenRoadmap),
    b!("Esc", [(KeyCode::Esc, NONE)], Action::Back, Help::ClearSearch),
    b!("q", [(KeyCode::Char('q'), NONE)], Action::Quit, Help::Quit),
];

const SETUP: &[Binding] = &[
    b!("Tab S-Tab", [(KeyCode::Tab, NONE), (KeyCode::BackTab, SHIFT)], Action::FocusNext, Help::NextField),
    b!("↑ ↓", [(KeyCode::Up, NONE), (KeyCode::Down, NONE)], Action::Up, Help::PrevField),
    b!("Enter", [(KeyCode::Enter, NONE)], Action::Confirm, Help::StartInterview),
    b!("Esc", [(KeyCode::Esc, NONE)], Action::Back, Help::Cancel),
];

const INTERVIEW: &[Binding] = &[
    b!(
        "↑ ↓ k j",
        [(KeyCode::Up, NONE), (KeyCode::Down, NONE), (KeyCode::Char('k'), NONE), (KeyCode::Char('j'), NONE)],
        Action::Up,
        Help::MoveOption
    ),
    b!("Enter Space", [(KeyCode::Enter, NONE), (KeyCode::Char(' '), NONE)], Action::Toggle, Help::PickOption),
    b!("1–9", [(KeyCode::Null, NONE)], Action::Pick(1), Help::PickNumber),
    b!("v", [(KeyCode::Char('v'), NONE)], Action::DontKnow, Help::DontKnow),
    b!("e", [(KeyCode::Char('e'), NONE)], Action::NotApplicable, Help::NotApplicable),
    b!(
        "→ l n PgDn",
        [(KeyCode::Right, NONE), (KeyCode::Char('l'), NONE), (KeyCode::Char('n'), NONE), (KeyCode::PageDown, NONE)],
        Action::NextQuestion,
        Help::NextQuestion
    ),
    b!(
        "← h p PgUp",
        [(KeyCode::Left, NONE), (KeyCode::Char('h'), NONE), (KeyCode::Char('p'), NONE), (KeyCode::PageUp, NONE)],
        Action::PrevQuestion,
        Help::PrevQuestion
    ),
    b!("g", [(KeyCode::Char('g'), NONE)], Action::JumpPrompt, Help::Jump),
    b!("u", [(KeyCode::Char('u'), NONE)], Action::Undo, Help::Undo),
    b!("a", [(KeyCode::Char('a'), NONE)], Action::EditNote, Help::EditNote),
    b!("t", [(KeyCode::Char('t'), NONE)], Action::EditAnswer, Help::EditAnswer),
    b!("s", [(KeyCode::Char('s'), NONE)], Action::Retry, Help::Retry),
    b!("r", [(KeyCode::Char('r'), NONE)], Action::Review, Help::Review),
    b!("o", [(KeyCode::Char('o'), NONE)], Action::Reopen, Help::Reopen),
    b!("b", [(KeyCode::Char('b'), NONE)], Action::KeepOurs, Help::KeepOurs),
    b!("d", [(KeyCode::Char('d'), NONE)], Action::TakeTheirs, Help::TakeTheirs),
    b!("Tab", [(KeyCode::Tab, NONE), (KeyCode::BackTab, SHIFT)], Action::FocusNext, Help::SwitchPane),
    b!("Esc", [(KeyCode::Esc, NONE)], Action::Back, Help::BackToStart),
];

const SECTIONS: &[Binding] = &[
    b!(
        "↑ ↓ k j",
        [(KeyCode::Up, NONE), (KeyCode::Down, NONE), (KeyCode::Char('k'), NONE), (KeyCode::Char('j'), NONE)],
        Action::Up,
        Help::MoveSection
    ),
    b!(
        "Enter",
        [(KeyCode::Enter, NONE), (KeyCode::Char('l'), NONE), (KeyCode::Right, NONE)],
        Action::Confirm,
        Help::OpenSection
    ),
    b!("Tab", [(KeyCode::Tab, NONE), (KeyCode::BackTab, SHIFT)], Action::FocusNext, Help::SwitchPane),
    b!("Esc", [(KeyCode::Esc, NONE)], Action::Back, Help::BackToStart),
];

const EDITING: &[Binding] = &[
    b!("Tab Esc", [(KeyCode::Tab, NONE), (KeyCode::Esc, NONE)], Action::Back, Help::SaveField),
    b!("Enter", [(KeyCode::Null, NONE)], Action::Confirm, Help::EnterInField),
];

const PROMPT: &[Binding] = &[
    b!("Enter", [(KeyCode::Enter, NONE)], Action::Confirm, Help::ConfirmPrompt),
    b!("Esc", [(KeyCode::Esc, NONE)], Action::Back, Help::Cancel),
];

const REVIEW: &[Binding] = &[
    b!(
        "↑ ↓ k j",
        [(KeyCode::Up, NONE), (KeyCode::Down, NONE), (KeyCode::Char('k'), NONE), (KeyCode::Char('j'), NONE)],
        Action::Up,
        Help::MoveSelection
    ),
    b!("Enter", [(KeyCode::Enter, NONE)], Action::Confirm, Help::JumpToQuestion),
    b!("c", [(KeyCode::Char('c'), NONE)], Action::Complete, Help::Complete),
    b!("o", [(KeyCode::Char('o'), NONE)], Action::Reopen, Help::Reopen),
    b!("Esc", [(KeyCode::Esc, NONE)], Action::Back, Help::BackToInterview),
];

const COMPARE: &[Binding] = &[
    b!(
        "↑ ↓ k j",
        [(KeyCode::Up, NONE), (KeyCode::Down, NONE), (KeyCode::Char('k'), NONE), (KeyCode::Char('j'), NONE)],
        Action::Up,
        Help::MoveSelection
    ),
    b!("PgUp PgDn", [(KeyCode::PageUp, NONE), (KeyCode::PageDown, NONE)], Action::PageUp, Help::Page),
    b!("s →", [(KeyCode::Char('s'), NONE), (KeyCode::Right, NONE)], Action::SortNext, Help::SortColumn),
    b!("S ←", [(KeyCode::Char('S'), SHIFT), (KeyCode::Left, NONE)], Action::SortPrev, Help::SortColumnBack),
    b!("f Tab", [(KeyCode::Char('f'), NONE), (KeyCode::Tab, NONE)], Action::FilterNext, Help::FilterNext),
    b!("F S-Tab", [(KeyCode::Char('F'), SHIFT), (KeyCode::BackTab, SHIFT)], Action::FilterPrev, Help::FilterPrev),
    b!("r F4", [(KeyCode::Char('r'), NONE), (KeyCode::F(4), NONE)], Action::OpenReport, Help::ReportForCounty),
    b!("Enter F5", [(KeyCode::Enter, NONE), (KeyCode::F(5), NONE)], Action::OpenRoadmap, Help::OpenRoadmap),
    b!("Esc", [(KeyCode::Esc, NONE)], Action::Back, Help::BackToStart),
];

const REPORT: &[Binding] = &[
    b!(
        "↑ ↓ k j",
        [(KeyCode::Up, NONE), (KeyCode::Down, NONE), (KeyCode::Char('k'), NONE), (KeyCode::Char('j'), NONE)],
        Action::Up,
        Help::Scroll
    ),
    b!("PgUp PgDn", [(KeyCode::PageUp, NONE), (KeyCode::PageDown, NONE)], Action::PageUp, Help::Page),
    b!("Esc", [(KeyCode::Esc, NONE)], Action::Back, Help::Back),
];

const ROADMAP: &[Binding] = &[
    b!(
        "↑ ↓ k j",
        [(KeyCode::Up, NONE), (KeyCode::Down, NONE), (KeyCode::Char('k'), NONE), (KeyCode::Char('j'), NONE)],
        Action::Up,
        Help::Scroll
    ),
    b!("PgUp PgDn", [(KeyCode::PageUp, NONE), (KeyCode::PageDown, NONE)], Action::PageUp, Help::Page),
    b!("x F6", [(KeyCode::Char('x'), NONE), (KeyCode::F(6), NONE)], Action::ExportPdf, Help::ExportPdf),
    b!("Esc", [(KeyCode::Esc, NONE)], Action::Back, Help::Back),
];

pub fn bindings(ctx: KeyContext) -> &'static [Binding] {
    match ctx {
        KeyContext::HelpOverlay => &[],
        KeyContext::Start { .. } => START,
        KeyContext::Setup => SETUP,
        KeyContext::Interview { .. } => INTERVIEW,
        KeyContext::Sections => SECTIONS,
        KeyContext::Editing => EDITING,
        KeyContext::Prompt => PROMPT,
        KeyContext::Review => REVIEW,
        KeyContext::Compare => COMPARE,
        KeyContext::Report => REPORT,
        KeyContext::Roadmap => ROADMAP,
    }
}

/// The help overlay's lines for a context: the context's own keys, then the global ones.
pub fn help(ctx: KeyContext) -> Vec<(&'static str, Help)> {
    bindings(ctx).iter().chain(GLOBAL).map(|b| (b.label, b.help)).collect()
}

fn find(table: &[Binding], key: &KeyEvent) -> Option<Action> {
    // Shift arrives with upper-case letters and symbols on some terminals; compare without it
    // for characters so "?" works everywhere.
    let mods = match key.code {
        KeyCode::Char(_) | KeyCode::BackTab => key.modifiers - KeyModifiers::SHIFT,
        _ => key.modifiers,
    };
    for b in table {
        for (i, (code, m)) in b.keys.iter().enumerate() {
            let m = if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) { *m - KeyModifiers::SHIFT } else { *m };
            if *code == key.code && m == mods {
                return Some(directional(b.action.clone(), i));
            }
        }
    }
    None
}

/// Bindings list "up" and "down" style pairs under one entry; the key's position picks the
/// direction (odd positions are the second of a pair).
fn directional(action: Action, index: usize) -> Action {
    match (action, index % 2) {
        (Action::Up, 1) => Action::Down,
        (Action::PageUp, 1) => Action::PageDown,
        (Action::Left, 1) => Action::Right,
        (Action::FocusNext, 1) => Action::FocusPrev,
        (a, _) => a,
    }
}

/// Maps a key press to an action in the given context.
pub fn map(ctx: KeyContext, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        return Some(Action::Quit);
    }
    let plain_char = match key.code {
        KeyCode::Char(c) if !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => Some(c),
        _ => None,
    };
    match ctx {
        // The overlay scrolls on a small screen; any other key closes it.
        KeyContext::HelpOverlay => Some(match key.code {
            KeyCode::Up | KeyCode::Char('k') | KeyCode::PageUp => Action::ScrollUp,
            KeyCode::Down | KeyCode::Char('j') | KeyCode::PageDown => Action::ScrollDown,
            _ => Action::ToggleHelp,
        }),
        KeyContext::Editing | KeyContext::Prompt | KeyContext::Setup => {
            if let Some(a) = find(bindings(ctx), &key) {
                return Some(a);
            }
            Some(Action::Input(key))
        }
        KeyContext::Start { searching } => {
            if let Some(c) = plain_char
                && c != '?'
                && (c != 'q' || searching)
            {
                return Some(Action::Search(c));
            }
            if key.code == KeyCode::Backspace {
                return Some(Action::SearchBackspace);
            }
            find(START, &key).or_else(|| find(GLOBAL, &key))
        }
        KeyContext::Interview { number } => {
            if let Some(c) = plain_char {
                if number && (c.is_ascii_digit() || c == ',' || c == '.' || c == '-') {
                    return Some(Action::Input(key));
                }
                if let Some(d) = c.to_digit(10) {
                    return Some(Action::Pick(d as u8));
                }
            }
            if number && key.code == KeyCode::Backspace {
                return Some(Action::Input(key));
            }
            if number && key.code == KeyCode::Enter {
                return Some(Action::Confirm);
            }
            find(INTERVIEW, &key).or_else(|| find(GLOBAL, &key))
        }
        _ => find(bindings(ctx), &key).or_else(|| find(GLOBAL, &key)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn start_screen_types_into_search_but_q_quits() {
        let idle = KeyContext::Start { searching: false };
        assert_eq!(map(idle, key(KeyCode::Char('m'))), Some(Action::Search('m')));
        assert_eq!(map(idle, key(KeyCode::Char('ö'))), Some(Action::Search('ö')));
        assert_eq!(map(idle, key(KeyCode::Char('q'))), Some(Action::Quit));
        assert_eq!(map(KeyContext::Start { searching: true }, key(KeyCode::Char('q'))), Some(Action::Search('q')));
        assert_eq!(map(idle, key(KeyCode::Char('?'))), Some(Action::ToggleHelp));
        assert_eq!(map(idle, key(KeyCode::Down)), Some(Action::Down));
        assert_eq!(map(idle, key(KeyCode::Right)), Some(Action::Right));
    }

    #[test]
    fn interview_keys() {
        let ctx = KeyContext::Interview { number: false };
        assert_eq!(map(ctx, key(KeyCode::Char('3'))), Some(Action::Pick(3)));
        assert_eq!(map(ctx, key(KeyCode::Char('j'))), Some(Action::Down));
        assert_eq!(map(ctx, key(KeyCode::Char('k'))), Some(Action::Up));
        assert_eq!(map(ctx, key(KeyCode::Char('v'))), Some(Action::DontKnow));
        assert_eq!(map(ctx, key(KeyCode::Char('e'))), Some(Action::NotApplicable));
        assert_eq!(map(ctx, key(KeyCode::Char('l'))), Some(Action::NextQuestion));
        assert_eq!(map(ctx, key(KeyCode::Left)), Some(Action::PrevQuestion));
        assert_eq!(map(ctx, key(KeyCode::Char('u'))), Some(Action::Undo));
        assert_eq!(map(ctx, key(KeyCode::BackTab)), Some(Action::FocusPrev));
        assert_eq!(map(ctx, KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Action::Quit));
        // A number question takes digits as input instead of picks.
        let num = KeyContext::Interview { number: true };
        assert!(matches!(map(num, key(KeyCode::Char('9'))), Some(Action::Input(_))));
        assert_eq!(map(num, key(KeyCode::Enter)), Some(Action::Confirm));
    }

    #[test]
    fn editing_sends_letters_to_the_field() {
        assert!(matches!(map(KeyContext::Editing, key(KeyCode::Char('q'))), Some(Action::Input(_))));
        assert!(matches!(map(KeyContext::Editing, key(KeyCode::Enter)), Some(Action::Input(_))));
        assert_eq!(map(KeyContext::Editing, key(KeyCode::Esc)), Some(Action::Back));
        assert_eq!(map(KeyContext::Editing, key(KeyCode::Tab)), Some(Action::Back));
    }

    #[test]
    fn every_context_lists_help() {
        for ctx in [
            KeyContext::Start { searching: false },
            KeyContext::Setup,
            KeyContext::Interview { number: false },
            KeyContext::Review,
        ] {
            let h = help(ctx);
            assert!(h.iter().any(|(_, help)| *help == Help::Help), "{ctx:?}");
        }
    }
}
