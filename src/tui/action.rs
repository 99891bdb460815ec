//! Every user intent, independent of which key produced it. `keymap` turns keys into actions;
//! `App::update` is the only place that changes state in response.

use crossterm::event::KeyEvent;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Periodic: flushes an idle note edit.
    Tick,
    Resize(u16, u16),
    ToggleHelp,
    Back,
    FocusNext,
    FocusPrev,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Confirm,
    /// Start screen: a character typed into the search field.
    Search(char),
    SearchBackspace,
    NewInterview,
    /// Start screen: the compare screen (all municipalities × five sub-goals).
    OpenCompare,
    /// The Skåne-style report for a county.
    OpenReport,
    /// The selected municipality's roadmap (entries, evidence, timeline).
    OpenRoadmap,
    /// Roadmap screen: write the PDF.
    ExportPdf,
    /// Interview: resolve a merge conflict by keeping this database's answer.
    KeepOurs,
    /// Interview: resolve a merge conflict by taking the other database's answer.
    TakeTheirs,
    /// Compare screen: next/previous sort column.
    SortNext,
    SortPrev,
    /// Compare screen: next/previous county or SKR group filter.
    FilterNext,
    FilterPrev,
    /// Interview: number key n picks option n (for a scale: level n).
    Pick(u8),
    Toggle,
    DontKnow,
    NotApplicable,
    NextQuestion,
    PrevQuestion,
    JumpPrompt,
    Undo,
    EditNote,
    EditAnswer,
    Review,
    Retry,
    Complete,
    Reopen,
    /// A key for the focused text field (note, text answer, number, prompt, form field).
    Input(KeyEvent),
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp,
    ScrollDown,
}
