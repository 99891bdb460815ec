//! Strings of the analyst surfaces — `score`, `compare`, `report` (table, text, CSV, Excel) and
//! the compare and report screens — in Swedish and English.

use super::Lang;

pub struct AnalysisTexts {
    pub lang: Lang,
    /// The label on everything derived from the fictitious example dataset.
    pub demo: &'static str,
    pub demo_long: &'static str,
    pub subgoal: &'static str,
    pub score: &'static str,
    pub coverage: &'static str,
    pub band: &'static str,
    pub rank_in_county: &'static str,
    pub county_median: &'static str,
    pub change: &'static str,
    pub index: &'static str,
    pub municipality: &'static str,
    pub code: &'static str,
    pub county: &'static str,
    pub group: &'static str,
    pub round: &'static str,
    pub previous_round: &'static str,
    pub uncertain: &'static str,
    /// Short column heads of the five sub-goals for 80-column tables, in `SubGoal::ALL` order.
    pub short_goals: [&'static str; 5],
    /// Five-character column heads for the compare screen.
    pub tui_goals: [&'static str; 5],
    pub rank_short: &'static str,
    pub change_short: &'static str,
    pub legend_goals: &'static str,
    pub legend_uncertain: &'static str,
    pub legend_rank: &'static str,
    pub legend_bands: &'static str,
    pub whole_country: &'static str,
    pub stat: &'static str,
    pub median: &'static str,
    pub lower_quartile: &'static str,
    pub upper_quartile: &'static str,
    pub min: &'static str,
    pub max: &'static str,
    pub count: &'static str,
    pub uncertain_count: &'static str,
    pub missing_count: &'static str,
    pub no_score: &'static str,
    pub none_previous: &'static str,
    // Report.
    pub question: &'static str,
    pub section: &'static str,
    pub option: &'static str,
    pub percent: &'static str,
    pub denominator_head: &'static str,
    pub answer: &'static str,
    pub note: &'static str,
    pub dont_know: &'static str,
    pub not_applicable: &'static str,
    pub not_answered: &'static str,
    pub not_shown: &'static str,
    pub free_text_title: &'static str,
    pub visited_title: &'static str,
    pub multi_hint: &'static str,
    // Excel sheet names (at most 31 characters, no / \ ? * [ ]).
    pub sheet_scores: &'static str,
    pub sheet_stats: &'static str,
    pub sheet_distributions: &'static str,
    pub sheet_free_text: &'static str,
    pub sheet_visited: &'static str,
    // Screens.
    pub compare_title: &'static str,
    pub report_title: &'static str,
    pub filter_all: &'static str,
    pub detail_title: &'static str,
    pub bar_municipality: &'static str,
    pub bar_median: &'static str,
    pub empty_selection: &'static str,
    pub compare_keys: &'static str,
    pub report_keys: &'static str,
    pub report_empty: &'static str,
    pub screen_legend: &'static str,
    pub bars_legend: &'static str,
}

pub const SV: AnalysisTexts = AnalysisTexts {
    lang: Lang::Sv,
    demo: "Exempeldata",
    demo_long: "Exempeldata – påhittade svar, inte riktiga kommuners",
    subgoal: "Delmål",
    score: "Poäng",
    coverage: "Täckning",
    band: "Nivå",
    rank_in_county: "Rang i länet",
    county_median: "Länsmedian",
    change: "Förändring",
    index: "Index",
    municipality: "Kommun",
    code: "Kod",
    county: "Län",
    group: "Kommungrupp",
    round: "Omgång",
    previous_round: "Förra omgången",
    uncertain: "Osäker",
    short_goals: ["Komp.", "Trygg.", "Innov.", "Ledn.", "Infra."],
    tui_goals: ["Komp", "Trygg", "Innov", "Ledn", "Infra"],
    rank_short: "Rang",
    change_short: "Förändr.",
    legend_goals: "Komp., Trygg., Innov., Ledn., Infra. = D-kompetens, D-trygghet, D-innovation, D-ledning, D-infrastruktur.",
    legend_uncertain: "? = osäker poäng: täckningen är under 50 %. Läs den inte som en låg poäng.",
    legend_rank: "Rang = indexets rang bland länets intervjuade kommuner. Förändr. = index sedan förra omgången.",
    legend_bands: "Nivå: ▁ Startläge (0–19) ▂ Påbörjad (20–39) ▄ Etablerad (40–59) ▆ Utvecklad (60–79) █ Ledande (80–100)",
    whole_country: "hela landet",
    stat: "Mått",
    median: "Median",
    lower_quartile: "Nedre kvartil",
    upper_quartile: "Övre kvartil",
    min: "Min",
    max: "Max",
    count: "Antal",
    uncertain_count: "Varav osäkra",
    missing_count: "Utan poäng",
    no_score: "–",
    none_previous: "ingen tidigare omgång",
    question: "Fråga",
    section: "Avsnitt",
    option: "Svarsalternativ",
    percent: "Procent",
    denominator_head: "Av (intervjuade kommuner)",
    answer: "Svar",
    note: "Anteckning",
    dont_know: "Vet ej",
    not_applicable: "Ej tillämpligt",
    not_answered: "Obesvarad",
    not_shown: "Frågan visades inte",
    free_text_title: "Fritextsvar och anteckningar",
    visited_title: "Besökta kommuner",
    multi_hint: "flera svar möjliga, så procenten kan summera till mer än 100",
    sheet_scores: "Poäng",
    sheet_stats: "Statistik",
    sheet_distributions: "Fördelningar",
    sheet_free_text: "Fritext",
    sheet_visited: "Besökta",
    compare_title: "Jämförelse",
    report_title: "Nulägesanalys",
    filter_all: "Alla",
    detail_title: "Poäng mot länsmedian",
    bar_municipality: "kommunen",
    bar_median: "länsmedian",
    empty_selection: "Inga intervjuade kommuner i urvalet.",
    compare_keys: "s sortera · f urval · ↑↓ välj",
    report_keys: "↑↓ PgUp PgDn rulla",
    report_empty: "Inga flervalsfrågor att visa.",
    screen_legend: "? osäker (täckning < 50 %) · ▁▂▄▆█ nivå",
    bars_legend: "vänster stapel: kommunen · höger: länsmedian",
};

pub const EN: AnalysisTexts = AnalysisTexts {
    lang: Lang::En,
    demo: "Exempeldata",
    demo_long: "Exempeldata (example data) – invented answers, not real municipalities'",
    subgoal: "Sub-goal",
    score: "Score",
    coverage: "Coverage",
    band: "Band",
    rank_in_county: "Rank in county",
    county_median: "County median",
    change: "Change",
    index: "Index",
    municipality: "Municipality",
    code: "Code",
    county: "County",
    group: "Municipality group",
    round: "Round",
    previous_round: "Previous round",
    uncertain: "Uncertain",
    short_goals: ["Comp.", "Trust", "Innov.", "Lead.", "Infra."],
    tui_goals: ["Comp", "Trust", "Innov", "Lead", "Infra"],
    rank_short: "Rank",
    change_short: "Change",
    legend_goals: "Comp., Trust, Innov., Lead., Infra. = D-kompetens, D-trygghet, D-innovation, D-ledning, D-infrastruktur.",
    legend_uncertain: "? = uncertain score: coverage is below 50 %. Do not read it as a low score.",
    legend_rank: "Rank = rank of the index among the county's interviewed municipalities. Change = index since the previous round.",
    legend_bands: "Band: ▁ Starting (0–19) ▂ Emerging (20–39) ▄ Established (40–59) ▆ Advanced (60–79) █ Leading (80–100)",
    whole_country: "the whole country",
    stat: "Measure",
    median: "Median",
    lower_quartile: "Lower quartile",
    upper_quartile: "Upper quartile",
    min: "Min",
    max: "Max",
    count: "Count",
    uncertain_count: "Of which uncertain",
    missing_count: "Without score",
    no_score: "–",
    none_previous: "no earlier round",
    question: "Question",
    section: "Section",
    option: "Option",
    percent: "Percent",
    denominator_head: "Of (interviewed municipalities)",
    answer: "Answer",
    note: "Note",
    dont_know: "Don't know",
    not_applicable: "Not applicable",
    not_answered: "Not answered",
    not_shown: "Question not shown",
    free_text_title: "Free-text answers and notes",
    visited_title: "Visited municipalities",
    multi_hint: "several answers possible, so percentages may add up to more than 100",
    sheet_scores: "Scores",
    sheet_stats: "Statistics",
    sheet_distributions: "Distributions",
    sheet_free_text: "Free text",
    sheet_visited: "Visited",
    compare_title: "Comparison",
    report_title: "Status report",
    filter_all: "All",
    detail_title: "Scores against the county median",
    bar_municipality: "municipality",
    bar_median: "county median",
    empty_selection: "No interviewed municipalities in the selection.",
    compare_keys: "s sort · f filter · ↑↓ select",
    report_keys: "↑↓ PgUp PgDn scroll",
    report_empty: "No choice questions to show.",
    screen_legend: "? uncertain (coverage < 50 %) · ▁▂▄▆█ band",
    bars_legend: "left bar: municipality · right: county median",
};

impl Lang {
    pub fn analysis(self) -> &'static AnalysisTexts {
        match self {
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }
}

impl AnalysisTexts {
    fn sv(&self) -> bool {
        self.lang == Lang::Sv
    }

    /// A number with the language's decimal separator ("42,5" in Swedish).
    pub fn num(&self, x: f64, decimals: usize) -> String {
        let s = format!("{x:.decimals$}");
        // "-0" reads as a change where there is none.
        let s = if s.trim_start_matches('-').chars().all(|c| c == '0' || c == '.') { s.replace('-', "") } else { s };
        if self.sv() { s.replace('.', ",") } else { s }
    }

    /// A change in points with its sign: "+4,2", "-3,0", "0,0".
    pub fn signed(&self, x: f64, decimals: usize) -> String {
        let s = self.num(x, decimals);
        if s.starts_with('-') || s.chars().all(|c| matches!(c, '0' | ',' | '.')) { s } else { format!("+{s}") }
    }

    pub fn percent_value(&self, share: f64) -> String {
        format!("{} %", self.num(100.0 * share, 0))
    }

    pub fn rank_of(&self, rank: usize, of: usize) -> String {
        if self.sv() { format!("{rank} av {of}") } else { format!("{rank} of {of}") }
    }

    pub fn round_title(&self, round: &str) -> String {
        if self.sv() { format!("omgång {round}") } else { format!("round {round}") }
    }

    pub fn county_label(&self, name: &str) -> String {
        name.to_string()
    }

    pub fn group_label(&self, group: &str) -> String {
        if self.sv() { format!("kommungrupp {group}") } else { format!("municipality group {group}") }
    }

    pub fn chosen_label(&self, n: usize) -> String {
        if self.sv() { format!("{n} valda kommuner") } else { format!("{n} chosen municipalities") }
    }

    pub fn change_since(&self, round: &str) -> String {
        if self.sv() { format!("Förändring sedan {round}") } else { format!("Change since {round}") }
    }

    pub fn interviewed_of(&self, interviewed: usize, members: usize) -> String {
        if self.sv() {
            format!("{interviewed} av {members} kommuner intervjuade")
        } else {
            format!("{interviewed} of {members} municipalities interviewed")
        }
    }

    /// The denominator every report percentage states.
    pub fn of_interviewed(&self, n: usize) -> String {
        if self.sv() { format!("av {n} intervjuade kommuner") } else { format!("of {n} interviewed municipalities") }
    }

    pub fn report_intro(&self, n: usize) -> String {
        if self.sv() {
            format!("{n} intervjuade kommuner. Alla procent anges av de {n} intervjuade kommunerna.")
        } else {
            format!("{n} interviewed municipalities. Every percentage is of the {n} interviewed municipalities.")
        }
    }

    pub fn count_percent(&self, count: usize, percent: f64) -> String {
        format!("{count} ({} %)", self.num(percent, 0))
    }

    pub fn sorted_by(&self, column: &str, descending: bool) -> String {
        let arrow = if descending { "▼" } else { "▲" };
        if self.sv() { format!("sorterat: {column} {arrow}") } else { format!("sorted: {column} {arrow}") }
    }

    // Errors (exit code 1).

    pub fn no_interviews(&self) -> String {
        if self.sv() {
            "databasen har inga intervjuer — gör en med `fardplan interview new`, eller prova `fardplan demo --db exempel.db`".into()
        } else {
            "the database has no interviews — start one with `fardplan interview new`, or try `fardplan demo --db example.db`".into()
        }
    }

    pub fn no_interviews_in(&self, what: &str, round: Option<&str>) -> String {
        match (self.sv(), round) {
            (true, Some(r)) => format!("{what}: inga intervjuer i omgång {r} — se `fardplan interview list`"),
            (true, None) => format!("{what}: inga intervjuer — se `fardplan interview list`"),
            (false, Some(r)) => format!("{what}: no interviews in round {r} — see `fardplan interview list`"),
            (false, None) => format!("{what}: no interviews — see `fardplan interview list`"),
        }
    }

    pub fn unknown_group(&self, group: &str, known: &str) -> String {
        if self.sv() {
            format!("okänd kommungrupp {group:?} — använd en av {known}")
        } else {
            format!("unknown municipality group {group:?} — use one of {known}")
        }
    }

    pub fn bad_format(&self, given: &str, allowed: &str) -> String {
        if self.sv() {
            format!("--format {given} passar inte här — använd {allowed}")
        } else {
            format!("--format {given} does not fit here — use {allowed}")
        }
    }

    pub fn xlsx_needs_out(&self) -> String {
        if self.sv() {
            "Excel-filer skrivs inte till terminalen — ange en fil med --out, t.ex. --out jamforelse.xlsx".into()
        } else {
            "Excel files are not written to a terminal — give a file with --out, e.g. --out comparison.xlsx".into()
        }
    }

    pub fn empty_list(&self) -> String {
        if self.sv() {
            "--municipalities är tom — ange kommunkoder med komma, t.ex. 1280,1281".into()
        } else {
            "--municipalities is empty — give municipality codes separated by commas, e.g. 1280,1281".into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_the_languages_decimal_separator_and_sign() {
        let (sv, en) = (Lang::Sv.analysis(), Lang::En.analysis());
        assert_eq!(sv.num(42.26, 1), "42,3");
        assert_eq!(en.num(42.26, 1), "42.3");
        assert_eq!(sv.signed(4.16, 1), "+4,2");
        assert_eq!(sv.signed(-3.0, 0), "-3");
        assert_eq!(sv.signed(-0.01, 1), "0,0");
        assert_eq!(sv.percent_value(0.5625), "56 %");
        assert_eq!(sv.of_interviewed(16), "av 16 intervjuade kommuner");
    }
}
