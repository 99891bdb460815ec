//! The store: migrations, refusing foreign files untouched, durable answers with history.

use super::support::{bytes, new_interview};
use fardplan::model::AnswerValue;
use fardplan::store::{InterviewStatus, Store, StoreError, migrations};

fn choice(id: &str) -> AnswerValue {
    AnswerValue::Choice(vec![id.into()])
}

#[test]
fn migrates_an_empty_file_and_marks_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    let store = Store::open(&path).unwrap();
    let conn = store.conn();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    let sync: i64 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    let fk: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(version, migrations::LATEST);
    assert_eq!(app, migrations::APPLICATION_ID);
    assert_eq!((mode.as_str(), sync, fk), ("wal", 2, 1));
    drop(store);
    // Reopening an up-to-date database runs no migration and keeps it valid.
    assert!(Store::open(&path).unwrap().integrity_ok().unwrap());
}

#[cfg(unix)]
#[test]
fn new_database_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/new.db");
    Store::open(&path).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

fn assert_refused_untouched(path: &std::path::Path, check: impl Fn(&StoreError) -> bool) {
    let before = bytes(path);
    let err = Store::open(path).err().expect("must be refused");
    assert!(check(&err), "unexpected error: {err}");
    assert!(err.is_user_error());
    assert_eq!(bytes(path), before, "the refused file was modified");
}

#[test]
fn refuses_a_file_that_is_not_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "kommun;svar\nMalmö;ja\n").unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StoreError::NotSqlite { .. }));
    // A file shorter than the SQLite header is not SQLite either.
    std::fs::write(&path, "SQLite").unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StoreError::NotSqlite { .. }));
}

#[test]
fn refuses_another_programs_sqlite_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos VALUES (1, 'a');")
        .unwrap();
    drop(conn);
    assert_refused_untouched(&path, |e| matches!(e, StoreError::NotFardplan { .. }));
}

#[test]
fn refuses_a_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;").unwrap();
    drop(conn);
    assert_refused_untouched(&path, |e| matches!(e, StoreError::NewerSchema { found: 99, .. }));
}

#[test]
fn an_answer_is_durable_with_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.db");
    let id = {
        let store = Store::open(&path).unwrap();
        let iv = new_interview(&store, "1280", "2026");
        store.set_answer(&iv.id, "strategi_status", Some(&choice("nej")), "", "anna").unwrap();
        store.set_answer(&iv.id, "strategi_status", Some(&choice("beslutad")), "KF 2019", "anna").unwrap();
        // Same state again: no new history row.
        store.set_answer(&iv.id, "strategi_status", Some(&choice("beslutad")), "KF 2019", "anna").unwrap();
        iv.id
    };
    let store = Store::open(&path).unwrap();
    let a = store.answer(&id, "strategi_status").unwrap().unwrap();
    assert_eq!(a.value, Some(choice("beslutad")));
    assert_eq!(a.note, "KF 2019");
    let h = store.history(&id).unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(h[1].old_value, Some(choice("nej")));
    assert_eq!(h[1].new_value, Some(choice("beslutad")));
    assert_eq!(h[1].changed_by, "anna");
    // The history cannot be rewritten.
    assert!(store.conn().execute("DELETE FROM history", []).is_err());
}

#[test]
fn completed_interviews_are_read_only_until_reopened_with_a_reason() {
    let store = Store::open_in_memory().unwrap();
    let iv = new_interview(&store, "2580", "2026");
    store.set_answer(&iv.id, "utmaningar", Some(&AnswerValue::Text("Kompetensförsörjning".into())), "", "a").unwrap();
    let done = store.complete(&iv.id, "a").unwrap();
    assert_eq!(done.status, InterviewStatus::Completed);
    assert!(done.completed_at.is_some());
    let err = store.set_answer(&iv.id, "utmaningar", Some(&AnswerValue::DontKnow), "", "a").unwrap_err();
    assert!(matches!(err, StoreError::Completed(_)));
    store.reopen(&iv.id, "b", "Kommunen kompletterade med nya uppgifter").unwrap();
    store.set_answer(&iv.id, "utmaningar", Some(&AnswerValue::DontKnow), "", "b").unwrap();
    let h = store.history(&iv.id).unwrap();
    let reopen = h.iter().find(|e| e.event == "reopen").unwrap();
    assert_eq!(reopen.reason.as_deref(), Some("Kommunen kompletterade med nya uppgifter"));
    assert_eq!(reopen.changed_by, "b");
}

#[test]
fn an_interview_keeps_the_questionnaire_text_it_was_taken_with() {
    let store = Store::open_in_memory().unwrap();
    let iv = new_interview(&store, "1280", "2026");
    let stored = store.snapshot_source(&iv.snapshot_hash).unwrap();
    assert_eq!(stored, fardplan::load::DEFAULT_QUESTIONNAIRE_SRC);
    assert_eq!(iv.snapshot_hash, fardplan::store::content_hash(&stored));
}
