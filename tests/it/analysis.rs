//! `score`, `compare` and `report` on a fixture database with hand-chosen answers, so every
//! expected number below is computed by hand (see the comments), and on the demo dataset for the
//! "Exempeldata" label.

use super::support::{cmd, new_interview};
use calamine::{Data, Reader, Xlsx, open_workbook};
use fardplan::model::AnswerValue;
use fardplan::store::Store;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

const KOMPETENS: [&str; 6] = [
    "kompetens_medarbetare", // weight 2
    "kompetens_ledning",
    "kompetens_skola",
    "kompetens_delaktighet", // weight 2
    "kompetens_motesplatser",
    "kompetens_samverkan",
];

fn choice(ids: &str) -> AnswerValue {
    AnswerValue::Choice(ids.split(',').map(String::from).collect())
}

fn set(store: &Store, id: &str, question: &str, value: AnswerValue, note: &str) {
    store.set_answer(id, question, Some(&value), note, "test").expect("set answer");
}

/// Skåne 2022: Malmö, Lund, Helsingborg; Malmö also 2018; Stockholm 2022.
///
/// D-kompetens (total weight 8):
/// - Malmö 2022: all six at level 3 → 25 × 3 = 75, coverage 8/8.
/// - Malmö 2018: all six at level 2 → 50, so the change is +25.
/// - Lund: medarbetare 4 (w2) + ledning 2 (w1) → 25 × (8 + 2) / 3 = 83.33, coverage 3/8 = 37.5 %
///   → uncertain.
/// - Helsingborg: all six at level 1 → 25.
///
/// County median of D-kompetens = median(75, 83.33, 25) = 75; Malmö ranks 2 of 3.
fn fixture(dir: &Path) -> PathBuf {
    let db = dir.join("fixture.db");
    let store = Store::open(&db).expect("open store");
    let malmo18 = new_interview(&store, "1280", "2018").id;
    for q in KOMPETENS {
        set(&store, &malmo18, q, choice("2"), "");
    }
    let malmo = new_interview(&store, "1280", "2022").id;
    for q in KOMPETENS {
        set(&store, &malmo, q, choice("3"), "");
    }
    set(&store, &malmo, "strategi_status", choice("beslutad"), "KF 2021");
    set(&store, &malmo, "strategisk_funktion", choice("ja"), "");
    set(&store, &malmo, "funktion_titel", choice("it_strateg"), "");
    let lund = new_interview(&store, "1281", "2022").id;
    set(&store, &lund, "kompetens_medarbetare", choice("4"), "");
    set(&store, &lund, "kompetens_ledning", choice("2"), "");
    set(&store, &lund, "strategi_status", choice("nej"), "");
    set(&store, &lund, "strategisk_funktion", choice("nej"), "");
    set(&store, &lund, "utmaningar", AnswerValue::Text("=HYPERLINK(\"http://x\")".into()), "-ring tillbaka");
    let hbg = new_interview(&store, "1283", "2022").id;
    for q in KOMPETENS {
        set(&store, &hbg, q, choice("1"), "");
    }
    set(&store, &hbg, "strategi_status", choice("beslutad"), "");
    let sthlm = new_interview(&store, "0180", "2022").id;
    set(&store, &sthlm, "kompetens_ledning", choice("4"), "");
    db
}

fn run(db: &Path, args: &[&str]) -> String {
    let out = cmd(db).args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).expect("utf-8 output")
}

fn fails(db: &Path, args: &[&str]) -> String {
    let out = cmd(db).args(args).assert().code(1).stdout("");
    String::from_utf8(out.get_output().stderr.clone()).expect("utf-8 stderr")
}

fn fits_80(text: &str) {
    for line in text.lines() {
        assert!(line.width() <= 80, "wider than 80 columns ({}): {line}", line.width());
    }
}

#[test]
fn score_shows_hand_computed_figures_in_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture(dir.path());
    let text = run(&db, &["score", "--municipality", "1280"]);
    fits_80(&text);
    assert!(text.starts_with("Malmö (1280), Skåne län, omgång 2022\n"), "{text}");
    let row = text.lines().find(|l| l.contains("D-kompetens")).expect("kompetens row");
    for expected in ["75,0", "100 %", "Utvecklad", "2 av 3", "+25,0"] {
        assert!(row.contains(expected), "{expected:?} missing in {row:?}");
    }
    assert!(text.contains("? = osäker poäng"), "{text}");
    assert!(text.contains("Förändring sedan 2018"), "{text}");

    let lund = run(&db, &["score", "--municipality", "1281"]);
    let row = lund.lines().find(|l| l.contains("D-kompetens")).expect("kompetens row");
    assert!(row.contains("83,3?"), "uncertain score must be marked: {row}");

    let old = run(&db, &["score", "--municipality", "1280", "--round", "2018"]);
    assert!(old.lines().any(|l| l.contains("D-kompetens") && l.contains("50,0")), "{old}");
    assert!(old.contains("ingen tidigare omgång"), "{old}");
}

#[test]
fn score_json_and_csv_carry_the_same_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture(dir.path());
    let v: serde_json::Value =
        serde_json::from_str(&run(&db, &["score", "--municipality", "1281", "--format", "json"])).unwrap();
    assert_eq!(v["exempeldata"], false);
    let k = &v["subgoals"][0];
    assert!((k["score"].as_f64().unwrap() - 250.0 / 3.0).abs() < 1e-9);
    assert_eq!(k["coverage"], 0.375);
    assert_eq!(k["uncertain"], true);
    assert_eq!(k["rank_in_county"], 1);
    let csv = run(&db, &["score", "--municipality", "1281", "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(
        lines.next().unwrap().starts_with("municipality_code,municipality,round,subgoal,score,coverage,uncertain,")
    );
    let kompetens = lines.next().unwrap();
    assert!(kompetens.starts_with("1281,Lund,2022,kompetens,83.3333,0.375,true,"), "{kompetens}");
}

#[test]
fn score_errors_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture(dir.path());
    assert!(fails(&db, &["score", "--municipality", "9999"]).contains("okänd kommunkod"));
    assert!(fails(&db, &["score", "--municipality", "0114"]).contains("Upplands Väsby (0114): inga intervjuer"));
    assert!(fails(&db, &["score", "--municipality", "1280", "--round", "2030"]).contains("omgång 2030"));
    assert!(fails(&db, &["score", "--municipality", "1280", "--format", "xlsx"]).contains("table, csv, json"));
}

#[test]
fn compare_a_county_as_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture(dir.path());
    let text = run(&db, &["compare", "--county", "12"]);
    fits_80(&text);
    assert!(text.starts_with("Jämförelse Skåne län, omgång 2022\n3 av 33 kommuner intervjuade\n"), "{text}");
    let lund = text.lines().find(|l| l.contains("Lund")).expect("Lund row");
    assert!(lund.contains("83?"), "{lund}");
    let malmo = text.lines().find(|l| l.contains("Malmö")).expect("Malmö row");
    // Index = mean of the sub-goals with a score: Malmö (75 + 100 for "beslutad") / 2 = 87.5,
    // uncertain because three have none; Lund (83.3 + 0) / 2, Helsingborg (25 + 100) / 2, so
    // Malmö ranks 1 of 3. Malmö 2018 had only D-kompetens 50: change +37.5.
    assert!(malmo.contains("88?") && malmo.contains("1/3") && malmo.contains("+38"), "{malmo}");
    assert!(!text.contains("Stockholm"), "another county");
    let median = text.lines().find(|l| l.contains("Median")).expect("median row");
    assert!(median.contains("75"), "{median}");
    assert!(text.contains("? = osäker poäng"));
}

#[test]
fn compare_selections_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture(dir.path());
    let all: serde_json::Value = serde_json::from_str(&run(&db, &["compare", "--format", "json"])).unwrap();
    assert_eq!(all["municipalities"].as_array().unwrap().len(), 4);
    assert_eq!(all["exempeldata"], false);
    assert_eq!(all["round"], "2022");
    let two: serde_json::Value =
        serde_json::from_str(&run(&db, &["compare", "--municipalities", "1280,0180", "--format", "json"])).unwrap();
    let codes: Vec<&str> =
        two["municipalities"].as_array().unwrap().iter().map(|m| m["municipality_code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["0180", "1280"]);
    assert_eq!(two["summary"]["interviewed"], 2);
    let csv = run(&db, &["compare", "--county", "12", "--format", "csv"]);
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("municipality_code,municipality,county_code,county,skr_group,round,previous_round,kompetens_score,kompetens_coverage,kompetens_uncertain,"), "{header}");
    assert!(header.ends_with(",interview_id,exempeldata"), "{header}");
    let lund = csv.lines().find(|l| l.starts_with("1281,")).unwrap();
    assert!(lund.contains(",83.3333,0.375,true,"), "{lund}");
    assert!(fails(&db, &["compare", "--county", "99"]).contains("okänd länskod"));
    assert!(fails(&db, &["compare", "--group", "Z9"]).contains("okänd kommungrupp"));
    assert!(fails(&db, &["compare", "--county", "25"]).contains("Norrbottens län: inga intervjuer"));
    cmd(&db).args(["compare", "--county", "12", "--group", "B4"]).assert().code(1);
}

fn sheet_rows(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).expect("open xlsx");
    let range = book.worksheet_range(name).expect("sheet present");
    range.rows().map(|r| r.to_vec()).collect()
}

fn sheet_names(path: &Path) -> Vec<String> {
    let book: Xlsx<_> = open_workbook(path).expect("open xlsx");
    book.sheet_names()
}

#[test]
fn compare_xlsx_has_swedish_headers_and_numbers_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture(dir.path());
    let out = dir.path().join("jamforelse.xlsx");
    cmd(&db).args(["compare", "--county", "12", "--format", "xlsx", "--out"]).arg(&out).assert().success().stdout("");
    assert_eq!(sheet_names(&out), ["Poäng", "Statistik"]);
    let rows = sheet_rows(&out, "Poäng");
    assert!(rows[0][0].to_string().starts_with("Jämförelse Skåne län, omgång 2022"));
    let header: Vec<String> = rows[1].iter().map(|c| c.to_string()).collect();
    assert_eq!(&header[..3], ["Kod", "Kommun", "Län (kod)"]);
    let score_col = header.iter().position(|h| h == "D-kompetens poäng").expect("score column");
    let lund = rows.iter().find(|r| r[0] == Data::String("1281".into())).expect("Lund row");
    match &lund[score_col] {
        Data::Float(v) => assert!((v - 250.0 / 3.0).abs() < 1e-9),
        other => panic!("score stored as {other:?}, not a number"),
    }
    let stats = sheet_rows(&out, "Statistik");
    assert_eq!(stats[1][0].to_string(), "Delmål");
    assert_eq!(stats[1][6].to_string(), "Median");
    assert_eq!(stats[2][6], Data::Float(75.0));
    assert_eq!(stats[2][1], Data::Float(3.0));
}

#[test]
fn xlsx_goes_to_stdout_only_when_it_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture(dir.path());
    // assert_cmd captures stdout through a pipe, so the bytes come through.
    let out = cmd(&db).args(["compare", "--format", "xlsx"]).assert().success();
    assert!(out.get_output().stdout.starts_with(b"PK"), "a zip (xlsx) file");
}

#[test]
fn report_text_states_its_denominator() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture(dir.path());
    let text = run(&db, &["report", "--county", "12"]);
    fits_80(&text);
    assert!(text.starts_with("Nulägesanalys Skåne län, omgång 2022\n"), "{text}");
    assert!(text.contains("Alla procent anges av de 3 intervjuade kommunerna."), "{text}");
    assert!(text.contains("(av 3 intervjuade kommuner)"), "{text}");
    // strategi_status: beslutad 2 of 3 = 67 %, nej 1 of 3 = 33 %.
    let beslutad = text.lines().find(|l| l.contains("Den är beslutad")).expect("option line");
    assert!(beslutad.contains(" 2 ") && beslutad.contains("67 %"), "{beslutad}");
    let titel = text.lines().find(|l| l.contains("IT-strateg")).expect("title option");
    assert!(titel.contains("33 %"), "{titel}");
    assert!(text.contains("Frågan visades inte 2"), "funktion_titel is shown only after a yes: {text}");
    assert!(text.contains("Lund: =HYPERLINK(\"http://x\") — Anteckning: -ring tillbaka"), "{text}");
    assert!(text.contains("Besökta kommuner (3)"), "{text}");
    assert!(
        text.contains("Helsingborg, Lund, Malmö")
            || text.contains("Malmö, Lund, Helsingborg")
            || text.contains("Helsingborg")
    );
}

#[test]
fn report_csv_neutralises_formula_like_answers() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture(dir.path());
    let csv = run(&db, &["report", "--county", "12", "--format", "csv"]);
    assert!(csv.starts_with("part,section,question_id,question,option_id,option,count,share,denominator,municipality_code,municipality,answer,note,exempeldata\n"));
    let row = csv.lines().find(|l| l.contains("utmaningar") && l.contains("1281")).expect("free-text row");
    assert!(row.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "text answer neutralised: {row}");
    assert!(row.contains(",'-ring tillbaka,"), "note neutralised: {row}");
    assert!(!csv.lines().any(|l| l.split(',').any(|c| c.starts_with('=') || c.starts_with("\"="))));
    let beslutad = csv.lines().find(|l| l.contains(",beslutad,")).expect("option row");
    assert!(beslutad.contains(",2,0.6667,3,"), "{beslutad}");
}

#[test]
fn report_xlsx_has_three_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture(dir.path());
    let out = dir.path().join("rapport.xlsx");
    cmd(&db).args(["report", "--county", "12", "--format", "xlsx", "--out"]).arg(&out).assert().success();
    assert_eq!(sheet_names(&out), ["Fördelningar", "Fritext", "Besökta"]);
    let dist = sheet_rows(&out, "Fördelningar");
    let header: Vec<String> = dist[1].iter().map(|c| c.to_string()).collect();
    assert_eq!(&header[..6], ["Avsnitt", "Fråga", "Svarsalternativ", "Antal", "Procent", "Av (intervjuade kommuner)"]);
    let beslutad = dist.iter().find(|r| r[2] == Data::String("Den är beslutad".into())).expect("row");
    assert_eq!(beslutad[3], Data::Float(2.0));
    assert_eq!(beslutad[5], Data::Float(3.0));
    let free = sheet_rows(&out, "Fritext");
    assert!(free.iter().any(|r| r[4] == Data::String("=HYPERLINK(\"http://x\")".into())), "stored as text");
    assert_eq!(sheet_rows(&out, "Besökta").len(), 2 + 3);
}

#[test]
fn demo_data_is_labelled_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("exempel.db");
    cmd(&db).args(["demo"]).assert().success();
    let table = run(&db, &["compare", "--county", "12"]);
    fits_80(&table);
    assert!(table.lines().next().unwrap().contains("Exempeldata"), "{table}");
    let csv = run(&db, &["compare", "--county", "12", "--format", "csv"]);
    assert!(csv.lines().skip(1).all(|l| l.ends_with(",Exempeldata")), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&run(&db, &["compare", "--format", "json"])).unwrap();
    assert_eq!(json["exempeldata"], true);
    assert!(run(&db, &["score", "--municipality", "1280"]).contains("Exempeldata"));
    let report = run(&db, &["report", "--county", "12"]);
    fits_80(&report);
    assert!(report.lines().next().unwrap().contains("Exempeldata"));
    assert!(report.contains("av 33 intervjuade kommuner"));
    let out = dir.path().join("r.xlsx");
    cmd(&db).args(["report", "--county", "12", "--format", "xlsx", "--out"]).arg(&out).assert().success();
    let rows = sheet_rows(&out, "Besökta");
    assert!(rows[0][0].to_string().contains("Exempeldata"));
    assert!(rows.iter().skip(2).all(|r| r[2] == Data::String("Exempeldata".into())));
}
