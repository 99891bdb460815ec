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
