//! Merging two national-size databases (`demo::national()`: 290 municipalities × 3 rounds) that
//! differ in 10 % of their answers: wall time and peak memory of the merge.
//!
//! Run: `cargo bench --bench merge`. The datasets are generated first (not timed) in a temporary
//! folder on the same disk as $TMPDIR:
//!
//! - A: the national dataset; B: a byte copy of A, so both share every interview and history row.
//! - B then changes 10 % of all answers (chosen at random, seeded): each becomes "Vet ej" (or, if
//!   it already was, gets a note). Completed interviews are reopened for it and completed again,
//!   as an interviewer in the field would do, so status rows merge too.
//! - A changes 1 % of the answers of the current round (a note added on site), so some answers
//!   changed on both sides and become conflicts.
//!
//! Each measured merge runs in a child process of its own on a fresh copy of A, so its peak
//! memory (VmHWM from /proc/self/status) is the merge's, not the generator's. Besides wall time
//! it reports the merge's CPU time (user + system, /proc/self/stat): on a shared machine the wall
//! time also holds the time other processes had the cores. Also measured: a dry
//! run (planning only), merging B again (nothing to do), and merging B into an empty database
//! (every interview copied whole). With `FARDPLAN_BENCH_KEEP=DIR` the two datasets are also
//! copied to DIR, to time the CLI on them.

use fardplan::demo::{fill, national};
use fardplan::load::embedded_questionnaire;
use fardplan::merge::merge;
use fardplan::model::AnswerValue;
use fardplan::store::{InterviewFilter, InterviewStatus, Store};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const RUNS: usize = 5;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let rest = &args[i + 1..];
        anyhow::ensure!(rest.len() == 3, "--child MODE OURS THEIRS");
        return child(&rest[0], Path::new(&rest[1]), Path::new(&rest[2]));
    }
    let dir = tempfile::tempdir()?;
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let started = Instant::now();
    let src = embedded_questionnaire().map_err(|e| anyhow::anyhow!("{e}"))?;
    {
        let store = Store::open(&a)?;
        fill(&store, &src, &national())?;
    }
    std::fs::copy(&a, &b)?;
    let total = count_answers(&a)?;
    let b_changed = diverge(&b, 0.10, false, 1)?;
    let a_changed = diverge(&a, 0.01, true, 2)?;
    println!(
        "datasets: {total} answers each; B changed {b_changed} ({:.1} %), A changed {a_changed}; generated in {:.1} s",
        100.0 * b_changed as f64 / total as f64,
        started.elapsed().as_secs_f64()
    );
    for (name, path) in [("A", &a), ("B", &b)] {
        println!("  {name}: {:.1} MB", std::fs::metadata(path)?.len() as f64 / 1e6);
    }
    // To time the real CLI on the same files (docs/benchmarks-merge.md shows how).
    if let Some(keep) = std::env::var_os("FARDPLAN_BENCH_KEEP") {
        std::fs::create_dir_all(&keep)?;
        for (name, path) in [("a.db", &a), ("b.db", &b)] {
            std::fs::copy(path, Path::new(&keep).join(name))?;
        }
    }

    let mut times = Vec::new();
    let mut cpu = Vec::new();
    let mut peak = 0u64;
    for run in 0..RUNS {
        let work = dir.path().join(format!("work-{run}.db"));
        std::fs::copy(&a, &work)?;
        let r = run_child("merge", &work, &b)?;
        if run == 0 {
            println!("merge B into A: {}", r.detail);
        }
        times.push(r.ms);
        cpu.push(r.cpu_ms);
        peak = peak.max(r.hwm_kb);
    }
    times.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    println!(
        "merge B into A ({RUNS} runs, each a fresh copy): wall median {:.0} ms (min {:.0}, max {:.0}); CPU median {:.0} ms; peak memory (VmHWM) {:.1} MB",
        times[RUNS / 2],
        times[0],
        times[RUNS - 1],
        cpu[RUNS / 2],
        peak as f64 / 1024.0
    );
    let line = |label: &str, r: &ChildResult| {
        println!(
            "{label}: wall {:.0} ms, CPU {:.0} ms, VmHWM {:.1} MB; {}",
            r.ms,
            r.cpu_ms,
            r.hwm_kb as f64 / 1024.0,
            r.detail
        )
    };
    line("dry run (plan only)", &run_child("dry", &a, &b)?);
    line("merge B again (nothing to do)", &run_child("merge", &dir.path().join("work-0.db"), &b)?);
    line("merge B into an empty database", &run_child("merge", &dir.path().join("empty.db"), &b)?);
    let base = run_child("baseline", &a, &b)?;
    println!("baseline (open both, no merge): VmHWM {:.1} MB", base.hwm_kb as f64 / 1024.0);
    Ok(())
}

fn count_answers(path: &Path) -> anyhow::Result<usize> {
    let store = Store::open_read_only(path)?;
    let n: i64 =
        store.conn().query_row("SELECT count(*) FROM answers WHERE value_kind IS NOT NULL", [], |r| r.get(0))?;
    Ok(n as usize)
}

/// Changes `share` of the answers (only those of interviews in progress if `current_only`), in
/// one transaction. Returns how many answers changed.
fn diverge(path: &Path, share: f64, current_only: bool, seed: u64) -> anyhow::Result<usize> {
    let store = Store::open(path)?;
    let mut rng = fastrand::Rng::with_seed(seed);
    let tx = store.begin()?;
    let mut changed = 0;
    let by = if current_only { "anna" } else { "bo" };
    for iv in store.interviews(&InterviewFilter::default())? {
        let completed = iv.status == InterviewStatus::Completed;
        if current_only && completed {
            continue;
        }
        let picked: Vec<_> =
            store.answers(&iv.id)?.into_iter().filter(|a| a.value.is_some() && rng.f64() < share).collect();
        if picked.is_empty() {
            continue;
        }
        if completed {
            store.reopen(&iv.id, by, "Komplettering i fält")?;
        }
        for a in &picked {
            let (value, note) = if current_only || a.value == Some(AnswerValue::DontKnow) {
                (a.value.clone(), format!("{} Kompletterat på plats.", a.note))
            } else {
                (Some(AnswerValue::DontKnow), a.note.clone())
            };
            store.set_answer(&iv.id, &a.question_id, value.as_ref(), note.trim(), by)?;
            changed += 1;
        }
        if completed {
            store.complete(&iv.id, by)?;
        }
    }
    tx.commit()?;
    Ok(changed)
}

struct ChildResult {
    ms: f64,
    cpu_ms: f64,
    hwm_kb: u64,
    detail: String,
}

fn run_child(mode: &str, ours: &Path, theirs: &Path) -> anyhow::Result<ChildResult> {
    let out = Command::new(std::env::current_exe()?).arg("--child").arg(mode).arg(ours).arg(theirs).output()?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    anyhow::ensure!(out.status.success(), "child {mode} failed: {text}{}", String::from_utf8_lossy(&out.stderr));
    let fields: BTreeMap<&str, &str> = text.split_whitespace().filter_map(|w| w.split_once('=')).collect();
    let num = |k: &str| fields.get(k).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    Ok(ChildResult {
        ms: num("ms"),
        cpu_ms: num("cpu_ms"),
        hwm_kb: num("hwm_kb") as u64,
        detail: text.lines().nth(1).unwrap_or("").to_string(),
    })
}

/// CPU time (user + system) of this process so far, in ms; the kernel counts in ticks of 10 ms.
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may contain spaces) in parentheses; utime and stime
    // are the 14th and 15th fields of the line, the 12th and 13th after it.
    let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
    let fields: Vec<f64> = after.split_whitespace().map(|f| f.parse().unwrap_or(0.0)).collect();
    (fields.get(11).copied().unwrap_or(0.0) + fields.get(12).copied().unwrap_or(0.0)) * 10.0
}

/// Peak resident set size of this process so far, in kB.
fn vm_hwm_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn child(mode: &str, ours: &Path, theirs: &Path) -> anyhow::Result<()> {
    let store = Store::open(ours)?;
    let other = Store::open_read_only(theirs)?;
    let started = Instant::now();
    let cpu_before = cpu_ms();
    let detail = match mode {
        "baseline" => String::new(),
        _ => {
            let plan = merge(&store, &other, &theirs.display().to_string(), "bench", mode == "dry")?;
            let c = plan.counts();
            format!(
                "new_interviews={} updated_interviews={} answers_taken={} history_added={} conflicts={} status_changes={}",
                c.new_interviews, c.updated_interviews, c.answers_taken, c.history_added, c.conflicts, c.status_changes
            )
        }
    };
    let ms = started.elapsed().as_secs_f64() * 1e3;
    let cpu = cpu_ms() - cpu_before;
    println!("ms={ms:.1} cpu_ms={cpu:.0} hwm_kb={}\n{detail}", vm_hwm_kb());
    Ok(())
}
