//! Saving one answer through the store versus a bare single-row rusqlite commit, both in WAL
//! mode with synchronous=FULL, interleaved in the same run so machine noise hits both alike.
//!
//! Run: `cargo bench --bench store_save` (writes to a temporary folder on the same disk as
//! $TMPDIR). Prints medians, p99s and the ratio store / bare.

use fardplan::load::embedded_questionnaire;
use fardplan::model::AnswerValue;
use fardplan::store::{NewInterview, Store};
use rusqlite::Connection;
use std::time::{Duration, Instant};

const ROUNDS: usize = 20;
const PER_ROUND: usize = 100;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let store = Store::open(&dir.path().join("store.db"))?;
    let src = embedded_questionnaire().map_err(|e| anyhow::anyhow!("{e}"))?;
    let iv = store.create_interview(
        &src,
        &NewInterview { municipality_code: "1280".into(), round: "2026".into(), ..Default::default() },
    )?;
    let values = [AnswerValue::Choice(vec!["ja".into()]), AnswerValue::Choice(vec!["nej".into()])];

    let bare = Connection::open(dir.path().join("bare.db"))?;
    bare.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL);",
    )?;

    let mut store_times = Vec::with_capacity(ROUNDS * PER_ROUND);
    let mut bare_times = Vec::with_capacity(ROUNDS * PER_ROUND);
    let mut n = 0usize;
    for _ in 0..ROUNDS {
        for _ in 0..PER_ROUND {
            n += 1;
            let v = &values[n % 2];
            let t = Instant::now();
            store.set_answer(&iv.id, "strategisk_funktion", Some(v), "", "bench")?;
            store_times.push(t.elapsed());
        }
        for _ in 0..PER_ROUND {
            n += 1;
            let t = Instant::now();
            let tx = bare.unchecked_transaction()?;
            tx.execute("INSERT OR REPLACE INTO t (k, v) VALUES (1, ?1)", [if n % 2 == 0 { "ja" } else { "nej" }])?;
            tx.commit()?;
            bare_times.push(t.elapsed());
        }
    }
    store_times.sort();
    bare_times.sort();
    let (sm, s99) = (percentile(&store_times, 0.5), percentile(&store_times, 0.99));
    let (bm, b99) = (percentile(&bare_times, 0.5), percentile(&bare_times, 0.99));
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!("saves per side: {}", store_times.len());
    println!("store.set_answer   median {:8.1} µs   p99 {:8.1} µs", us(sm), us(s99));
    println!("bare rusqlite      median {:8.1} µs   p99 {:8.1} µs", us(bm), us(b99));
    println!("ratio store/bare   median {:.2}×   p99 {:.2}×", us(sm) / us(bm), us(s99) / us(b99));
    Ok(())
}
