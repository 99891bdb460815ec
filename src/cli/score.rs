//! `fardplan score`

use super::sheet::{Cell, Column, Sheet, to_csv};
use super::views::{self, standing_text};
use super::{Ctx, Format, output, store_error, user_error};
use crate::analysis::Dataset;
use crate::compare::{MunicipalityComparison, Selection, compare_municipalities};
use crate::i18n::analysis::AnalysisTexts;
use crate::register;

/// Options of the subcommand; its help text is the doc comment on `Command` in cli/mod.rs.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Municipality code (four digits, e.g. 1280 for Malmö)
    #[arg(long, value_name = "CODE")]
    municipality: String,
    /// Interview round (default: the latest round in which the municipality was interviewed)
    #[arg(long, value_name = "R")]
    round: Option<String>,
    /// Output format: table, csv or json
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<()> {
    let t = ctx.lang.analysis();
    if matches!(args.format, Format::Xlsx) {
        return Err(user_error(t.bad_format(views::format_name(args.format), "table, csv, json")));
    }
    let Some(m) = register::by_code(&args.municipality) else {
        return Err(user_error(crate::i18n::unknown_municipality(ctx.lang, &args.municipality)));
    };
    let store = ctx.open_store()?;
    let selection = Selection::Codes(vec![m.code.clone()]);
    let who = format!("{} ({})", m.name, m.code);
    let loaded = Dataset::load_for(&store, args.round.as_deref(), &selection, register::all())
        .map_err(|e| store_error(ctx.lang, e))?;
    let Some((round, data)) = loaded else {
        return Err(user_error(t.no_interviews_in(&who, None)));
    };
    let rows = compare_municipalities(&data.scored, register::all(), &round, &selection);
    let Some(row) = rows.first() else {
        return Err(user_error(t.no_interviews_in(&who, Some(&round))));
    };
    let text = match args.format {
        Format::Csv => String::from_utf8(to_csv(&sheet(t, row))?)?,
        Format::Json => {
            let mut value = serde_json::to_value(row)?;
            if let Some(obj) = value.as_object_mut() {
                obj.insert("exempeldata".into(), row.demo.into());
            }
            output::json(&value)?
        }
        _ => table(t, row),
    };
    output::stdout(text.as_bytes())
}

fn table(t: &AnalysisTexts, row: &MunicipalityComparison) -> String {
    let what = format!("{} ({}), {}", row.municipality, row.municipality_code, row.county);
    let mut out = String::new();
    views::push_wrapped(&mut out, &views::title(t, &what, &row.round, row.demo), 80);
    let standings = row.subgoals.iter().chain(std::iter::once(&row.index));
    let rows = standings
        .map(|s| {
            vec![
                s.subgoal.map_or(t.index, |g| g.display()).to_string(),
                standing_text(t, s, 1),
                s.coverage.map(|c| t.percent_value(c)).unwrap_or_default(),
                s.band.map(|b| b.name(t.lang).to_string()).unwrap_or_else(|| t.no_score.into()),
                s.rank_in_county.map(|r| t.rank_of(r, s.ranked_in_county)).unwrap_or_else(|| t.no_score.into()),
                s.county_median.map_or_else(|| t.no_score.into(), |v| t.num(v, 1)),
                s.change.map_or_else(|| t.no_score.into(), |v| t.signed(v, 1)),
            ]
        })
        .collect();
    out.push_str(&views::table(
        &[t.subgoal, t.score, t.coverage, t.band, t.rank_short, t.county_median, t.change],
        rows,
        1,
    ));
    out.push('\n');
    views::push_wrapped(&mut out, t.legend_uncertain, 80);
    match &row.previous_round {
        Some(p) => out.push_str(&t.change_since(p)),
        None => out.push_str(&format!("{}: {}", t.change, t.none_previous)),
    }
    out.push('\n');
    out
}

/// One row per sub-goal and the index: long format, easy to filter and chart.
fn sheet(t: &AnalysisTexts, row: &MunicipalityComparison) -> Sheet {
    let columns = [
        ("municipality_code", t.code),
        ("municipality", t.municipality),
        ("round", t.round),
        ("subgoal", t.subgoal),
        ("score", t.score),
        ("coverage", t.coverage),
        ("uncertain", t.uncertain),
        ("band", t.band),
        ("rank_in_county", t.rank_in_county),
        ("ranked_in_county", t.count),
        ("county_median", t.county_median),
        ("from_county_median", t.county_median),
        ("previous_round", t.previous_round),
        ("previous", t.previous_round),
        ("change", t.change),
        ("exempeldata", t.demo),
    ]
    .into_iter()
    .map(|(k, h)| Column::new(k, h))
    .collect();
    let rows = row
        .subgoals
        .iter()
        .chain(std::iter::once(&row.index))
        .map(|s| {
            vec![
                Cell::text(&row.municipality_code),
                Cell::text(&row.municipality),
                Cell::text(&row.round),
                Cell::text(s.subgoal.map_or("index", |g| g.id())),
                Cell::num(s.score, 1),
                Cell::share(s.coverage),
                Cell::Bool(s.uncertain),
                s.band.map_or(Cell::Empty, |b| Cell::text(b.name(t.lang))),
                s.rank_in_county.map_or(Cell::Empty, Cell::int),
                Cell::int(s.ranked_in_county),
                Cell::num(s.county_median, 1),
                Cell::num(s.from_county_median, 1),
                row.previous_round.as_ref().map_or(Cell::Empty, Cell::text),
                Cell::num(s.previous, 1),
                Cell::num(s.change, 1),
                views::demo_cell(t, row.demo),
            ]
        })
        .collect();
    Sheet { name: t.sheet_scores.into(), title: String::new(), columns, rows, frozen_columns: 0, demo: row.demo }
}
