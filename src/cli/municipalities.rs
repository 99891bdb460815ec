//! `fardplan municipalities`

use super::{Ctx, Format, output, user_error};
use crate::register;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this county (two-digit code, e.g. 12 for Skåne)
    #[arg(long, value_name = "CC")]
    county: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<()> {
    let list: Vec<_> = match &args.county {
        Some(cc) => {
            let list: Vec<_> = register::in_county(cc).collect();
            if list.is_empty() {
                let known = register::counties().iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>().join(", ");
                return Err(user_error(crate::i18n::unknown_county(ctx.lang, cc, &known)));
            }
            list
        }
        None => register::all().iter().collect(),
    };
    let t = ctx.lang.texts();
    let text = match args.format {
        Format::Json => output::json(&list)?,
        Format::Csv => output::csv(
            &["code", "name", "county_code", "county_name", "skr_group", "population", "population_year"],
            list.iter()
                .map(|m| {
                    vec![
                        m.code.clone(),
                        m.name.clone(),
                        m.county_code.clone(),
                        m.county_name.clone(),
                        m.skr_group.clone(),
                        m.population.to_string(),
                        m.population_year.to_string(),
                    ]
                })
                .collect(),
        )?,
        Format::Table | Format::Text => output::table(
            &[t.col_code, t.col_municipality, t.col_county, t.col_group, t.col_population],
            list.iter()
                .map(|m| {
                    vec![
                        m.code.clone(),
                        m.name.clone(),
                        m.county_name.clone(),
                        m.skr_group.clone(),
                        m.population.to_string(),
                    ]
                })
                .collect(),
        ),
        Format::Xlsx => return Err(user_error(crate::i18n::format_not_here(ctx.lang, "xlsx", "table, csv, json"))),
    };
    output::stdout(text.as_bytes())
}
