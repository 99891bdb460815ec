//! `fardplan merge`, `conflicts` and `backup` as a region uses them: three interviewers' laptops
//! brought together in one regional database.

use super::support::{bytes, cmd};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use std::path::Path;

fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn as_user(db: &Path, user: &str) -> assert_cmd::Command {
    let mut c = cmd(db);
    c.env("FARDPLAN_USER", user);
    c
}

fn new_interview(db: &Path, user: &str, code: &str) -> String {
    let out = as_user(db, user)
        .args(["interview", "new", "--municipality", code, "--round", "2026", "--interviewer", user])
        .assert()
        .success();
    stdout(&out).trim().to_string()
}

fn answer(db: &Path, user: &str, id: &str, q: &str, v: &str) {
    as_user(db, user).args(["answer", "set", "--interview", id, "--question", q, "--value", v]).assert().success();
}

fn json(out: &assert_cmd::assert::Assert) -> serde_json::Value {
    serde_json::from_str(&stdout(out)).unwrap()
}

fn export(db: &Path) -> String {
    stdout(&cmd(db).args(["export", "--format", "json"]).assert().success())
}

#[test]
fn three_interviewers_merge_with_one_conflict_and_one_duplicate_then_resolve() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, bo, cecilia, region) = (
        dir.path().join("anna.db"),
        dir.path().join("bo.db"),
        dir.path().join("cecilia.db"),
        dir.path().join("region.db"),
    );

    // Anna starts Malmö; Bo takes a copy of her database to finish it on his laptop.
    let malmo = new_interview(&anna, "anna", "1280");
    answer(&anna, "anna", &malmo, "strategi_status", "nej");
    as_user(&anna, "anna").args(["backup", "--out"]).arg(&bo).assert().success().stderr(contains("kontrollerad"));
    // Offline, both change the strategy answer differently; Bo also answers another question.
    answer(&anna, "anna", &malmo, "strategi_status", "ja");
    answer(&bo, "bo", &malmo, "strategi_status", "beslutad");
    answer(&bo, "bo", &malmo, "strategisk_funktion", "ja");
    // Cecilia interviews Lund, and, unaware, Malmö too.
    let lund = new_interview(&cecilia, "cecilia", "1281");
    answer(&cecilia, "cecilia", &lund, "strategi_status", "revideras");
    let malmo_again = new_interview(&cecilia, "cecilia", "1280");

    let sources: Vec<(&Path, Vec<u8>)> = [&anna, &bo, &cecilia].iter().map(|p| (p.as_path(), bytes(p))).collect();
    for (db, expect) in [(&anna, "Nya intervjuer"), (&bo, "Konflikter"), (&cecilia, "Möjliga dubbletter")] {
        as_user(&region, "samordnare").arg("merge").arg(db).assert().success().stdout(contains(expect));
    }
    // The sources were only read: same bytes, nothing left beside them.
    for (path, before) in &sources {
        assert_eq!(&bytes(path), before, "{} was changed", path.display());
    }
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!names.iter().any(|n| n.ends_with("-wal") || n.ends_with("-shm")), "{names:?}");

    // All three interviews are there; the duplicate is kept, not merged.
    let list = json(&cmd(&region).args(["interview", "list", "--format", "json"]).assert().success());
    let ids: Vec<&str> = list.as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids.contains(&malmo.as_str()) && ids.contains(&lund.as_str()) && ids.contains(&malmo_again.as_str()));

    // Merging again changes nothing.
    let before = export(&region);
    for db in [&anna, &bo, &cecilia] {
        cmd(&region).arg("merge").arg(db).assert().success().stdout(contains("Ingenting att göra"));
    }
    assert_eq!(export(&region), before);

    // One open conflict with both values, who and when.
    let open = json(&cmd(&region).args(["conflicts", "--format", "json"]).assert().success());
    let open = open.as_array().unwrap();
    assert_eq!(open.len(), 1);
    let c = &open[0];
    assert_eq!(
        (c["interview_id"].as_str(), c["question_id"].as_str()),
        (Some(malmo.as_str()), Some("strategi_status"))
    );
    assert_eq!((c["ours"]["value"]["value"][0].as_str(), c["ours"]["changed_by"].as_str()), (Some("ja"), Some("anna")));
    assert_eq!(
        (c["theirs"]["value"]["value"][0].as_str(), c["theirs"]["changed_by"].as_str()),
        (Some("beslutad"), Some("bo"))
    );
    assert_eq!(c["municipality"], "Malmö");
    cmd(&region).args(["conflicts", "--interview", &malmo[..8]]).assert().success().stdout(contains("beslutad"));
    cmd(&region).args(["--lang", "en", "conflicts"]).assert().success().stdout(contains("Theirs"));

    // Resolve it: Bo's value wins; the choice is in the history and the conflict is closed.
    as_user(&region, "samordnare")
        .args(["conflicts", "resolve", "--interview", &malmo, "--question", "strategi_status", "--take", "theirs"])
        .assert()
        .success()
        .stderr(contains("är löst"));
    cmd(&region).args(["conflicts", "--format", "json"]).assert().success().stdout("[]\n");
    cmd(&region).args(["conflicts"]).assert().success().stderr(contains("inga öppna konflikter"));
    let show = json(&cmd(&region).args(["interview", "show", &malmo, "--format", "json"]).assert().success());
    let answers = show["answers"].as_array().unwrap();
    let strategy = answers.iter().find(|a| a["question_id"] == "strategi_status").unwrap();
    assert_eq!(strategy["value"]["value"][0], "beslutad");
    assert!(answers.iter().any(|a| a["question_id"] == "strategisk_funktion"), "Bo's other answer was taken");
    let history = serde_json::from_str::<serde_json::Value>(&export(&region)).unwrap();
    let malmo_history =
        history["interviews"].as_array().unwrap().iter().find(|i| i["id"] == malmo.as_str()).unwrap()["history"]
            .clone();
    let resolve = malmo_history.as_array().unwrap().iter().find(|h| h["event"] == "resolve").unwrap();
    assert_eq!((resolve["reason"].as_str(), resolve["changed_by"].as_str()), (Some("theirs"), Some("samordnare")));
    assert_eq!(malmo_history.as_array().unwrap().len(), 5, "Anna's two rows, Bo's two, the resolution");

    // Resolving again is a user error.
    cmd(&region)
        .args(["conflicts", "resolve", "--interview", &malmo, "--question", "strategi_status", "--take", "ours"])
        .assert()
        .code(1)
        .stderr(contains("ingen öppen konflikt"));
}

#[test]
fn a_dry_run_reports_in_json_and_english_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (here, other) = (dir.path().join("here.db"), dir.path().join("other.db"));
    new_interview(&here, "anna", "1280");
    let id = new_interview(&other, "bo", "0114");
    answer(&other, "bo", &id, "strategi_status", "ja");
    let before = export(&here);
    let report = json(&cmd(&here).arg("merge").arg(&other).args(["--dry-run", "--format", "json"]).assert().success());
    assert_eq!(report["dry_run"], true);
    assert_eq!(report["counts"]["new_interviews"], 1);
    assert_eq!(report["new_interviews"][0]["municipality"], "Upplands Väsby");
    assert_eq!(report["new_interviews"][0]["answers"], 1);
    cmd(&here)
        .args(["--lang", "en", "merge", "--dry-run"])
        .arg(&other)
        .assert()
        .success()
        .stdout(contains("Dry run of merging").and(contains("New interviews")));
    assert_eq!(export(&here), before);
}

#[test]
fn what_cannot_be_merged_is_refused_with_exit_1_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let here = dir.path().join("here.db");
    let text = dir.path().join("svar.csv");
    std::fs::write(&text, "kommun;svar\n").unwrap();
    cmd(&here).arg("merge").arg(&text).assert().code(1).stderr(contains("inte en fardplan-databas"));
    assert_eq!(bytes(&text), b"kommun;svar\n");
    assert!(!here.exists(), "a refused merge does not even create this database");

    let future = dir.path().join("future.db");
    new_interview(&future, "bo", "1280");
    rusqlite::Connection::open(&future).unwrap().execute_batch("PRAGMA user_version = 99;").unwrap();
    let before = bytes(&future);
    cmd(&here)
        .args(["--lang", "en", "merge"])
        .arg(&future)
        .assert()
        .code(1)
        .stderr(contains("schema version 99").and(contains("update fardplan")));
    assert_eq!(bytes(&future), before);

    cmd(&here).arg("merge").arg(dir.path().join("saknas.db")).assert().code(1);
    new_interview(&here, "anna", "1280");
    cmd(&here).arg("merge").arg(&here).assert().code(1).stderr(contains("med sig själv"));
}

#[test]
fn backup_refuses_to_overwrite_and_a_missing_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    let out = dir.path().join("kopia.db");
    cmd(&db).args(["backup", "--out"]).arg(&out).assert().code(1);
    assert!(!db.exists() && !out.exists());
    new_interview(&db, "anna", "1280");
    cmd(&db).args(["backup", "--out"]).arg(&out).assert().success();
    cmd(&db).args(["backup", "--out"]).arg(&out).assert().code(1).stderr(contains("finns redan"));
    let list = json(&cmd(&out).args(["interview", "list", "--format", "json"]).assert().success());
    assert_eq!(list.as_array().unwrap().len(), 1);
}
