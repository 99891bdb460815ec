//! Shared helpers for the integration tests.

use fardplan::load::{Source, embedded_questionnaire};
use fardplan::store::{Interview, NewInterview, Store};
use std::path::{Path, PathBuf};

pub fn shipped() -> Source {
    embedded_questionnaire().expect("shipped questionnaire loads")
}

pub fn new_interview(store: &Store, code: &str, round: &str) -> Interview {
    let new = NewInterview {
        municipality_code: code.into(),
        round: round.into(),
        interviewer: "Testare".into(),
        respondents: "IT-chef".into(),
        ..Default::default()
    };
    store.create_interview(&shipped(), &new).expect("create interview")
}

pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel)
}

pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

pub fn cmd(db: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("fardplan").expect("binary built");
    c.env("FARDPLAN_DB", db).env("FARDPLAN_USER", "testare").env_remove("FARDPLAN_LANG");
    c
}
