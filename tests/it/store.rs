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

/// A database at schema version 1, as released before merging existed.
fn version_1_database(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(include_str!("../../src/store/migrations/001_initial.sql")).unwrap();
    conn.execute_batch(&format!("PRAGMA application_id = {}; PRAGMA user_version = 1;", migrations::APPLICATION_ID))
        .unwrap();
}

#[test]
fn a_version_1_database_is_read_as_it_is_and_upgraded_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    version_1_database(&path);
    let before = bytes(&path);
    let ro = Store::open_read_only(&path).unwrap();
    assert_eq!(ro.schema_version(), 1);
    assert!(ro.all_conflicts().unwrap().is_empty(), "no conflicts table yet, and none invented");
    assert!(ro.conn().execute("DELETE FROM interviews", []).is_err(), "a read-only store cannot write");
    drop(ro);
    assert_eq!(bytes(&path), before, "reading changed the file");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version(), migrations::LATEST);
    assert!(store.all_open_conflicts().unwrap().is_empty());
}

#[test]
fn read_only_opening_refuses_what_cannot_be_merged_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let refused = |path: &std::path::Path, check: &dyn Fn(&StoreError) -> bool| {
        let before = bytes(path);
        let err = Store::open_read_only(path).err().expect("must be refused");
        assert!(check(&err), "unexpected error: {err}");
        assert!(err.is_user_error());
        assert_eq!(bytes(path), before);
    };
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "kommun;svar\n").unwrap();
    refused(&text, &|e| matches!(e, StoreError::NotSqlite { .. }));
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    refused(&empty, &|e| matches!(e, StoreError::NotFardplan { .. }));
    let blank_sqlite = dir.path().join("blank.sqlite");
    rusqlite::Connection::open(&blank_sqlite).unwrap().execute_batch("PRAGMA user_version = 0; VACUUM;").unwrap();
    refused(&blank_sqlite, &|e| matches!(e, StoreError::NotFardplan { .. }));
    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE photos (id INTEGER);").unwrap();
    refused(&other, &|e| matches!(e, StoreError::NotFardplan { .. }));
    let future = dir.path().join("future.db");
    drop(Store::open(&future).unwrap());
    rusqlite::Connection::open(&future).unwrap().execute_batch("PRAGMA user_version = 99;").unwrap();
    refused(&future, &|e| matches!(e, StoreError::NewerSchema { found: 99, .. }));
    let missing = dir.path().join("missing.db");
    assert!(matches!(Store::open_read_only(&missing), Err(StoreError::Io { .. })));
    assert!(!missing.exists(), "read-only opening must not create the file");
}

fn side_files(path: &std::path::Path) -> Vec<String> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut found: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&name) && n != &name)
        .collect();
    found.sort();
    found
}

#[test]
fn reading_a_closed_database_leaves_no_files_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("andra #1?.db");
    let id = {
        let store = Store::open(&path).unwrap();
        let iv = new_interview(&store, "1280", "2026");
        store.set_answer(&iv.id, "strategi_status", Some(&choice("ja")), "", "bo").unwrap();
        iv.id
    };
    assert!(side_files(&path).is_empty());
    let before = bytes(&path);
    let ro = Store::open_read_only(&path).unwrap();
    assert_eq!(ro.answer(&id, "strategi_status").unwrap().unwrap().value, Some(choice("ja")));
    drop(ro);
    assert!(side_files(&path).is_empty(), "left behind: {:?}", side_files(&path));
    assert_eq!(bytes(&path), before);
}

#[test]
fn reading_a_database_open_elsewhere_sees_its_latest_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.db");
    // The other interviewer's program still has it open: the newest answers are in the WAL.
    let live = Store::open(&path).unwrap();
    let iv = new_interview(&live, "1280", "2026");
    live.set_answer(&iv.id, "strategi_status", Some(&choice("beslutad")), "", "bo").unwrap();
    let ro = Store::open_read_only(&path).unwrap();
    assert_eq!(ro.answer(&iv.id, "strategi_status").unwrap().unwrap().value, Some(choice("beslutad")));
}
