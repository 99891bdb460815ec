//! Texts of `fardplan merge`, `conflicts` and `backup`, Swedish and English.

use super::Lang;

fn sv(lang: Lang) -> bool {
    lang == Lang::Sv
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
