//! Messages with parameters for the CLI and errors, both languages side by side.

use super::Lang;
use crate::exchange::import::{ImportProblem, RowError};
use crate::model::answer::ValueError;
use crate::store::StoreError;

fn sv(lang: Lang) -> bool {
    lang == Lang::Sv
}

pub fn store_error(lang: Lang, e: &StoreError) -> String {
    let s = sv(lang);
    match e {
        StoreError::NotSqlite { path } => {
            if s {
                format!(
                    "{}: filen är ingen SQLite-databas — ange en fardplan-databas med --db (filen har inte ändrats)",
                    path.display()
                )
            } else {
                format!(
                    "{}: not an SQLite database — point --db at a fardplan database (the file was not changed)",
                    path.display()
                )
            }
        }
        StoreError::NotFardplan { path } => {
            if s {
                format!(
                    "{}: en SQLite-databas, men inte fardplans — välj en annan fil med --db (filen har inte ändrats)",
                    path.display()
                )
            } else {
                format!(
                    "{}: an SQLite database, but not fardplan's — choose another file with --db (the file was not changed)",
                    path.display()
                )
            }
        }
        StoreError::NewerSchema { path, found, known } => {
            if s {
                format!(
                    "{}: databasen har schemaversion {found}, men programmet känner bara till {known} — uppdatera fardplan (filen har inte ändrats)",
                    path.display()
                )
            } else {
                format!(
                    "{}: the database has schema version {found}, this program knows {known} — update fardplan (the file was not changed)",
                    path.display()
                )
            }
        }
        StoreError::Io { path, source } => {
            if s {
                format!("{}: {source} — kontrollera sökvägen och behörigheterna", path.display())
            } else {
                format!("{}: {source} — check the path and permissions", path.display())
            }
        }
        StoreError::UnknownInterview(id) => {
            if s {
                format!("ingen intervju med id {id} — se `fardplan interview list`")
            } else {
                format!("no interview with id {id} — see `fardplan interview list`")
            }
        }
        StoreError::Completed(id) => {
            if s {
                format!(
                    "intervjun {id} är avslutad och skrivskyddad — öppna den igen med `fardplan interview reopen {id} --reason …`"
                )
            } else {
                format!(
                    "interview {id} is completed and read-only — reopen it with `fardplan interview reopen {id} --reason …`"
                )
            }
        }
        StoreError::NotCompleted(id) => {
            if s {
                format!("intervjun {id} är inte avslutad")
            } else {
                format!("interview {id} is not completed")
            }
        }
        StoreError::NoOpenConflict { interview, question } => super::merge::no_open_conflict(lang, interview, question),
        StoreError::AmbiguousConflict { interview, question, open } => {
            super::merge::ambiguous_conflict(lang, interview, question, *open)
        }
        StoreError::OutputExists { path } => super::merge::output_exists(lang, &path.display().to_string()),
        StoreError::Snapshot { hash, errors } => format!("{hash}: {errors}"),
        StoreError::Sqlite(e) => {
            if s {
                format!("databasfel: {e}")
            } else {
                format!("database error: {e}")
            }
        }
    }
}

pub fn unknown_county(lang: Lang, cc: &str, known: &str) -> String {
    if sv(lang) {
        format!("okänd länskod {cc:?} — använd en av {known}")
    } else {
        format!("unknown county code {cc:?} — use one of {known}")
    }
}

pub fn unknown_municipality(lang: Lang, code: &str) -> String {
    if sv(lang) {
        format!("okänd kommunkod {code:?} — se `fardplan municipalities` (fyra siffror, t.ex. 1280)")
    } else {
        format!("unknown municipality code {code:?} — see `fardplan municipalities` (four digits, e.g. 1280)")
    }
}

pub fn empty_round(lang: Lang) -> String {
    if sv(lang) {
        "omgången får inte vara tom — ange t.ex. --round 2026".into()
    } else {
        "the round must not be empty — give e.g. --round 2026".into()
    }
}

pub fn unknown_questionnaire(lang: Lang, id: &str) -> String {
    if sv(lang) {
        format!("okänt frågeformulär {id:?} — se katalogen questionnaires/")
    } else {
        format!("unknown questionnaire {id:?} — see the questionnaires/ folder")
    }
}

pub fn unknown_question(lang: Lang, qid: &str, questionnaire: &str) -> String {
    if sv(lang) {
        format!("frågan {qid:?} finns inte i formuläret {questionnaire} — se `fardplan questionnaire show`")
    } else {
        format!("question {qid:?} is not in questionnaire {questionnaire} — see `fardplan questionnaire show`")
    }
}

pub fn reason_needed(lang: Lang) -> String {
    if sv(lang) {
        "ange varför intervjun öppnas igen med --reason".into()
    } else {
        "say why the interview is reopened with --reason".into()
    }
}

pub fn value_error(lang: Lang, qid: &str, value: &str, e: &ValueError) -> String {
    let s = sv(lang);
    let why = match e {
        ValueError::Empty => {
            if s {
                "värdet är tomt".to_string()
            } else {
                "the value is empty".to_string()
            }
        }
        ValueError::UnknownOption(o) => {
            if s {
                format!("frågan har inget alternativ {o:?} (se `fardplan questionnaire show`)")
            } else {
                format!("the question has no option {o:?} (see `fardplan questionnaire show`)")
            }
        }
        ValueError::OneOnly => {
            if s {
                "bara ett alternativ får väljas".into()
            } else {
                "only one option may be chosen".into()
            }
        }
        ValueError::Duplicate(o) => {
            if s {
                format!("alternativet {o:?} står två gånger")
            } else {
                format!("option {o:?} is given twice")
            }
        }
        ValueError::NotANumber(v) => {
            if s {
                format!("{v:?} är inget tal")
            } else {
                format!("{v:?} is not a number")
            }
        }
        ValueError::OutOfRange { min, max, .. } => {
            if s {
                format!("talet ligger utanför {min}–{max}")
            } else {
                format!("the number is outside {min}–{max}")
            }
        }
        ValueError::NaNotAllowed => {
            if s {
                "\"Ej tillämpligt\" erbjuds inte för frågan; använd vet-ej".into()
            } else {
                "\"Ej tillämpligt\" is not offered for this question; use vet-ej".into()
            }
        }
    };
    if s {
        format!("ogiltigt svar {value:?} på {qid}: {why}")
    } else {
        format!("invalid answer {value:?} to {qid}: {why}")
    }
}

pub fn import_done(lang: Lang, interviews: usize, answers: usize) -> String {
    if sv(lang) {
        format!("importerat: {interviews} nya intervjuer, {answers} svar")
    } else {
        format!("imported: {interviews} new interviews, {answers} answers")
    }
}

pub fn import_rejected(lang: Lang, n: usize) -> String {
    if sv(lang) {
        format!("{n} fel; ingenting importerades — rätta raderna och försök igen")
    } else {
        format!("{n} error(s); nothing was imported — fix the rows and try again")
    }
}

pub fn import_row_error(lang: Lang, file: &str, e: &RowError) -> String {
    let s = sv(lang);
    let what = match &e.problem {
        ImportProblem::Format(d) => {
            if s {
                format!("formatfel: {d}")
            } else {
                format!("format error: {d}")
            }
        }
        ImportProblem::BadHeader { found } => {
            if s {
                format!(
                    "fel rubrikrad ({}); förväntad: {}",
                    found.join(","),
                    crate::exchange::csv_long::HEADER.join(",")
                )
            } else {
                format!("wrong header ({}); expected: {}", found.join(","), crate::exchange::csv_long::HEADER.join(","))
            }
        }
        ImportProblem::UnknownMunicipality(c) => unknown_municipality(lang, c),
        ImportProblem::NameMismatch { code, given, expected } => {
            if s {
                format!("kommunkod {code} heter {expected:?}, inte {given:?}")
            } else {
                format!("municipality {code} is {expected:?}, not {given:?}")
            }
        }
        ImportProblem::UnknownQuestion(q) => {
            if s {
                format!("okänd fråga {q:?}")
            } else {
                format!("unknown question {q:?}")
            }
        }
        ImportProblem::BadValue { question, value, error } => value_error(lang, question, value, error),
        ImportProblem::DuplicateRow { first_row } => {
            if s {
                format!("samma intervju och fråga som rad {first_row}")
            } else {
                format!("same interview and question as row {first_row}")
            }
        }
        ImportProblem::EmptyRow => {
            if s {
                "varken svar eller anteckning".into()
            } else {
                "neither answer nor note".into()
            }
        }
        ImportProblem::UnknownInterview(i) => {
            if s {
                format!("ogiltigt intervju-id {i:?} (ska vara ett UUID eller tomt)")
            } else {
                format!("invalid interview id {i:?} (a UUID or empty)")
            }
        }
        ImportProblem::InterviewMismatch { interview } => {
            if s {
                format!("intervjun {interview} gäller en annan kommun eller omgång")
            } else {
                format!("interview {interview} belongs to another municipality or round")
            }
        }
        ImportProblem::InterviewCompleted(i) => {
            if s {
                format!("intervjun {i} är avslutad och skrivskyddad")
            } else {
                format!("interview {i} is completed and read-only")
            }
        }
        ImportProblem::InterviewExists(i) => {
            if s {
                format!("intervjun {i} finns redan i databasen — använd `fardplan merge` för att slå ihop")
            } else {
                format!("interview {i} already exists — use `fardplan merge` to combine databases")
            }
        }
        ImportProblem::SnapshotCorrupt(h) => {
            if s {
                format!("formuläret {h} stämmer inte med sin kontrollsumma")
            } else {
                format!("questionnaire {h} does not match its checksum")
            }
        }
        ImportProblem::UnknownSnapshot(h) => {
            if s {
                format!("okänt formulär {h}")
            } else {
                format!("unknown questionnaire {h}")
            }
        }
    };
    let row = if s { "rad" } else { "row" };
    format!("{file}: {row} {}: {what}", e.row)
}

pub fn needs_terminal(lang: Lang) -> String {
    if sv(lang) {
        "fardplan utan underkommando öppnar ett fönster i terminalen, men utdata går inte till en terminal — kör det i en terminal, eller se `fardplan --help` för kommandon".into()
    } else {
        "fardplan without a subcommand opens a terminal screen, but output is not a terminal — run it in a terminal, or see `fardplan --help` for commands".into()
    }
}

pub fn demo_refused_real(lang: Lang, db: &str) -> String {
    if sv(lang) {
        format!(
            "{db} innehåller riktiga intervjuer; exempeldata blandas aldrig med dem — ange en egen fil, t.ex. `fardplan demo --db exempel.db`"
        )
    } else {
        format!(
            "{db} holds real interviews; example data is never mixed with them — give a file of its own, e.g. `fardplan demo --db example.db`"
        )
    }
}

pub fn demo_refused_twice(lang: Lang, db: &str) -> String {
    if sv(lang) {
        format!("{db} innehåller redan exempeldata — öppna den med `fardplan --db {db}`")
    } else {
        format!("{db} already holds example data — open it with `fardplan --db {db}`")
    }
}

pub fn demo_done(lang: Lang, interviews: usize, answers: usize, db: &str) -> String {
    if sv(lang) {
        format!(
            "Exempeldata: {interviews} intervjuer med {answers} svar i {db} (påhittade svar, inte riktiga kommuners) — öppna med `fardplan --db {db}`"
        )
    } else {
        format!(
            "Example data: {interviews} interviews with {answers} answers in {db} (invented answers, not real municipalities') — open with `fardplan --db {db}`"
        )
    }
}

pub fn format_not_here(lang: Lang, format: &str, allowed: &str) -> String {
    if sv(lang) {
        format!("--format {format} finns inte för det här kommandot — använd {allowed}")
    } else {
        format!("--format {format} is not available for this command — use {allowed}")
    }
}

pub fn unknown_user(lang: Lang) -> &'static str {
    if sv(lang) { "okänd" } else { "unknown" }
}

pub fn config_error(lang: Lang, path: &str, detail: &str) -> String {
    if sv(lang) {
        format!("{path}: {detail} — rätta filen eller ta bort den (tillåtna nycklar: lang, interviewer)")
    } else {
        format!("{path}: {detail} — fix the file or remove it (allowed keys: lang, interviewer)")
    }
}
