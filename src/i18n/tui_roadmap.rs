//! Words of the roadmap screen, Swedish and English. Field names and sentences are shared with
//! the PDF (`pdf`, `pdf_sentences`), so the screen and the paper say the same thing.

use super::Lang;
use super::pdf::PdfTexts;

pub struct RoadmapTexts {
    pub lang: Lang,
    pub pdf: &'static PdfTexts,
    pub title: &'static str,
    /// Above the entries: what the six cells of the timeline bars stand for.
    pub timeline_legend: &'static str,
    pub no_entries: &'static str,
    pub keys_hint: &'static str,
}

pub const SV: RoadmapTexts = RoadmapTexts {
    lang: Lang::Sv,
    pdf: &super::pdf::SV,
    title: "Färdplan",
    timeline_legend: "Tidslinje: kvartal 1–4 år 1 · år 2 · år 3",
    no_entries: "Inga inriktningar valdes ut.",
    keys_hint: "↑↓ PgUp PgDn bläddra · x spara PDF · Esc tillbaka",
};

pub const EN: RoadmapTexts = RoadmapTexts {
    lang: Lang::En,
    pdf: &super::pdf::EN,
    title: "Roadmap",
    timeline_legend: "Timeline: quarters 1–4 of year 1 · year 2 · year 3",
    no_entries: "No direction was selected.",
    keys_hint: "↑↓ PgUp PgDn scroll · x save PDF · Esc back",
};

impl Lang {
    pub fn tui_roadmap(self) -> &'static RoadmapTexts {
        match self {
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }
}

impl RoadmapTexts {
    pub fn pdf_written(&self, path: &str) -> String {
        match self.lang {
            Lang::Sv => format!("PDF sparad: {path}"),
            Lang::En => format!("PDF written: {path}"),
        }
    }

    pub fn pdf_failed(&self, err: &str) -> String {
        match self.lang {
            Lang::Sv => format!("Kunde inte spara PDF: {err}"),
            Lang::En => format!("Could not write the PDF: {err}"),
        }
    }

    pub fn no_roadmap(&self) -> &'static str {
        match self.lang {
            Lang::Sv => "Kommunen har ingen intervju att göra en färdplan av",
            Lang::En => "The municipality has no interview to build a roadmap from",
        }
    }

    /// "Färdplan · Malmö · omgång 2022"
    pub fn heading(&self, municipality: &str, round: &str) -> String {
        format!("{} · {municipality} · {} {round}", self.title, self.pdf.round.to_lowercase())
    }

    /// "14 inriktningar, 2 osäkra"
    pub fn count(&self, n: usize, uncertain: usize) -> String {
        match (self.lang, uncertain) {
            (Lang::Sv, 0) => format!("{n} inriktningar"),
            (Lang::Sv, u) => format!("{n} inriktningar, {u} osäkra"),
            (Lang::En, 0) => format!("{n} directions"),
            (Lang::En, u) => format!("{n} directions, {u} uncertain"),
        }
    }
}
