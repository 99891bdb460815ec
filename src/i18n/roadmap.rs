//! Messages of `fardplan roadmap` and `fardplan licenses`, both languages side by side.

use super::Lang;

fn sv(lang: Lang) -> bool {
    lang == Lang::Sv
}

pub fn roadmap_usage(lang: Lang) -> String {
    if sv(lang) {
        "ange --municipality KOD, --county LÄN eller --all, eller `roadmap check FIL...` — se `fardplan roadmap --help`"
            .into()
    } else {
        "give --municipality CODE, --county CC or --all, or `roadmap check FILE...` — see `fardplan roadmap --help`"
            .into()
    }
}

pub fn roadmap_needs_out(lang: Lang) -> String {
    if sv(lang) {
        "ange var PDF:en ska sparas med --out FIL.pdf".into()
    } else {
        "say where to save the PDF with --out FILE.pdf".into()
    }
}

pub fn roadmap_needs_out_dir(lang: Lang) -> String {
    if sv(lang) {
        "ange en mapp för PDF:erna med --out-dir MAPP".into()
    } else {
        "give a folder for the PDFs with --out-dir DIR".into()
    }
}

/// No interview at all for the default round; `what` names the municipality or county, or is
/// empty for the whole database.
pub fn roadmap_no_interviews(lang: Lang, what: &str) -> String {
    match (sv(lang), what.is_empty()) {
        (true, true) => {
            "databasen har inga intervjuer — lägg till en med `fardplan interview new` eller prova med `fardplan demo`"
                .into()
        }
        (true, false) => format!("{what} har inga intervjuer — lägg till en med `fardplan interview new`"),
        (false, true) => {
            "the database has no interviews — add one with `fardplan interview new` or try `fardplan demo`".into()
        }
        (false, false) => format!("{what} has no interviews — add one with `fardplan interview new`"),
    }
}

pub fn roadmap_no_interview(lang: Lang, name: &str, round: &str) -> String {
    if sv(lang) {
        format!(
            "{name} har ingen intervju i omgång {round} — välj en annan omgång med --round, se `fardplan interview list`"
        )
    } else {
        format!(
            "{name} has no interview in round {round} — choose another round with --round, see `fardplan interview list`"
        )
    }
}

pub fn roadmap_no_county_interviews(lang: Lang, cc: &str, round: &str) -> String {
    if sv(lang) {
        format!("ingen kommun i län {cc} har en intervju i omgång {round} — välj en annan omgång med --round")
    } else {
        format!("no municipality of county {cc} has an interview in round {round} — choose another round with --round")
    }
}

pub fn unknown_catalogue(lang: Lang, id: &str) -> String {
    if sv(lang) {
        format!("katalogen {id:?} finns inte — standardkatalogen heter \"inriktningar\"")
    } else {
        format!("there is no catalogue {id:?} — the shipped one is \"inriktningar\"")
    }
}

pub fn roadmap_written(lang: Lang, path: &str, entries: usize) -> String {
    if sv(lang) {
        format!("Färdplanen med {entries} inriktningar sparades i {path}")
    } else {
        format!("The roadmap with {entries} directions was saved to {path}")
    }
}

pub fn roadmap_county_written(lang: Lang, path: &str, shared: usize) -> String {
    if sv(lang) {
        format!("Länets färdplan med {shared} förslag till gemensamt arbete sparades i {path}")
    } else {
        format!("The county roadmap with {shared} proposals for joint work was saved to {path}")
    }
}

pub fn roadmap_batch_written(lang: Lang, n: usize, dir: &str) -> String {
    if sv(lang) { format!("{n} färdplaner sparades i {dir}") } else { format!("{n} roadmaps were saved to {dir}") }
}

pub fn roadmap_progress(lang: Lang) -> &'static str {
    if sv(lang) { "färdplaner" } else { "roadmaps" }
}

pub fn roadmap_no_round(lang: Lang, round: &str) -> String {
    if sv(lang) {
        format!("ingen kommun har en intervju i omgång {round} — välj en annan omgång med --round")
    } else {
        format!("no municipality has an interview in round {round} — choose another round with --round")
    }
}

pub fn licenses_intro(lang: Lang) -> &'static str {
    if sv(lang) {
        "fardplan bäddar in typsnittet DejaVu Sans (version 2.37) i programmet och i färdplanernas PDF:er. Typsnittet får spridas på följande villkor:"
    } else {
        "fardplan embeds the DejaVu Sans typeface (version 2.37) in the program and in the roadmap PDFs. The typeface is distributed on the following terms:"
    }
}
