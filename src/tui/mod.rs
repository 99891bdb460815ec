//! The interactive interface (ratatui + crossterm).
//!
//! Data flows one way: `data` collects from the store, `App` holds state, `keymap` turns keys
//! into `Action`s, `App::update` changes state (and saves), and `impl Widget for &App` draws.

pub mod action;
pub mod app;
pub mod data;
pub mod keymap;
mod save;
pub mod screens;
pub mod terminal;
pub mod theme;
mod update;
mod update_analysis;
pub mod widgets;

pub use app::App;

use action::Action;
use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the loop wakes without input: for idle note saves and signal checks.
const TICK: Duration = Duration::from_millis(250);

/// Runs the TUI until the user quits or a SIGTERM/SIGHUP arrives; the terminal is restored on
/// every exit path, including panics (see `terminal`).
pub fn run(mut app: App) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(signal, stop.clone())?;
    }
    // If the terminal hangs up, crossterm's poll can spin inside itself and never return to
    // the loop that watches `stop`. Every answer the screen called saved is already committed,
    // so after a grace period a watcher restores what it can and ends the process.
    let watcher_stop = stop.clone();
    std::thread::spawn(move || {
        while !watcher_stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(Duration::from_secs(2));
        terminal::restore();
        std::process::exit(0);
    });
    let mut term = terminal::init()?;
    let result = event_loop(&mut term, &mut app, &stop);
    // Whatever happened, keep what was typed into a field and give the terminal back.
    app.flush_editors();
    terminal::restore();
    result
}

fn event_loop(term: &mut terminal::Term, app: &mut App, stop: &AtomicBool) -> anyhow::Result<()> {
    let size = term.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut idle_spins = 0u32;
    while !app.quit {
        term.draw(|f| f.render_widget(&*app, f.area()))?;
        if stop.load(Ordering::Relaxed) {
            app.update(Action::Quit);
            break;
        }
        let waited = std::time::Instant::now();
        if !event::poll(TICK)? {
            // A poll that returns at once with nothing to read means the terminal is gone
            // (hung up); quit cleanly instead of spinning.
            idle_spins = if waited.elapsed() < TICK / 10 { idle_spins + 1 } else { 0 };
            if idle_spins > 100 {
                app.update(Action::Quit);
                break;
            }
            app.update(Action::Tick);
            continue;
        }
        idle_spins = 0;
        if let Some(action) = to_action(app, event::read()?) {
            app.update(action);
        }
    }
    Ok(())
}

fn to_action(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(key) => keymap::map(app.key_context(), key),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column: m.column, row: m.row }),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            _ => None,
        },
        Event::Paste(text) if matches!(app.key_context(), keymap::KeyContext::Start { .. }) => {
            // A pasted search term: only its first character is an action; the rest follows.
            text.chars().next().map(Action::Search)
        }
        _ => None,
    }
}
