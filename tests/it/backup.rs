//! `Store::backup_to`: a consistent copy of a live database, even while another connection writes.

use super::support::new_interview;
use fardplan::model::AnswerValue;
use fardplan::store::{Store, StoreError};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

#[test]
fn a_backup_taken_while_another_connection_writes_is_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.db");
    let store = Store::open(&path).unwrap();
    let iv = new_interview(&store, "1280", "2026");
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (path, id, stop) = (path.clone(), iv.id.clone(), stop.clone());
        // Its own connection, as the TUI would have.
        std::thread::spawn(move || {
            let tui = Store::open(&path).unwrap();
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let v = AnswerValue::Number((n % 100) as f64);
                tui.set_answer(&id, "bredband_100mbit", Some(&v), &format!("skrivning {n}"), "tui").unwrap();
            }
            n
        })
    };
    // Let the writer get going, then take several backups while it keeps committing.
    while store.history(&iv.id).unwrap().len() < 20 {
        std::thread::yield_now();
    }
    for k in 0..5 {
        let out = dir.path().join(format!("kopia-{k}.db"));
        store.backup_to(&out).unwrap();
        let copy = Store::open_read_only(&out).unwrap();
        assert!(copy.integrity_ok().unwrap());
        // The answer and its history row are written in one transaction: a consistent copy holds
        // both or neither, never one without the other.
        let answer = copy.answer(&iv.id, "bredband_100mbit").unwrap().unwrap();
        let history = copy.history(&iv.id).unwrap();
        let last = history.last().unwrap();
        assert_eq!(last.new_value, answer.value);
        assert_eq!(last.new_note.as_deref(), Some(answer.note.as_str()));
        assert_eq!(answer.note, format!("skrivning {}", history.len()));
    }
    stop.store(true, Ordering::Relaxed);
    let written = writer.join().unwrap();
    assert!(written >= 20);
    // No temporary files left beside the copies.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_backup_never_overwrites_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("f.db")).unwrap();
    let out = dir.path().join("finns.db");
    std::fs::write(&out, "viktigt").unwrap();
    assert!(matches!(store.backup_to(&out), Err(StoreError::OutputExists { .. })));
    assert_eq!(std::fs::read(&out).unwrap(), b"viktigt");
}
