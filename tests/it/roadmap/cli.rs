//! `fardplan roadmap` and `fardplan licenses` on a demo database, as a user runs them.

use super::reader;
use crate::support::cmd;
use std::path::{Path, PathBuf};

fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("demo.db");
    cmd(&db).arg("demo").assert().success();
    db
}

fn stderr(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

#[test]
fn municipality_roadmap_is_written_and_the_path_said() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let file = dir.path().join("malmö.pdf");
    let out = cmd(&db).args(["roadmap", "--municipality", "1280", "--out"]).arg(&file).assert().success();
    let msg = stderr(&out);
    assert!(msg.contains("sparades i") && msg.contains("malmö.pdf"), "{msg}");
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // The default round is the latest with an interview: 2022 in the demo data.
    assert!(reader::pages(&bytes)[0].contains("Omgång 2022"));
    // No temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn two_processes_write_byte_identical_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let (a, b) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
    for (file, args) in [(&a, ["--municipality", "1281"]), (&b, ["--municipality", "1281"])] {
        cmd(&db).arg("roadmap").args(args).args(["--round", "2018", "--out"]).arg(file).assert().success();
    }
    assert!(std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(), "the two runs differ");
    let (c, d) = (dir.path().join("c.pdf"), dir.path().join("d.pdf"));
    for file in [&c, &d] {
        cmd(&db).args(["roadmap", "--county", "12", "--out"]).arg(file).assert().success();
    }
    assert!(std::fs::read(&c).unwrap() == std::fs::read(&d).unwrap(), "the two county runs differ");
}

#[test]
fn all_writes_one_pdf_per_interviewed_municipality() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out_dir = dir.path().join("ut");
    let out = cmd(&db).args(["roadmap", "--all", "--round", "2018", "--out-dir"]).arg(&out_dir).assert().success();
    assert!(stderr(&out).contains("33 färdplaner sparades i"), "{}", stderr(&out));
    let mut names: Vec<String> =
        std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
    names.sort();
    assert_eq!(names.len(), 33);
    assert!(names.contains(&"1280-malmo.pdf".to_string()), "{names:?}");
    assert!(names.contains(&"1293-hassleholm.pdf".to_string()), "{names:?}");
}

#[test]
fn mistakes_exit_1_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let x = dir.path().join("x.pdf");
    let cases: [(&[&str], &str); 6] = [
        (&["roadmap"], "ange --municipality KOD, --county LÄN eller --all"),
        (&["roadmap", "--municipality", "9999", "--out", "x.pdf"], "okänd kommunkod \"9999\""),
        (&["roadmap", "--municipality", "0114", "--out", "x.pdf"], "Upplands Väsby (0114) har inga intervjuer"),
        (&["roadmap", "--municipality", "1280"], "ange var PDF:en ska sparas med --out"),
        (
            &["roadmap", "--municipality", "1280", "--round", "2030", "--out", "x.pdf"],
            "har ingen intervju i omgång 2030",
        ),
        (&["roadmap", "--county", "99", "--out", "x.pdf"], "okänd länskod \"99\""),
    ];
    for (args, expected) in cases {
        let out = cmd(&db).current_dir(dir.path()).args(args).assert().code(1);
        assert!(stderr(&out).contains(expected), "{args:?}: {}", stderr(&out));
    }
    assert!(!x.exists());
    let empty = dir.path().join("tom.db");
    let out = cmd(&empty).args(["roadmap", "--all", "--out-dir"]).arg(dir.path().join("o")).assert().code(1);
    assert!(stderr(&out).contains("databasen har inga intervjuer"), "{}", stderr(&out));
}

#[test]
fn unwritable_places_say_why_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let missing = dir.path().join("finns-inte").join("malmo.pdf");
    let out = cmd(&db).args(["roadmap", "--municipality", "1280", "--out"]).arg(&missing).assert().code(1);
    let msg = stderr(&out);
    assert!(
        msg.contains("kan inte skriva") && msg.contains("mappen finns inte") && msg.contains("— skapa den först"),
        "{msg}"
    );
    // A file where the batch's folder should be.
    let taken = dir.path().join("upptagen");
    std::fs::write(&taken, "x").unwrap();
    let out = cmd(&db).args(["roadmap", "--all", "--out-dir"]).arg(&taken).assert().code(1);
    let msg = stderr(&out);
    assert!(msg.contains("kan inte skapa mappen") && msg.contains("välj ett annat mappnamn"), "{msg}");
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "x");
    // Exports say the same.
    let out = cmd(&db).args(["--lang", "en", "export", "--format", "csv", "--out"]).arg(&missing).assert().code(1);
    assert!(stderr(&out).contains("the folder does not exist"), "{}", stderr(&out));
}

#[test]
fn english_messages_with_lang_en() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let file = dir.path().join("lund.pdf");
    let out =
        cmd(&db).args(["--lang", "en", "roadmap", "--municipality", "1281", "--out"]).arg(&file).assert().success();
    assert!(stderr(&out).contains("was saved to"), "{}", stderr(&out));
    assert!(reader::pages(&std::fs::read(&file).unwrap())[0].contains("Digital roadmap"));
}

#[test]
fn licenses_prints_the_dejavu_notice() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd(&dir.path().join("db")).arg("licenses").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("DejaVu Sans"));
    assert!(text.contains("Bitstream Vera Fonts Copyright"));
    assert!(text.contains("Arev Fonts Copyright"));
}
