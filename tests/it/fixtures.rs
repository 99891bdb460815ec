//! One invalid questionnaire per validation rule; each file states its expected message in
//! `# expect:` lines at the top.

use super::support::{cmd, fixture};
use fardplan::i18n::Lang;
use fardplan::load::questionnaire::parse_str;

fn invalid_fixtures() -> Vec<(String, String)> {
    let dir = fixture("questionnaires/invalid");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).expect("utf-8 name").to_string();
            (name, std::fs::read_to_string(&p).expect("read fixture"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_rule_has_a_fixture_with_its_exact_message() {
    let fixtures = invalid_fixtures();
    assert!(fixtures.len() >= 30, "expected a fixture per rule, found {}", fixtures.len());
    for (name, src) in fixtures {
        let expected: Vec<&str> = src.lines().filter_map(|l| l.strip_prefix("# expect: ")).collect();
        assert!(!expected.is_empty(), "{name} has no `# expect:` line");
        let errors = parse_str(&name, &src).expect_err(&format!("{name} must be rejected"));
        let got: Vec<String> = errors.0.iter().map(|e| e.render(Lang::Sv)).collect();
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn messages_exist_in_english_too() {
    let src = std::fs::read_to_string(fixture("questionnaires/invalid/show_if_later_question.toml")).unwrap();
    let errors = parse_str("f.toml", &src).unwrap_err();
    let msg = errors.render(Lang::En);
    assert!(msg.starts_with("f.toml:15:24: show_if names question \"b\", which comes later — "), "{msg}");
}

#[test]
fn check_reports_every_file_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let a = fixture("questionnaires/invalid/unknown_key.toml");
    let b = fixture("questionnaires/invalid/scale_missing_levels.toml");
    let out = cmd(&dir.path().join("db")).args(["questionnaire", "check"]).arg(&a).arg(&b).assert().code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("unknown_key.toml:15:1: okänd nyckel `colour`"), "{stderr}");
    assert!(stderr.contains("scale_missing_levels.toml:16:10: skalan har 3 nivåbeskrivningar, inte 5"), "{stderr}");
    assert!(stderr.contains(" — "), "every message says how to fix it: {stderr}");
}

#[test]
fn unreadable_file_is_a_clear_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd(&dir.path().join("db")).args(["questionnaire", "check", "finns-inte.toml"]).assert().code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("finns-inte.toml:1:1: filen kunde inte läsas"), "{stderr}");
}

#[test]
fn binary_garbage_is_rejected_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("garbage.toml");
    std::fs::write(&path, [0xffu8, 0xfe, 0x00, b'=', b'\n']).unwrap();
    cmd(&dir.path().join("db")).args(["questionnaire", "check"]).arg(&path).assert().code(1);
}
