//! TUI figures on the national dataset (290 municipalities × 3 rounds, every question answered):
//! cold start to first frame, interview-screen render time, key → committed answer → frame,
//! and peak memory.
//!
//! Run: `cargo bench --bench tui`. The dataset is generated first; the measurements then run in
//! a fresh child process (this binary re-invoked with `--measure DB`) so the generator's memory
//! does not count toward the peak RSS.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fardplan::i18n::Lang;
use fardplan::load::embedded_questionnaire;
use fardplan::store::{InterviewFilter, InterviewStatus, Store};
use fardplan::tui::action::Action;
use fardplan::tui::theme::Theme;
use fardplan::tui::{App, keymap};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

fn stats(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let at = |p: f64| v[((v.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1e3;
    (at(0.5), at(0.99))
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--measure") {
        return measure(std::path::Path::new(&args[i + 1]));
    }
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("national.db");
    let t = Instant::now();
    {
        let store = Store::open(&db)?;
        let src = embedded_questionnaire().map_err(|e| anyhow::anyhow!("{e}"))?;
        let filled = fardplan::demo::fill(&store, &src, &fardplan::demo::national())?;
        println!(
            "dataset: {} interviews, {} answers, generated in {:.1} s",
            filled.interviews,
            filled.answers,
            t.elapsed().as_secs_f64()
        );
    }
    let status = std::process::Command::new(std::env::current_exe()?).arg("--measure").arg(&db).status()?;
    anyhow::ensure!(status.success(), "measurement process failed");
    process_cold_start(&db)?;
    Ok(())
}

/// Cold start as the user meets it: the release binary started in a pseudo-terminal (80×24,
/// via util-linux `script`) until the start screen's municipality list has its bottom border on
/// the terminal. Each run then quits with `q` and is waited for, so no instance lingers and
/// competes for the CPU. The same harness running `true` to its end is printed beside it as the
/// cost of `script` and `stty` themselves.
fn process_cold_start(db: &std::path::Path) -> anyhow::Result<()> {
    use std::io::{Read, Write};
    use std::process::{Command, Stdio};
    if Command::new("script").arg("--version").output().is_err() {
        println!("cold start as a process: skipped (util-linux `script` not found)");
        return Ok(());
    }
    let bin = env!("CARGO_BIN_EXE_fardplan");
    let start = |program: &str, frame_done: fn(&str) -> bool| -> anyhow::Result<Duration> {
        let inner = format!("stty cols 80 rows 24; exec {program}");
        let t = Instant::now();
        let mut child = Command::new("script")
            .args(["-qfec", &inner, "/dev/null"])
            .env("TERM", "xterm-256color")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let mut out = child.stdout.take().ok_or_else(|| anyhow::anyhow!("no stdout"))?;
        let (tx, rx) = std::sync::mpsc::channel();
        // Reads to the end, so the program never blocks on a full pipe while quitting.
        std::thread::spawn(move || {
            let mut seen = Vec::new();
            let mut buf = [0u8; 8192];
            let mut sent = false;
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 {
                    break;
                }
                seen.extend_from_slice(&buf[..n]);
                if !sent && frame_done(&String::from_utf8_lossy(&seen)) {
                    sent = tx.send(Instant::now()).is_ok();
                }
            }
            if !sent {
                let _ = tx.send(Instant::now());
            }
        });
        let done = rx.recv_timeout(Duration::from_secs(10));
        if let Some(stdin) = child.stdin.as_mut() {
            let _ = stdin.write_all(b"q");
        }
        drop(child.stdin.take());
        let finished = (0..500).any(|_| {
            std::thread::sleep(Duration::from_millis(10));
            matches!(child.try_wait(), Ok(Some(_)))
        });
        if !finished {
            let _ = child.kill();
            let _ = child.wait();
        }
        let done = done.map_err(|_| anyhow::anyhow!("{program}: no first frame within 10 s"))?;
        Ok(done - t)
    };
    // The list box is drawn last but for the empty bottom row: its closing corner ends the frame.
    fn list_drawn(out: &str) -> bool {
        out.find("Kommuner (").is_some_and(|i| out[i..].contains('╯'))
    }
    fn at_end(_: &str) -> bool {
        false
    }
    let tui = format!("{bin} --db {}", db.display());
    let (mut cold, mut harness) = (Vec::new(), Vec::new());
    for _ in 0..15 {
        cold.push(start(&tui, list_drawn)?);
        harness.push(start("true", at_end)?);
    }
    let (cold_med, cold_p99) = stats(cold);
    let (harness_med, _) = stats(harness);
    println!(
        "cold start as a process    median {cold_med:7.2} ms   p99 {cold_p99:7.2} ms   (goal < 100 ms; \
         the harness running `true`: {harness_med:.2} ms)"
    );
    Ok(())
}

fn new_app(db: &std::path::Path) -> anyhow::Result<App> {
    let store = Store::open(db)?;
    let src = embedded_questionnaire().map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut app = App::new(store, src, Lang::Sv, Theme { color: true })?;
    app.update(Action::Resize(80, 24));
    Ok(app)
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) -> anyhow::Result<()> {
    terminal.draw(|f| f.render_widget(app, f.area()))?;
    Ok(())
}

fn measure(db: &std::path::Path) -> anyhow::Result<()> {
    // Cold start: open the database, build the start screen's overview, draw the first frame.
    let mut cold = Vec::new();
    for _ in 0..15 {
        let t = Instant::now();
        let app = new_app(db)?;
        let mut terminal = Terminal::new(TestBackend::new(80, 24))?;
        draw(&mut terminal, &app)?;
        cold.push(t.elapsed());
    }
    let (cold_med, cold_p99) = stats(cold);

    // Where a cold start goes, one phase at a time (medians of 15).
    let (mut p_parse, mut p_open, mut p_overview, mut p_frame) = (vec![], vec![], vec![], vec![]);
    for _ in 0..15 {
        let t = Instant::now();
        let src = embedded_questionnaire().map_err(|e| anyhow::anyhow!("{e}"))?;
        p_parse.push(t.elapsed());
        let t = Instant::now();
        let store = Store::open(db)?;
        p_open.push(t.elapsed());
        let t = Instant::now();
        let mut app = App::new(store, src, Lang::Sv, Theme { color: true })?;
        app.update(Action::Resize(80, 24));
        p_overview.push(t.elapsed());
        let t = Instant::now();
        let mut terminal = Terminal::new(TestBackend::new(80, 24))?;
        draw(&mut terminal, &app)?;
        p_frame.push(t.elapsed());
    }
    let phases = [
        ("parse questionnaire", p_parse),
        ("open database", p_open),
        ("overview", p_overview),
        ("first frame", p_frame),
    ]
    .into_iter()
    .map(|(name, v)| format!("{name} {:.2} ms", stats(v).0))
    .collect::<Vec<_>>()
    .join(", ");

    let mut app = new_app(db)?;
    let target = app
        .store
        .interviews(&InterviewFilter::default())?
        .into_iter()
        .find(|i| i.status == InterviewStatus::InProgress)
        .ok_or_else(|| anyhow::anyhow!("no interview in progress"))?;
    app.open(&target.id);
    let mut terminal = Terminal::new(TestBackend::new(80, 24))?;

    let mut render = Vec::new();
    for _ in 0..2000 {
        let t = Instant::now();
        draw(&mut terminal, &app)?;
        render.push(t.elapsed());
    }
    let (render_med, render_p99) = stats(render);

    // Key → update (commits to SQLite with synchronous=FULL) → frame, alternating two options
    // so every press is a real change with a history row.
    let mut key_to_frame = Vec::new();
    for i in 0..1000 {
        let key = KeyEvent::new(KeyCode::Char(if i % 2 == 0 { '1' } else { '2' }), KeyModifiers::NONE);
        let t = Instant::now();
        if let Some(action) = keymap::map(app.key_context(), key) {
            app.update(action);
        }
        draw(&mut terminal, &app)?;
        key_to_frame.push(t.elapsed());
    }
    let (key_med, key_p99) = stats(key_to_frame);
    let rss = peak_rss_mb();

    println!("cold start → first frame   median {cold_med:7.2} ms   p99 {cold_p99:7.2} ms   (goal < 100 ms)");
    println!("  of which (medians): {phases}");
    println!("render interview screen     median {render_med:7.3} ms   p99 {render_p99:7.3} ms   (goal < 2 ms)");
    println!("key → committed → frame     median {key_med:7.3} ms   p99 {key_p99:7.3} ms   (goal < 5 ms)");
    println!("peak RSS (VmHWM)            {rss:7.1} MB                            (goal < 50 MB)");
    Ok(())
}
