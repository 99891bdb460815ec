//! The TUI: screens as TestBackend snapshots, and state transitions driven through the keymap
//! exactly as key presses would.

use super::support::shipped;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fardplan::i18n::Lang;
use fardplan::model::AnswerValue;
use fardplan::store::{InterviewStatus, Store};
use fardplan::tui::action::Action;
use fardplan::tui::app::Screen;
use fardplan::tui::screens::interview::{Focus, InterviewState};
use fardplan::tui::theme::Theme;
use fardplan::tui::widgets::Status;
use fardplan::tui::{App, keymap};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn fixed_clock() -> String {
    "12:00:00".into()
}

fn app_with(store: Store, lang: Lang) -> App {
    let mut app = App::new(store, shipped(), lang, Theme { color: false }).unwrap();
    app.clock = fixed_clock;
    app.year = "2026".into();
    app.user = "Testare".into();
    app
}

fn app() -> App {
    app_with(Store::open_in_memory().unwrap(), Lang::Sv)
}

fn press(app: &mut App, code: KeyCode) {
    press_mod(app, code, KeyModifiers::NONE);
}

fn press_mod(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    if let Some(action) = keymap::map(app.key_context(), KeyEvent::new(code, mods)) {
        app.update(action);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(&*app, f.area())).unwrap();
    terminal
}

/// Searches for a municipality and starts a new interview through the setup form.
fn start_interview(app: &mut App, search: &str) {
    type_text(app, search);
    press(app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Setup(_)), "setup form expected");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    type_text(app, "IT-chef");
    press(app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Interview(_)), "interview expected");
}

fn interview(app: &App) -> &InterviewState {
    match &app.screen {
        Screen::Interview(s) => s,
        _ => panic!("not on the interview screen"),
    }
}

fn stored(app: &App, qid: &str) -> Option<AnswerValue> {
    let id = interview(app).interview.id.clone();
    app.store.answer(&id, qid).unwrap().and_then(|a| a.value)
}

fn go_to_question(app: &mut App, qid: &str) {
    let n = shipped().questionnaire.position(qid).unwrap() + 1;
    press(app, KeyCode::Char('g'));
    type_text(app, &n.to_string());
    press(app, KeyCode::Enter);
    assert_eq!(interview(app).question_id(), qid);
}

#[test]
fn snapshot_start_screen() {
    let mut app = app();
    insta::assert_snapshot!("start_80x24", render(&mut app, 80, 24).backend());
    insta::assert_snapshot!("start_50x16", render(&mut app, 50, 16).backend());
    type_text(&mut app, "orebro");
    insta::assert_snapshot!("start_search_orebro", render(&mut app, 80, 24).backend());
}

#[test]
fn search_ignores_case_and_diacritics() {
    let mut app = app();
    type_text(&mut app, "malmo");
    let rows = app.start.filtered(&app.overview);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].name, "Malmö");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "ÖREBRO");
    assert!(app.start.filtered(&app.overview).iter().any(|r| r.name == "Örebro"));
    // County filter: → steps to Stockholms län (01).
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Right);
    assert_eq!(app.start.filtered(&app.overview).len(), 26);
}

#[test]
fn snapshot_setup_and_interview_screens() {
    let mut app = app();
    type_text(&mut app, "malmö");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("setup_80x24", render(&mut app, 80, 24).backend());
    insta::assert_snapshot!("setup_50x16", render(&mut app, 50, 16).backend());
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "IT-chef");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('3'));
    insta::assert_snapshot!("interview_80x24", render(&mut app, 80, 24).backend());
    insta::assert_snapshot!("interview_50x16", render(&mut app, 50, 16).backend());
    press(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!("interview_help_80x24", render(&mut app, 80, 24).backend());
    insta::assert_snapshot!("interview_help_50x16", render(&mut app, 50, 16).backend());
    // On a small screen the overlay scrolls instead of hiding keys.
    for _ in 0..20 {
        press(&mut app, KeyCode::Down);
    }
    assert!(app.help, "scrolling keeps the help open");
    insta::assert_snapshot!("interview_help_50x16_scrolled", render(&mut app, 50, 16).backend());
    press(&mut app, KeyCode::Char('x'));
    assert!(!app.help, "any key closes the help");
    insta::assert_snapshot!("too_small", render(&mut app, 30, 8).backend());
}

#[test]
fn snapshot_scale_question_shows_the_whole_rubric() {
    let mut app = app();
    start_interview(&mut app, "lund");
    go_to_question(&mut app, "trygghet_informationssakerhet");
    press(&mut app, KeyCode::Char('2'));
    insta::assert_snapshot!("scale_80x24", render(&mut app, 80, 24).backend());
    insta::assert_snapshot!("scale_50x16", render(&mut app, 50, 16).backend());
    assert_eq!(stored(&app, "trygghet_informationssakerhet"), Some(AnswerValue::Choice(vec!["2".into()])));
}

#[test]
fn answering_saves_before_saying_sparat_and_undo_restores() {
    let mut app = app();
    start_interview(&mut app, "malmö");
    assert_eq!(interview(&app).question_id(), "strategi_status");
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(stored(&app, "strategi_status"), Some(AnswerValue::Choice(vec!["nej".into()])));
    assert_eq!(app.status, Status::Saved("Sparat 12:00:00".into()));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(stored(&app, "strategi_status"), Some(AnswerValue::Choice(vec!["beslutad".into()])));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(stored(&app, "strategi_status"), Some(AnswerValue::Choice(vec!["nej".into()])));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(stored(&app, "strategi_status"), None);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.status, Status::Info("Inget att ångra".into()));
    // Vet ej is one key away and is stored as such.
    press(&mut app, KeyCode::Char('v'));
    assert_eq!(stored(&app, "strategi_status"), Some(AnswerValue::DontKnow));
    // Ej tillämpligt is refused where the questionnaire does not offer it.
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(stored(&app, "strategi_status"), Some(AnswerValue::DontKnow));
}

#[test]
fn multi_questions_toggle_with_space() {
    let mut app = app();
    start_interview(&mut app, "lund");
    go_to_question(&mut app, "skal_digitalisering");
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(
        stored(&app, "skal_digitalisering"),
        Some(AnswerValue::Choice(vec![
            "service_medborgare".into(),
            "attraktiv_arbetsgivare".into(),
            "effektivisera".into()
        ]))
    );
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(stored(&app, "skal_digitalisering"), None, "toggling every choice off clears the answer");
}

#[test]
fn show_if_hides_and_shows_questions_live() {
    let mut app = app();
    start_interview(&mut app, "lund");
    go_to_question(&mut app, "strategisk_funktion");
    press(&mut app, KeyCode::Char('2')); // nej
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(interview(&app).question_id(), "forvaltningsfunktion", "funktion_titel is skipped");
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Char('1')); // ja
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(interview(&app).question_id(), "funktion_titel");
}

#[test]
fn notes_numbers_and_text_answers_are_saved() {
    let mut app = app();
    start_interview(&mut app, "kiruna");
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Beslut i KF 2019");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "rad två");
    assert_eq!(interview(&app).focus, Focus::Note);
    press(&mut app, KeyCode::Esc);
    assert_eq!(interview(&app).focus, Focus::Question, "Esc leaves the note and saves it");
    let id = interview(&app).interview.id.clone();
    let a = app.store.answer(&id, "strategi_status").unwrap().unwrap();
    assert_eq!(a.note, "Beslut i KF 2019\nrad två");
    assert_eq!(a.value, None, "a note alone is not an answer");
    go_to_question(&mut app, "bredband_100mbit");
    type_text(&mut app, "97,5");
    press(&mut app, KeyCode::Enter);
    assert_eq!(stored(&app, "bredband_100mbit"), Some(AnswerValue::Number(97.5)));
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "975");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(&app.status, Status::Error(m) if m.contains("utanför 0–100")), "{:?}", app.status);
    assert_eq!(stored(&app, "bredband_100mbit"), Some(AnswerValue::Number(97.5)));
    go_to_question(&mut app, "utmaningar");
    press(&mut app, KeyCode::Char('t'));
    type_text(&mut app, "Kompetensförsörjning");
    press(&mut app, KeyCode::Tab);
    assert_eq!(stored(&app, "utmaningar"), Some(AnswerValue::Text("Kompetensförsörjning".into())));
}

#[test]
fn quitting_while_typing_a_note_keeps_it() {
    let mut app = app();
    start_interview(&mut app, "kiruna");
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "osparad text");
    press_mod(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(app.quit);
    let id = interview(&app).interview.id.clone();
    assert_eq!(app.store.answer(&id, "strategi_status").unwrap().unwrap().note, "osparad text");
}

#[test]
fn a_failed_write_is_shown_kept_and_retried() {
    let mut app = app();
    start_interview(&mut app, "malmö");
    app.store.conn().execute_batch("PRAGMA query_only = ON").unwrap();
    press(&mut app, KeyCode::Char('2'));
    assert!(matches!(&app.status, Status::Error(msg) if msg.starts_with("KUNDE INTE SPARA")), "{:?}", app.status);
    assert_eq!(stored(&app, "strategi_status"), None);
    assert!(interview(&app).is_pending("strategi_status"));
    insta::assert_snapshot!("interview_unsaved", render(&mut app, 80, 24).backend());
    app.store.conn().execute_batch("PRAGMA query_only = OFF").unwrap();
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(stored(&app, "strategi_status"), Some(AnswerValue::Choice(vec!["ja".into()])));
    assert_eq!(app.status, Status::Saved("Sparat 12:00:00".into()));
    assert!(!interview(&app).is_pending("strategi_status"));
}

#[test]
fn review_completes_and_reopening_needs_a_reason() {
    let mut app = app();
    start_interview(&mut app, "lund");
    press(&mut app, KeyCode::Char('r'));
    insta::assert_snapshot!("review_80x24", render(&mut app, 80, 24).backend());
    insta::assert_snapshot!("review_50x16", render(&mut app, 50, 16).backend());
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(interview(&app).interview.status, InterviewStatus::InProgress, "required questions missing");
    // Jump to each missing required question from the list and answer it.
    while !interview(&app).missing_required().is_empty() {
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Char('1'));
        press(&mut app, KeyCode::Char('r'));
    }
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(interview(&app).interview.status, InterviewStatus::Completed);
    press(&mut app, KeyCode::Esc);
    // Read-only: answers are refused.
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(stored(&app, "strategi_status"), Some(AnswerValue::Choice(vec!["nej".into()])));
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(interview(&app).interview.status, InterviewStatus::Completed, "an empty reason is refused");
    type_text(&mut app, "Kommunen kompletterar");
    press(&mut app, KeyCode::Enter);
    assert_eq!(interview(&app).interview.status, InterviewStatus::InProgress);
    let id = interview(&app).interview.id.clone();
    let history = app.store.history(&id).unwrap();
    assert_eq!(history.last().and_then(|h| h.reason.clone()).as_deref(), Some("Kommunen kompletterar"));
}

#[test]
fn resume_lands_on_the_first_unanswered_question_and_shows_the_previous_round() {
    let store = Store::open_in_memory().unwrap();
    let old = super::support::new_interview(&store, "1281", "2018");
    store.set_answer(&old.id, "strategi_status", Some(&AnswerValue::Choice(vec!["ja".into()])), "", "x").unwrap();
    store.complete(&old.id, "x").unwrap();
    let iv = super::support::new_interview(&store, "1281", "2026");
    for q in ["strategi_status", "strategisk_funktion"] {
        store.set_answer(&iv.id, q, Some(&AnswerValue::Choice(vec!["nej".into()])), "", "x").unwrap();
    }
    let mut app = app_with(store, Lang::Sv);
    assert_eq!(app.overview.resume.len(), 1);
    insta::assert_snapshot!("start_with_resume", render(&mut app, 80, 24).backend());
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert_eq!(interview(&app).question_id(), "forvaltningsfunktion");
    press(&mut app, KeyCode::Char('h'));
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(interview(&app).question_id(), "strategi_status");
    assert_eq!(interview(&app).previous.get("strategi_status").map(String::as_str), Some("2018: Ja – vi har en"));
}

#[test]
fn english_on_request() {
    let mut app = app_with(Store::open_in_memory().unwrap(), Lang::En);
    insta::assert_snapshot!("start_english", render(&mut app, 80, 24).backend());
}

#[test]
fn mouse_clicks_pick_options() {
    let mut app = app();
    start_interview(&mut app, "malmö");
    let term = render(&mut app, 80, 24);
    // Find the row on screen that shows option 2 and click it.
    let buf = term.backend().buffer().clone();
    let row = (0..24)
        .find(|y| {
            let line: String = (0..80).map(|x| buf[(x, *y)].symbol().to_string()).collect();
            line.contains("2 Ja – vi har en")
        })
        .unwrap();
    app.update(Action::Click { column: 40, row });
    assert_eq!(stored(&app, "strategi_status"), Some(AnswerValue::Choice(vec!["ja".into()])));
}

#[test]
fn compare_and_report_screens_from_the_start_screen() {
    let store = Store::open_in_memory().unwrap();
    fardplan::demo::fill(&store, &shipped(), &fardplan::demo::skane_demo()).unwrap();
    let mut app = app_with(store, Lang::Sv);
    press(&mut app, KeyCode::F(3));
    let Screen::Compare(c) = &app.screen else { panic!("F3 opens the compare screen") };
    assert_eq!(c.round, "2022");
    assert_eq!(c.visible().len(), 33);
    let first = c.selected_row().unwrap().municipality.clone();
    press(&mut app, KeyCode::Char('s'));
    let Screen::Compare(c) = &app.screen else { panic!() };
    assert_eq!(c.selected_row().unwrap().municipality, first, "sorting keeps the selected municipality");
    let before = c.selected;
    press(&mut app, KeyCode::Down);
    let Screen::Compare(c) = &app.screen else { panic!() };
    assert_eq!(c.selected, before + 1);
    insta::assert_snapshot!("compare_wired_80x24", render(&mut app, 80, 24).backend());
    press(&mut app, KeyCode::Char('r'));
    let Screen::Report(r, back) = &app.screen else { panic!("r opens the county report") };
    assert_eq!(r.scope, "Skåne län");
    assert_eq!(r.report.denominator, 33);
    assert!(back.is_some());
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Compare(_)), "Esc returns to the compare screen");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Start));
    // F4 from the start screen: the report for the selected municipality's county.
    press(&mut app, KeyCode::Right);
    for _ in 0..9 {
        press(&mut app, KeyCode::Right);
    }
    assert_eq!(app.start.county_code().as_deref(), Some("12"));
    press(&mut app, KeyCode::F(4));
    assert!(matches!(&app.screen, Screen::Report(r, None) if r.scope == "Skåne län"));
}

#[test]
fn a_pdf_that_cannot_be_written_is_said_plainly() {
    let store = Store::open_in_memory().unwrap();
    fardplan::demo::fill(&store, &shipped(), &fardplan::demo::skane_demo()).unwrap();
    let mut app = app_with(store, Lang::Sv);
    let dir = tempfile::tempdir().unwrap();
    app.export_dir = dir.path().join("saknas");
    press(&mut app, KeyCode::F(3));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('x'));
    let Screen::Roadmap(r, _) = &app.screen else { panic!("{:?}", app.status) };
    let status = r.status.clone().unwrap_or_default();
    assert!(status.starts_with("Kan inte skriva ") && status.contains("mappen finns inte"), "{status}");
    assert!(!dir.path().join("saknas").exists());
}

#[test]
fn compare_on_an_empty_database_says_so() {
    let mut app = app();
    press(&mut app, KeyCode::F(3));
    assert!(matches!(app.screen, Screen::Start));
    assert_eq!(app.status, Status::Info("Inga intervjuer att jämföra ännu".into()));
}

#[test]
fn roadmap_screen_from_compare_and_start_exports_a_pdf() {
    let store = Store::open_in_memory().unwrap();
    fardplan::demo::fill(&store, &shipped(), &fardplan::demo::skane_demo()).unwrap();
    let mut app = app_with(store, Lang::Sv);
    let dir = tempfile::tempdir().unwrap();
    app.export_dir = dir.path().to_path_buf();
    press(&mut app, KeyCode::F(3));
    press(&mut app, KeyCode::Enter);
    let Screen::Roadmap(r, back) = &app.screen else { panic!("Enter on compare opens the roadmap: {:?}", app.status) };
    assert!(back.is_some());
    assert!(!r.roadmap.entries.is_empty(), "a demo municipality gets directions");
    insta::assert_snapshot!("roadmap_wired_80x24", render(&mut app, 80, 24).backend());
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::Char('x'));
    let Screen::Roadmap(r, _) = &app.screen else { panic!() };
    let status = r.status.clone().unwrap_or_default();
    assert!(status.starts_with("PDF sparad: "), "{status}");
    let written: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(std::fs::read(&written[0]).unwrap().starts_with(b"%PDF"));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Compare(_)));
    press(&mut app, KeyCode::Esc);
    // F5 on the start screen: a municipality without interviews says so plainly.
    press(&mut app, KeyCode::F(5));
    assert!(matches!(app.screen, Screen::Start));
    assert_eq!(app.status, Status::Info("Kommunen har ingen intervju att göra en färdplan av".into()));
    type_text(&mut app, "malmö");
    press(&mut app, KeyCode::F(5));
    assert!(matches!(app.screen, Screen::Roadmap(_, None)));
}

#[test]
fn a_merge_conflict_shows_both_sides_and_is_resolved_in_the_interview() {
    let dir = tempfile::tempdir().unwrap();
    let (a_path, b_path) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let id = {
        let a = Store::open(&a_path).unwrap();
        let iv = super::support::new_interview(&a, "1280", "2026");
        iv.id
    };
    std::fs::copy(&a_path, &b_path).unwrap();
    let choice = |id: &str| AnswerValue::Choice(vec![id.into()]);
    Store::open(&a_path).unwrap().set_answer(&id, "strategi_status", Some(&choice("ja")), "", "anna").unwrap();
    Store::open(&b_path).unwrap().set_answer(&id, "strategi_status", Some(&choice("nej")), "", "bo").unwrap();
    let ours = Store::open(&a_path).unwrap();
    let theirs = Store::open_read_only(&b_path).unwrap();
    let plan = fardplan::merge::merge(&ours, &theirs, "b.db", "anna", false).unwrap();
    assert_eq!(plan.counts().conflicts, 1);
    let mut app = app_with(ours, Lang::Sv);
    type_text(&mut app, "malmö");
    press(&mut app, KeyCode::Enter);
    go_to_question(&mut app, "strategi_status");
    let screen = format!("{}", render(&mut app, 80, 24).backend());
    assert!(screen.contains("KONFLIKT"), "{screen}");
    assert!(screen.contains("b behåll detta · d ta det andra"), "{screen}");
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(stored(&app, "strategi_status"), Some(choice("nej")));
    assert!(interview(&app).conflicts.is_empty());
    assert!(app.store.open_conflicts(&id).unwrap().is_empty());
    assert_eq!(app.status, Status::Saved("Konflikten är löst".into()));
}
