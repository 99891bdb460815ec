//! Plain strings. Parameterised messages are methods on `Texts` so both languages keep their own
//! word order.

use super::Lang;

pub struct Texts {
    pub lang: Lang,
    pub error_prefix: &'static str,
    pub internal_error: &'static str,
    pub ok_valid: &'static str,
    pub dont_know: &'static str,
    pub not_applicable: &'static str,
    pub status_in_progress: &'static str,
    pub status_completed: &'static str,
    pub col_code: &'static str,
    pub col_municipality: &'static str,
    pub col_county: &'static str,
    pub col_group: &'static str,
    pub col_population: &'static str,
    pub col_round: &'static str,
    pub col_interviewer: &'static str,
    pub col_status: &'static str,
    pub col_answered: &'static str,
    pub col_id: &'static str,
    pub col_started: &'static str,
    pub required_mark: &'static str,
    pub help_label: &'static str,
    pub shown_if: &'static str,
}

pub const SV: Texts = Texts {
    lang: Lang::Sv,
    error_prefix: "fel",
    internal_error: "internt fel (rapportera gärna detta)",
    ok_valid: "ok",
    dont_know: "Vet ej",
    not_applicable: "Ej tillämpligt",
    status_in_progress: "pågår",
    status_completed: "avslutad",
    col_code: "Kod",
    col_municipality: "Kommun",
    col_county: "Län",
    col_group: "Grupp",
    col_population: "Invånare",
    col_round: "Omgång",
    col_interviewer: "Intervjuare",
    col_status: "Status",
    col_answered: "Besvarade",
    col_id: "Id",
    col_started: "Påbörjad",
    required_mark: "obligatorisk",
    help_label: "Stöd till intervjuaren",
    shown_if: "visas om",
};

pub const EN: Texts = Texts {
    lang: Lang::En,
    error_prefix: "error",
    internal_error: "internal error (please report this)",
    ok_valid: "ok",
    dont_know: "Don't know",
    not_applicable: "Not applicable",
    status_in_progress: "in progress",
    status_completed: "completed",
    col_code: "Code",
    col_municipality: "Municipality",
    col_county: "County",
    col_group: "Group",
    col_population: "Population",
    col_round: "Round",
    col_interviewer: "Interviewer",
    col_status: "Status",
    col_answered: "Answered",
    col_id: "Id",
    col_started: "Started",
    required_mark: "required",
    help_label: "Interviewer guidance",
    shown_if: "shown if",
};

impl Texts {
    fn sv(&self) -> bool {
        self.lang == Lang::Sv
    }

    pub fn saved_at(&self, hhmmss: &str) -> String {
        if self.sv() { format!("Sparat {hhmmss}") } else { format!("Saved {hhmmss}") }
    }

    pub fn files_valid(&self, n: usize) -> String {
        if self.sv() { format!("{n} fil(er) utan fel") } else { format!("{n} file(s) without errors") }
    }
}
