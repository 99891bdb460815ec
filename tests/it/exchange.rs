//! Export and import: JSON round trip, CSV checks, all-or-nothing.

use super::support::{new_interview, shipped};
use fardplan::exchange::import::{ImportError, ImportProblem, import};
use fardplan::exchange::{csv_long, json};
use fardplan::model::AnswerValue;
use fardplan::store::Store;

fn filled_store() -> Store {
    let store = Store::open_in_memory().unwrap();
    let a = new_interview(&store, "1280", "2018");
    let b = new_interview(&store, "2580", "2026");
    let set = |id: &str, q: &str, v: AnswerValue, note: &str| store.set_answer(id, q, Some(&v), note, "anna").unwrap();
    set(&a.id, "strategi_status", AnswerValue::Choice(vec!["ja".into()]), "Antagen av KS, \"2017\"");
    set(&a.id, "strategi_status", AnswerValue::Choice(vec!["beslutad".into()]), "Antagen av KF");
    set(&a.id, "skal_digitalisering", AnswerValue::Choice(vec!["effektivisera".into(), "mer_per_krona".into()]), "");
    set(&a.id, "bredband_100mbit", AnswerValue::Number(97.5), "PTS 2018");
    set(&a.id, "utmaningar", AnswerValue::Text("=Kompetens; åäö\nrad två".into()), "");
    set(&b.id, "trygghet_informationssakerhet", AnswerValue::Choice(vec!["2".into()]), "");
    set(&b.id, "infrastruktur_landsbygd", AnswerValue::NotApplicable, "Ingen landsbygd");
    set(&b.id, "kompetens_skola", AnswerValue::DontKnow, "");
    store.set_answer(&b.id, "pa_gang", None, "Bara en anteckning", "anna").unwrap();
    store.complete(&a.id, "anna").unwrap();
    store.reopen(&a.id, "bo", "Rättelse").unwrap();
    store.complete(&a.id, "bo").unwrap();
    store
}

#[test]
fn json_export_import_export_is_identical() {
    let source = filled_store();
    let first = json::to_string(&json::export(&source).unwrap());
    let target = Store::open_in_memory().unwrap();
    let summary = import(&target, &first, &shipped(), "importör").unwrap();
    assert_eq!(summary.interviews_created, 2);
    let second = json::to_string(&json::export(&target).unwrap());
    assert_eq!(first, second);
}

#[test]
fn json_import_of_existing_interviews_is_refused_whole() {
    let store = filled_store();
    let text = json::to_string(&json::export(&store).unwrap());
    let before = json::to_string(&json::export(&store).unwrap());
    let Err(ImportError::Rejected(errors)) = import(&store, &text, &shipped(), "x") else { panic!("must be rejected") };
    assert_eq!(errors.len(), 2);
    assert!(errors.iter().all(|e| matches!(e.problem, ImportProblem::InterviewExists(_))));
    assert_eq!(json::to_string(&json::export(&store).unwrap()), before);
}

#[test]
fn csv_round_trip_through_a_new_database() {
    let source = filled_store();
    let rows = csv_long::rows(&source).unwrap();
    let mut buf = Vec::new();
    csv_long::write(&rows, &mut buf).unwrap();
    let text = String::from_utf8(buf).unwrap();
    assert!(text.starts_with("municipality_code,municipality,round,interview_id,question_id,value,note,answered_at\n"));
    // Formula-looking text is neutralised in the file…
    assert!(text.contains("'=Kompetens; åäö"));
    let target = Store::open_in_memory().unwrap();
    import(&target, &text, &shipped(), "x").unwrap();
    let again = csv_long::rows(&target).unwrap();
    // …and restored on import. Completed interviews come back as in progress (CSV carries answers only).
    assert_eq!(again, rows);
}

const HEADER: &str = "municipality_code,municipality,round,interview_id,question_id,value,note,answered_at\n";

#[test]
fn every_bad_csv_row_is_reported_and_nothing_is_written() {
    let store = filled_store();
    let before = json::to_string(&json::export(&store).unwrap());
    let text = format!(
        "{HEADER}\
1280,Malmö,2030,,strategi_status,ja,,\n\
9999,Atlantis,2030,,strategi_status,ja,,\n\
1280,Malmö,2030,,finns_inte,ja,,\n\
1280,Malmö,2030,,strategi_status,kanske,,\n\
1280,Malmö,2030,,bredband_100mbit,150,,\n\
1280,Malmö,2030,,strategi_status,nej,,\n\
1280,Lund,2030,,utmaningar,text,,\n\
1280,Malmö,2030,,pa_gang,,,\n\
1280,Malmö,2030,,strategisk_funktion,ja,nej,\n"
    );
    let Err(ImportError::Rejected(errors)) = import(&store, &text, &shipped(), "x") else { panic!("must be rejected") };
    let got: Vec<(usize, String)> = errors.iter().map(|e| (e.row, format!("{:?}", e.problem))).collect();
    let rows: Vec<usize> = got.iter().map(|(r, _)| *r).collect();
    assert_eq!(rows, [3, 4, 5, 6, 7, 8, 9], "{got:#?}");
    assert!(got[0].1.contains("UnknownMunicipality"));
    assert!(got[1].1.contains("UnknownQuestion"));
    assert!(got[2].1.contains("UnknownOption(\"kanske\")"), "{}", got[2].1);
    assert!(got[3].1.contains("OutOfRange"));
    assert!(got[4].1.contains("DuplicateRow { first_row: 2 }"));
    assert!(got[5].1.contains("NameMismatch"));
    assert!(got[6].1.contains("EmptyRow"));
    assert_eq!(json::to_string(&json::export(&store).unwrap()), before, "a rejected import changed the database");
}

#[test]
fn csv_with_a_wrong_header_is_rejected() {
    let store = Store::open_in_memory().unwrap();
    let Err(ImportError::Rejected(errors)) = import(&store, "kommun;svar\nMalmö;ja\n", &shipped(), "x") else {
        panic!("must be rejected")
    };
    assert!(matches!(errors[0].problem, ImportProblem::BadHeader { .. }));
    assert_eq!(errors[0].row, 1);
}

#[test]
fn csv_rows_without_interview_id_create_one_interview_per_municipality_and_round() {
    let store = Store::open_in_memory().unwrap();
    let text = format!(
        "{HEADER}1280,Malmö,2026,,strategi_status,ja,,\n1280,Malmö,2026,,bredband_1gbit,\"97,5\",,\n0114,,2026,,strategi_status,nej,,\n"
    );
    let summary = import(&store, &text, &shipped(), "x").unwrap();
    assert_eq!(summary.interviews_created, 2);
    assert_eq!(summary.answers_written, 3);
    let malmo = store
        .interviews(&fardplan::store::InterviewFilter { municipality_code: Some("1280".into()), round: None })
        .unwrap();
    assert_eq!(malmo.len(), 1);
    let a = store.answer(&malmo[0].id, "bredband_1gbit").unwrap().unwrap();
    assert_eq!(a.value, Some(AnswerValue::Number(97.5)));
}
