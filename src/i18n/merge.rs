//! Texts of `fardplan merge`, `conflicts` and `backup`, Swedish and English.

use super::Lang;
use crate::merge::report::{ConflictLine, MergeReport};
use crate::model::AnswerValue;
use crate::store::{ConflictReason, ConflictSide, InterviewStatus, StoreError};
use std::fmt::Write;

fn sv(lang: Lang) -> bool {
    lang == Lang::Sv
}

/// Why the other database cannot be merged. The store's own messages point at `--db`, which
/// is the wrong advice for the file given to `merge`.
pub fn source_error(lang: Lang, e: &StoreError) -> String {
    let s = sv(lang);
    match e {
        StoreError::NotSqlite { path } | StoreError::NotFardplan { path } => {
            if s {
                format!("{}: inte en fardplan-databas — ingenting slogs ihop (filen har inte ändrats)", path.display())
            } else {
                format!("{}: not a fardplan database — nothing was merged (the file was not changed)", path.display())
            }
        }
        StoreError::NewerSchema { path, found, known } => {
            if s {
                format!(
                    "{}: databasen har schemaversion {found}, men programmet känner bara till {known} — uppdatera fardplan innan du slår ihop (filen har inte ändrats)",
                    path.display()
                )
            } else {
                format!(
                    "{}: the database has schema version {found}, this program knows {known} — update fardplan before merging (the file was not changed)",
                    path.display()
                )
            }
        }
        other => super::store_error(lang, other),
    }
}

pub fn same_database(lang: Lang) -> String {
    if sv(lang) {
        "en databas kan inte slås ihop med sig själv — ange den andra intervjuarens fil".into()
    } else {
        "a database cannot be merged into itself — give the other interviewer's file".into()
    }
}

pub fn corrupt_snapshot(lang: Lang, hash: &str) -> String {
    if sv(lang) {
        format!(
            "frågeformuläret {hash} i den andra databasen stämmer inte med sin kontrollsumma — ingenting slogs ihop"
        )
    } else {
        format!("questionnaire {hash} in the other database does not match its checksum — nothing was merged")
    }
}

pub fn no_open_conflict(lang: Lang, interview: &str, question: &str) -> String {
    if sv(lang) {
        format!("ingen öppen konflikt på fråga {question} i intervju {interview} — se `fardplan conflicts`")
    } else {
        format!("no open conflict on question {question} of interview {interview} — see `fardplan conflicts`")
    }
}

pub fn ambiguous_conflict(lang: Lang, interview: &str, question: &str, open: usize) -> String {
    if sv(lang) {
        format!(
            "{open} öppna konflikter på fråga {question} i intervju {interview} — välj med --take ours eller --value"
        )
    } else {
        format!(
            "{open} open conflicts on question {question} of interview {interview} — choose with --take ours or --value"
        )
    }
}

pub fn output_exists(lang: Lang, path: &str) -> String {
    if sv(lang) {
        format!("{path} finns redan — välj ett nytt filnamn (ingenting skrevs över)")
    } else {
        format!("{path} already exists — choose a new file name (nothing was overwritten)")
    }
}

pub fn backup_done(lang: Lang, path: &str, interviews: usize) -> String {
    if sv(lang) {
        format!("säkerhetskopian är klar och kontrollerad: {path} (intervjuer: {interviews})")
    } else {
        format!("backup done and verified: {path} (interviews: {interviews})")
    }
}

pub fn backup_check_failed(lang: Lang, path: &str) -> String {
    if sv(lang) {
        format!("{path}: kopian klarade inte integritetskontrollen — använd den inte")
    } else {
        format!("{path}: the copy failed its integrity check — do not use it")
    }
}

pub fn resolved(lang: Lang, question: &str) -> String {
    if sv(lang) {
        format!("konflikten på {question} är löst")
    } else {
        format!("the conflict on {question} is resolved")
    }
}

pub fn no_open_conflicts(lang: Lang) -> String {
    if sv(lang) { "inga öppna konflikter".into() } else { "no open conflicts".into() }
}

/// Column headers of `fardplan conflicts`; the sides carry the words `--take` uses.
pub fn conflict_columns(lang: Lang) -> [&'static str; 4] {
    if sv(lang) {
        ["Intervju", "Fråga", "Vårt svar (ours)", "Deras svar (theirs)"]
    } else {
        ["Interview", "Question", "Ours", "Theirs"]
    }
}

/// A conflict side in a table cell: the answer, then who and when on a line of its own.
pub fn side_cell(lang: Lang, side: &ConflictSide) -> String {
    let mut out = value_text(lang, side.value.as_ref(), &side.note);
    if let (Some(by), Some(at)) = (&side.changed_by, &side.changed_at) {
        // The table has no room for the zone; stored times are UTC, as the report says.
        out += &format!("\n{by}, {}", when(at).trim_end_matches(" UTC"));
    }
    out
}

pub fn reason(lang: Lang, r: ConflictReason) -> &'static str {
    match (sv(lang), r) {
        (true, ConflictReason::BothChanged) => "ändrat i båda databaserna",
        (true, ConflictReason::AfterCompletion) => "ändrat efter att intervjun avslutats i den andra databasen",
        (true, ConflictReason::Unexplained) => "olika svar utan historik som förklarar skillnaden",
        (false, ConflictReason::BothChanged) => "changed in both databases",
        (false, ConflictReason::AfterCompletion) => "changed after the interview was completed in the other database",
        (false, ConflictReason::Unexplained) => "different answers, no history explains the difference",
    }
}

fn status(lang: Lang, s: InterviewStatus) -> &'static str {
    let t = lang.texts();
    match s {
        InterviewStatus::InProgress => t.status_in_progress,
        InterviewStatus::Completed => t.status_completed,
    }
}

/// "beslutad — ”KF 2019”", "(inget svar)".
pub fn value_text(lang: Lang, value: Option<&AnswerValue>, note: &str) -> String {
    let t = lang.texts();
    let mut out = match value {
        None => (if sv(lang) { "(inget svar)" } else { "(no answer)" }).to_string(),
        Some(AnswerValue::DontKnow) => t.dont_know.to_string(),
        Some(AnswerValue::NotApplicable) => t.not_applicable.to_string(),
        Some(v) => v.to_string(),
    };
    if !note.is_empty() {
        out += &format!(" — ”{note}”");
    }
    out
}

/// "2026-03-01 10:15 UTC" from a stored timestamp.
pub fn when(at: &str) -> String {
    match (at.get(..10), at.get(11..16)) {
        (Some(d), Some(t)) => format!("{d} {t} UTC"),
        _ => at.to_string(),
    }
}

/// One side of a conflict: value, note, who and when.
pub fn side_text(lang: Lang, side: &ConflictSide) -> String {
    let mut out = value_text(lang, side.value.as_ref(), &side.note);
    if let (Some(by), Some(at)) = (&side.changed_by, &side.changed_at) {
        out += &format!(" ({by}, {})", when(at));
    }
    out
}

fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

fn conflict_block(lang: Lang, out: &mut String, c: &ConflictLine) {
    let (here, there, why) = if sv(lang) { ("vårt  ", "deras ", "orsak") } else { ("ours  ", "theirs", "reason") };
    let round = if sv(lang) { "omgång" } else { "round" };
    let question = if sv(lang) { "fråga" } else { "question" };
    let _ = writeln!(
        out,
        "  {} {} · {round} {} · {question} {} · {}",
        c.municipality_code,
        c.municipality,
        c.round,
        c.question_id,
        short(&c.interview_id)
    );
    let _ = writeln!(out, "    {here:<8}{}", side_text(lang, &c.ours));
    let _ = writeln!(out, "    {there:<8}{}", side_text(lang, &c.theirs));
    let _ = writeln!(out, "    {why:<8}{}", reason(lang, c.reason));
}

/// The readable merge report.
pub fn report_text(lang: Lang, r: &MergeReport) -> String {
    let s = sv(lang);
    let c = &r.counts;
    let mut out = String::new();
    let title = match (s, r.dry_run) {
        (true, true) => format!("Provkörning av sammanslagning från {} — ingenting har skrivits", r.source),
        (true, false) => format!("Sammanslagning från {}", r.source),
        (false, true) => format!("Dry run of merging {} — nothing was written", r.source),
        (false, false) => format!("Merged {}", r.source),
    };
    let _ = writeln!(out, "{title}\n");
    if c.new_interviews + c.updated_interviews == 0 {
        let _ = writeln!(
            out,
            "{}",
            if s {
                "Ingenting att göra: allt i den andra databasen finns redan här."
            } else {
                "Nothing to do: everything in the other database is already here."
            }
        );
        return out;
    }
    let rows: [(&str, &str, usize); 7] = [
        ("Nya intervjuer", "New interviews", c.new_interviews),
        ("Uppdaterade intervjuer", "Updated interviews", c.updated_interviews),
        ("Svar tagna från den andra", "Answers taken from the other", c.answers_taken),
        ("Historikrader tillagda", "History rows added", c.history_added),
        ("Konflikter (båda värdena sparade)", "Conflicts (both values kept)", c.conflicts),
        ("Statusändringar", "Status changes", c.status_changes),
        ("Möjliga dubbletter", "Possible duplicates", c.duplicates),
    ];
    for (label_sv, label_en, n) in rows {
        let _ = writeln!(out, "  {:<36} {n:>6}", if s { label_sv } else { label_en });
    }
    if c.conflicts_copied + c.conflicts_resolved_there > 0 {
        let _ = writeln!(
            out,
            "  {:<36} {:>6}\n  {:<36} {:>6}",
            if s { "Konflikter från den andra databasen" } else { "Conflicts from the other database" },
            c.conflicts_copied,
            if s { "Konflikter lösta i den andra" } else { "Conflicts resolved in the other" },
            c.conflicts_resolved_there
        );
    }
    let round = if s { "omgång" } else { "round" };
    if !r.new_interviews.is_empty() {
        let _ = writeln!(out, "\n{}", if s { "Nya intervjuer" } else { "New interviews" });
        for i in &r.new_interviews {
            let answers = if s { "besvarade" } else { "answered" };
            let _ = writeln!(
                out,
                "  {} {} · {round} {} · {} · {} · {answers}: {} · {}",
                i.municipality_code,
                i.municipality,
                i.round,
                i.interviewer,
                status(lang, i.status),
                i.answers,
                short(&i.id)
            );
        }
    }
    let changed: Vec<_> =
        r.updated_interviews.iter().filter(|u| !u.answers_taken.is_empty() || u.status.is_some()).collect();
    if !changed.is_empty() {
        let _ = writeln!(out, "\n{}", if s { "Uppdaterade intervjuer" } else { "Updated interviews" });
        for u in changed {
            let mut line =
                format!("  {} {} · {round} {} · {}", u.municipality_code, u.municipality, u.round, short(&u.id));
            if !u.answers_taken.is_empty() {
                let n = u.answers_taken.len();
                line += &if s { format!(" · tagna svar: {n}") } else { format!(" · answers taken: {n}") };
            }
            match &u.status {
                // Completed on both sides, but completed again later there (after a reopen).
                Some(st) if st.from == st.to => {
                    line += if s { " · avslutad på nytt" } else { " · completed again" };
                }
                Some(st) => line += &format!(" · {} → {}", status(lang, st.from), status(lang, st.to)),
                None => {}
            }
            if u.status_disagreement {
                line += if s {
                    " (avslutad i den ena, återöppnad i den andra: hålls öppen)"
                } else {
                    " (completed in one, reopened in the other: kept open)"
                };
            }
            let _ = writeln!(out, "{line}");
        }
    }
    if !r.conflicts.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            if s {
                "Konflikter — båda värdena är sparade; svaret behåller tills vidare vårt värde (det som fanns här).\nLös dem med `fardplan conflicts resolve --interview ID --question FRÅGA --take ours|theirs`."
            } else {
                "Conflicts — both values are kept; the answer keeps ours (the one that was here) for now.\nResolve them with `fardplan conflicts resolve --interview ID --question QID --take ours|theirs`."
            }
        );
        for line in &r.conflicts {
            conflict_block(lang, &mut out, line);
        }
    }
    if !r.duplicates.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            if s {
                "Möjliga dubbletter — samma kommun och omgång, olika intervjuer; båda behålls"
            } else {
                "Possible duplicates — same municipality and round, different interviews; both are kept"
            }
        );
        let and = if s { "och" } else { "and" };
        for d in &r.duplicates {
            let x = &d.duplicate;
            let _ = writeln!(
                out,
                "  {} {} · {round} {}: {} ({}) {and} {} ({})",
                x.municipality_code,
                d.municipality,
                x.round,
                short(&x.interview_id),
                x.interviewer,
                short(&x.other_id),
                x.other_interviewer
            );
        }
    }
    out
}
