//! The headless CLI as scripts use it: stdout data, stderr messages, exit codes 0/1/2.

use super::support::{bytes, cmd};
use predicates::str::contains;

fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn a_whole_headless_interview() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    let new = cmd(&db)
        .args(["interview", "new", "--municipality", "1280", "--round", "2026", "--interviewer", "Anna"])
        .assert()
        .success();
    let id = stdout(&new).trim().to_string();
    assert!(uuid::Uuid::parse_str(&id).is_ok(), "{id}");
    for (q, v) in [
        ("strategi_status", "beslutad"),
        ("skal_digitalisering", "effektivisera,service_medborgare"),
        ("bredband_100mbit", "97,5"),
        ("kompetens_skola", "vet-ej"),
        ("infrastruktur_landsbygd", "ej-tillampligt"),
        ("utmaningar", "-minus först"),
    ] {
        cmd(&db).args(["answer", "set", "--interview", &id, "--question", q, "--value", v]).assert().success();
    }
    cmd(&db)
        .args(["answer", "set", "--interview", &id[..8], "--question", "strategi_status", "--value", "ja"])
        .args(["--note", "Reviderad 2025"])
        .assert()
        .success();
    let show = cmd(&db).args(["interview", "show", &id, "--format", "json"]).assert().success();
    let v: serde_json::Value = serde_json::from_str(&stdout(&show)).unwrap();
    let answers = v["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 6);
    let strategy = answers.iter().find(|a| a["question_id"] == "strategi_status").unwrap();
    assert_eq!(strategy["value"]["value"][0], "ja");
    assert_eq!(strategy["note"], "Reviderad 2025");
    let list = cmd(&db).args(["interview", "list", "--format", "csv"]).assert().success();
    assert!(stdout(&list).contains(",1280,Malmö,2026,Anna,in_progress,6,"), "{}", stdout(&list));
}

#[test]
fn user_errors_exit_1_with_a_message_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    cmd(&db)
        .args(["interview", "new", "--municipality", "9999", "--round", "2026"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("okänd kommunkod \"9999\""));
    let id =
        stdout(&cmd(&db).args(["interview", "new", "--municipality", "0114", "--round", "2026"]).assert().success())
            .trim()
            .to_string();
    cmd(&db)
        .args(["answer", "set", "--interview", &id, "--question", "bredband_100mbit", "--value", "abc"])
        .assert()
        .code(1)
        .stderr(contains("\"abc\" är inget tal"));
    cmd(&db)
        .args(["--lang", "en", "answer", "set", "--interview", &id, "--question", "nope", "--value", "ja"])
        .assert()
        .code(1)
        .stderr(contains("question \"nope\" is not in questionnaire skane-nulage"));
    cmd(&db).args(["no-such-command"]).assert().code(1);
    cmd(&db).args(["--help"]).assert().success().stdout(contains("questionnaire"));
}

#[test]
fn a_foreign_database_is_refused_with_exit_1_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.txt");
    std::fs::write(&db, "inte en databas").unwrap();
    cmd(&db).args(["interview", "list"]).assert().code(1).stderr(contains("filen är ingen SQLite-databas"));
    assert_eq!(bytes(&db), b"inte en databas");
}

#[test]
fn questionnaire_json_is_a_stable_contract() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd(&dir.path().join("db")).args(["questionnaire", "show", "--format", "json"]).assert().success();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let questions = v["questions"].as_array().unwrap();
    assert!(questions.len() > 30);
    for key in ["id", "kind", "section", "text", "help", "required", "options", "subgoal", "weight", "show_if"] {
        assert!(questions.iter().all(|q| q.get(key).is_some()), "key {key} missing");
    }
    let title = questions.iter().find(|q| q["id"] == "funktion_titel").unwrap();
    assert_eq!(title["show_if"]["question"], "strategisk_funktion");
    assert_eq!(title["options"][0]["label"], "IT-chef");
    let scale = questions.iter().find(|q| q["kind"] == "scale").unwrap();
    assert_eq!(scale["options"].as_array().unwrap().len(), 5);
    assert_eq!(scale["options"][4]["level"], 4);
}

#[test]
fn municipalities_keep_leading_zeros() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd(&dir.path().join("db")).args(["municipalities", "--format", "csv"]).assert().success();
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 291);
    assert!(text.contains("\n0114,Upplands Väsby,01,Stockholms län,A2,"));
    let skane = cmd(&dir.path().join("db")).args(["municipalities", "--county", "12", "--format", "json"]).assert();
    let v: serde_json::Value = serde_json::from_str(&stdout(&skane.success())).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 33);
    cmd(&dir.path().join("db")).args(["municipalities", "--county", "99"]).assert().code(1);
}

#[test]
fn export_and_import_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    let id =
        stdout(&cmd(&a).args(["interview", "new", "--municipality", "2580", "--round", "2026"]).assert().success())
            .trim()
            .to_string();
    cmd(&a)
        .args(["answer", "set", "--interview", &id, "--question", "strategi_status", "--value", "nej"])
        .assert()
        .success();
    let export = dir.path().join("export.json");
    cmd(&a).args(["export", "--format", "json", "--out"]).arg(&export).assert().success();
    let b = dir.path().join("b.db");
    cmd(&b).arg("import").arg(&export).assert().success().stderr(contains("1 nya intervjuer"));
    let again = stdout(&cmd(&b).args(["export", "--format", "json"]).assert().success());
    assert_eq!(again.as_bytes(), bytes(&export));
    // A bad CSV is refused whole, row by row, with exit 1.
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "municipality_code,municipality,round,interview_id,question_id,value,note,answered_at\n\
         2580,Luleå,2026,,strategi_status,kanske,,\n2580,Luleå,2026,,nope,ja,,\n",
    )
    .unwrap();
    cmd(&b)
        .arg("import")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(contains("bad.csv: rad 2: ogiltigt svar \"kanske\""))
        .stderr(contains("bad.csv: rad 3: okänd fråga \"nope\""))
        .stderr(contains("2 fel; ingenting importerades"));
}
