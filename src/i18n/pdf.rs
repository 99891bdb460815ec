//! Every word of the roadmap PDF, in Swedish (default) and English. Sentences that depend on the
//! figures ("where we stand") are in `pdf_sentences`.

use super::Lang;
use crate::model::roadmap::{Horizon, JointWork};
use crate::plan::{Answered, Period};

pub struct PdfTexts {
    pub title: &'static str,
    pub county_title: &'static str,
    pub round: &'static str,
    pub county: &'static str,
    pub interview_date: &'static str,
    pub interview_dates: &'static str,
    pub interviewer: &'static str,
    pub interviewers: &'static str,
    pub respondents: &'static str,
    pub catalogue: &'static str,
    pub interviewed: &'static str,
    pub watermark: &'static str,
    pub demo_note: &'static str,
    pub summary: &'static str,
    pub where_we_stand: &'static str,
    pub chart_title: &'static str,
    pub county_chart_title: &'static str,
    pub legend_us: &'static str,
    pub legend_median: &'static str,
    pub legend_quartiles: &'static str,
    pub legend_range: &'static str,
    pub no_score: &'static str,
    pub uncertain: &'static str,
    pub uncertain_explained: &'static str,
    pub first_priorities: &'static str,
    pub first_shared: &'static str,
    pub no_priorities: &'static str,
    pub who: &'static str,
    pub when: &'static str,
    pub how: &'static str,
    pub key_answers: &'static str,
    pub entries: &'static str,
    pub shared_entries: &'static str,
    pub own_entries: &'static str,
    pub no_entries: &'static str,
    pub no_shared: &'static str,
    pub f_inriktning: &'static str,
    pub f_motiv: &'static str,
    pub f_atgarder: &'static str,
    pub f_aktorer: &'static str,
    pub priority: &'static str,
    pub proposal: &'static str,
    pub evidence: &'static str,
    pub timeline: &'static str,
    pub timeline_intro: &'static str,
    pub shared_timeline_intro: &'static str,
    pub year1: &'static str,
    pub appendix: &'static str,
    pub county_appendix: &'static str,
    pub note: &'static str,
    pub col_municipality: &'static str,
    pub col_index: &'static str,
    pub col_entries: &'static str,
    pub col_date: &'static str,
    pub distribution: &'static str,
    pub source: &'static str,
    pub licence_line: &'static str,
}

pub const SV: PdfTexts = PdfTexts {
    title: "Digital färdplan",
    county_title: "Länets digitala färdplan",
    round: "Omgång",
    county: "Län",
    interview_date: "Intervjudatum",
    interview_dates: "Intervjudatum",
    interviewer: "Intervjuare",
    interviewers: "Intervjuare",
    respondents: "Svarande",
    catalogue: "Katalog över inriktningar",
    interviewed: "Intervjuade kommuner",
    watermark: "Exempeldata",
    demo_note: "Exempeldata: påhittade svar, inte en riktig kommuns nulägesanalys.",
    summary: "Sammanfattning",
    where_we_stand: "Var står vi?",
    chart_title: "Poäng per delmål (0–100) jämfört med länets median",
    county_chart_title: "Länets poäng per delmål (0–100): median, kvartiler och spridning",
    legend_us: "Kommunen",
    legend_median: "Länets median",
    legend_quartiles: "Kvartiler",
    legend_range: "Lägst–högst",
    no_score: "ingen poäng",
    uncertain: "osäker",
    uncertain_explained: "Osäker: vald enbart på en poäng som bygger på mindre än hälften av frågorna (täckning under 50 %). Undersök vidare, t.ex. genom att komplettera intervjun, innan beslut.",
    first_priorities: "De tre första prioriteringarna",
    first_shared: "De tre första förslagen till gemensamt arbete",
    no_priorities: "Inga inriktningar valdes ut med säkerhet.",
    who: "Vem",
    when: "När",
    how: "Arbetsform",
    key_answers: "Viktiga svar",
    entries: "Inriktningar",
    shared_entries: "Förslag till gemensamt arbete",
    own_entries: "Gemensamma behov som varje kommun löser själv",
    no_entries: "Inga inriktningar inom delmålet valdes ut.",
    no_shared: "Ingen inriktning inom delmålet valdes ut för minst två kommuner.",
    f_inriktning: "Inriktning",
    f_motiv: "Motiv till inriktning",
    f_atgarder: "Möjliga åtgärder",
    f_aktorer: "Förslag på genomförande aktör",
    priority: "Prioritet",
    proposal: "Förslag",
    evidence: "Underlag",
    timeline: "Tidslinje",
    timeline_intro: "Inriktningarna i prioritetsordning, lagda efter tidshorisont: år 1 i kvartal, därefter år 2 och år 3.",
    shared_timeline_intro: "Förslagen till gemensamt arbete, lagda efter tidshorisont: år 1 i kvartal, därefter år 2 och år 3.",
    year1: "År 1",
    appendix: "Bilaga: alla svar och anteckningar",
    county_appendix: "Bilaga: intervjuade kommuner",
    note: "Anteckning",
    col_municipality: "Kommun",
    col_index: "Index",
    col_entries: "Inriktningar",
    col_date: "Intervju",
    distribution: "Länets poäng",
    source: "Källa",
    licence_line: "Typsnitt: DejaVu Sans (se `fardplan licenses`).",
};

pub const EN: PdfTexts = PdfTexts {
    title: "Digital roadmap",
    county_title: "County digital roadmap",
    round: "Round",
    county: "County",
    interview_date: "Interview date",
    interview_dates: "Interview dates",
    interviewer: "Interviewer",
    interviewers: "Interviewers",
    respondents: "Respondents",
    catalogue: "Catalogue of directions",
    interviewed: "Municipalities interviewed",
    watermark: "Example data",
    demo_note: "Example data: invented answers, not a real municipality's status analysis.",
    summary: "Summary",
    where_we_stand: "Where do we stand?",
    chart_title: "Score per sub-goal (0–100) against the county median",
    county_chart_title: "The county's scores per sub-goal (0–100): median, quartiles and range",
    legend_us: "Municipality",
    legend_median: "County median",
    legend_quartiles: "Quartiles",
    legend_range: "Lowest–highest",
    no_score: "no score",
    uncertain: "uncertain",
    uncertain_explained: "Uncertain: selected only through a score based on less than half of the questions (coverage below 50 %). Look into it, e.g. by completing the interview, before deciding.",
    first_priorities: "The first three priorities",
    first_shared: "The first three proposals for joint work",
    no_priorities: "No direction was selected with certainty.",
    who: "Who",
    when: "When",
    how: "Form of work",
    key_answers: "Key answers",
    entries: "Directions",
    shared_entries: "Proposals for joint work",
    own_entries: "Common needs each municipality meets on its own",
    no_entries: "No direction of this sub-goal was selected.",
    no_shared: "No direction of this sub-goal was selected for two or more municipalities.",
    f_inriktning: "Direction (Inriktning)",
    f_motiv: "Motive (Motiv till inriktning)",
    f_atgarder: "Possible actions (Möjliga åtgärder)",
    f_aktorer: "Proposed actors (Förslag på genomförande aktör)",
    priority: "Priority",
    proposal: "Proposal",
    evidence: "Evidence",
    timeline: "Timeline",
    timeline_intro: "The directions in order of priority, placed by horizon: year 1 in quarters, then years 2 and 3.",
    shared_timeline_intro: "The proposals for joint work, placed by horizon: year 1 in quarters, then years 2 and 3.",
    year1: "Year 1",
    appendix: "Appendix: every answer and note",
    county_appendix: "Appendix: municipalities interviewed",
    note: "Note",
    col_municipality: "Municipality",
    col_index: "Index",
    col_entries: "Directions",
    col_date: "Interview",
    distribution: "The county's scores",
    source: "Source",
    licence_line: "Typeface: DejaVu Sans (see `fardplan licenses`).",
};

pub fn texts(lang: Lang) -> &'static PdfTexts {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

fn sv(lang: Lang) -> bool {
    lang == Lang::Sv
}

/// A score as a politician reads it: a whole number ("42"); the band uses the exact value.
pub fn score(value: Option<f64>, lang: Lang) -> String {
    match value {
        Some(v) => format!("{:.0}", v),
        None => texts(lang).no_score.to_string(),
    }
}

/// A number as written in the language: "87,3" in Swedish, "87.3" in English; no ".0".
pub fn number(value: f64, lang: Lang) -> String {
    let s = crate::model::answer::format_number(value);
    if sv(lang) { s.replace('.', ",") } else { s }
}

pub fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

pub fn page_of(n: usize, m: usize, lang: Lang) -> String {
    if sv(lang) { format!("Sida {n} av {m}") } else { format!("Page {n} of {m}") }
}

pub fn period(p: Period, lang: Lang) -> &'static str {
    match (p, sv(lang)) {
        (Period::Q1, true) => "Kv 1",
        (Period::Q2, true) => "Kv 2",
        (Period::Q3, true) => "Kv 3",
        (Period::Q4, true) => "Kv 4",
        (Period::Year2, true) => "År 2",
        (Period::Year3, true) => "År 3",
        (Period::Q1, false) => "Q1",
        (Period::Q2, false) => "Q2",
        (Period::Q3, false) => "Q3",
        (Period::Q4, false) => "Q4",
        (Period::Year2, false) => "Year 2",
        (Period::Year3, false) => "Year 3",
    }
}

/// "6–18 månader (kv 3 år 1 – mitten av år 2)"
pub fn horizon(h: Horizon, lang: Lang) -> &'static str {
    match (h, sv(lang)) {
        (Horizon::Short, true) => "0–6 månader (kvartal 1–2 år 1)",
        (Horizon::Medium, true) => "6–18 månader (kvartal 3 år 1 – mitten av år 2)",
        (Horizon::Long, true) => "18–36 månader (mitten av år 2 – slutet av år 3)",
        (Horizon::Short, false) => "0–6 months (Q1–Q2 of year 1)",
        (Horizon::Medium, false) => "6–18 months (Q3 of year 1 – middle of year 2)",
        (Horizon::Long, false) => "18–36 months (middle of year 2 – end of year 3)",
    }
}

pub fn joint_work(j: JointWork, lang: Lang) -> &'static str {
    match (j, sv(lang)) {
        (JointWork::Samverkan, true) => "samverkan",
        (JointWork::Samordning, true) => "samordning",
        (JointWork::Samutveckling, true) => "samutveckling",
        (JointWork::Egen, true) => "kommunen själv",
        (JointWork::Samverkan, false) => "collaboration (samverkan)",
        (JointWork::Samordning, false) => "coordination (samordning)",
        (JointWork::Samutveckling, false) => "joint development (samutveckling)",
        (JointWork::Egen, false) => "the municipality on its own",
    }
}

/// An answer in words: option labels (scale levels with their rubric line), a number, a text.
pub fn answered(a: &Answered, lang: Lang) -> String {
    match a {
        Answered::Options(options) => options
            .iter()
            .map(|(level, label)| match level {
                Some(l) if sv(lang) => format!("nivå {l}: {label}"),
                Some(l) => format!("level {l}: {label}"),
                None => label.clone(),
            })
            .collect::<Vec<_>>()
            .join("; "),
        Answered::Number { value, unit } => {
            let n = number(*value, lang);
            match unit {
                Some(u) => format!("{n} {u}"),
                None => n,
            }
        }
        Answered::Text(t) => t.clone(),
        Answered::DontKnow => if sv(lang) { "Vet ej" } else { "Don't know" }.into(),
        Answered::NotApplicable => if sv(lang) { "Ej tillämpligt" } else { "Not applicable" }.into(),
        Answered::Unanswered => if sv(lang) { "(inget svar)" } else { "(no answer)" }.into(),
    }
}

/// "Poäng 42 av 100 · Etablerad · täckning 83 % · länets median 50"
pub fn score_line(value: Option<f64>, band: Option<&str>, coverage: f64, median: Option<f64>, lang: Lang) -> String {
    let mut parts = vec![match value {
        Some(_) if sv(lang) => format!("Poäng {} av 100", score(value, lang)),
        Some(_) => format!("Score {} of 100", score(value, lang)),
        None if sv(lang) => "Ingen poäng".into(),
        None => "No score".into(),
    }];
    parts.extend(band.map(str::to_string));
    parts.push(if sv(lang) {
        format!("täckning {}", percent(coverage))
    } else {
        format!("coverage {}", percent(coverage))
    });
    if let Some(m) = median {
        parts.push(if sv(lang) { format!("länets median {m:.0}") } else { format!("county median {m:.0}") });
    }
    parts.join(" · ")
}

/// "Poängen 25 är under tröskeln 60." — why a score condition selected an entry.
pub fn score_evidence(value: f64, threshold: f64, lang: Lang) -> String {
    if sv(lang) {
        format!("Poängen i delmålet, {value:.0}, är under tröskeln {threshold:.0}.")
    } else {
        format!("The sub-goal score, {value:.0}, is below the threshold {threshold:.0}.")
    }
}

/// "Frågan: … Svar: …"
pub fn quoted(question: &str, answer: &str, lang: Lang) -> String {
    if sv(lang) {
        format!("”{question}” — svar: {answer}")
    } else {
        format!("“{question}” — answer: {answer}")
    }
}

/// "Valdes ut för 9 kommuner (varav 2 osäkra): …"
pub fn selected_for(count: usize, uncertain: usize, names: &str, lang: Lang) -> String {
    match (sv(lang), uncertain) {
        (true, 0) => format!("Valdes ut för {count} kommuner: {names}."),
        (true, u) => format!("Valdes ut för {count} kommuner (osäker i {u}): {names}."),
        (false, 0) => format!("Selected for {count} municipalities: {names}."),
        (false, u) => format!("Selected for {count} municipalities (uncertain in {u}): {names}."),
    }
}

pub fn interviewed_of(interviewed: usize, members: usize, lang: Lang) -> String {
    if sv(lang) { format!("{interviewed} av {members}") } else { format!("{interviewed} of {members}") }
}

/// "median 50 · kvartiler 35–62 · lägst 12, högst 88 · 9 poäng, varav 1 osäker"
pub fn distribution_line(s: &crate::compare::Stats, lang: Lang) -> String {
    let f = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{v:.0}"));
    if s.n == 0 {
        return if sv(lang) { "Inga poäng".into() } else { "No scores".into() };
    }
    if sv(lang) {
        format!(
            "median {} · kvartiler {}–{} · lägst {}, högst {} · {} kommuner med poäng, varav {} osäkra",
            f(s.median),
            f(s.lower_quartile),
            f(s.upper_quartile),
            f(s.min),
            f(s.max),
            s.n,
            s.uncertain
        )
    } else {
        format!(
            "median {} · quartiles {}–{} · lowest {}, highest {} · {} municipalities with a score, {} uncertain",
            f(s.median),
            f(s.lower_quartile),
            f(s.upper_quartile),
            f(s.min),
            f(s.max),
            s.n,
            s.uncertain
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_the_decimal_mark_of_the_language() {
        let a = Answered::Number { value: 87.3, unit: Some("%".into()) };
        assert_eq!(answered(&a, Lang::Sv), "87,3 %");
        assert_eq!(answered(&a, Lang::En), "87.3 %");
        assert_eq!(number(95.0, Lang::Sv), "95");
        let scale = Answered::Options(vec![(Some(2), "Beslutat".into())]);
        assert_eq!(answered(&scale, Lang::Sv), "nivå 2: Beslutat");
        assert_eq!(answered(&Answered::DontKnow, Lang::Sv), "Vet ej");
    }
}
