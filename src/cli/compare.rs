//! `fardplan compare`

use super::sheet::{to_csv, to_xlsx};
use super::views::{self, standing_text};
use super::{Ctx, Format, output, store_error, user_error};
use crate::analysis::Dataset;
use crate::compare::{MunicipalityComparison, Selection, SetSummary, compare_municipalities, summarise};
use crate::i18n::analysis::AnalysisTexts;
use crate::register;
use serde::Serialize;
use std::path::PathBuf;

/// Options of the subcommand; its help text is the doc comment on `Command` in cli/mod.rs.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("set").args(["county", "group", "municipalities"]).multiple(false)))]
pub struct Args {
    /// Only this county (two-digit code, e.g. 12 for Skåne)
    #[arg(long, value_name = "CC")]
    county: Option<String>,
    /// Only this SKR municipality group (2017), e.g. B4
    #[arg(long, value_name = "G")]
    group: Option<String>,
    /// Only these municipalities, codes separated by commas
    #[arg(long, value_name = "C1,C2,..", value_delimiter = ',')]
    municipalities: Option<Vec<String>>,
    /// Interview round (default: the latest round with interviews in the selection)
    #[arg(long, value_name = "R")]
    round: Option<String>,
    /// Output format: table, csv, json or xlsx
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Write to this file instead of standard output (xlsx: needed on a terminal)
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    exempeldata: bool,
    round: &'a str,
    selection: &'a Selection,
    summary: &'a SetSummary,
    municipalities: &'a [MunicipalityComparison],
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<()> {
    let t = ctx.lang.analysis();
    let selection = views::selection(ctx, args.county, args.group, args.municipalities)?;
    let what = views::selection_label(t, &selection);
    let store = ctx.open_store()?;
    let reg = register::all();
    let loaded =
        Dataset::load_for(&store, args.round.as_deref(), &selection, reg).map_err(|e| store_error(ctx.lang, e))?;
    let Some((round, data)) = loaded else {
        return Err(user_error(match selection {
            Selection::All => t.no_interviews(),
            _ => t.no_interviews_in(&what, None),
        }));
    };
    let rows = compare_municipalities(&data.scored, reg, &round, &selection);
    if rows.is_empty() {
        return Err(user_error(t.no_interviews_in(&what, Some(&round))));
    }
    let summary = summarise(&data.scored, reg, &round, &selection);
    let demo = summary.demo;
    let heading = format!("{} {what}", t.compare_title);
    let title = views::title(t, &heading, &round, demo);
    let bytes = match args.format {
        Format::Csv => to_csv(&views::scores_sheet(t, &rows, title))?,
        Format::Json => output::json(&JsonOut {
            exempeldata: demo,
            round: &round,
            selection: &selection,
            summary: &summary,
            municipalities: &rows,
        })?
        .into_bytes(),
        Format::Xlsx => {
            let stats_title = format!("{title} · {}", t.interviewed_of(summary.interviewed, summary.members));
            to_xlsx(&[views::scores_sheet(t, &rows, title), views::stats_sheet(t, &summary, stats_title)], t.demo)?
        }
        Format::Table | Format::Text => table(t, &title, &rows, &summary).into_bytes(),
    };
    views::write(ctx, args.format, args.out.as_deref(), &bytes)
}

fn table(t: &AnalysisTexts, title: &str, rows: &[MunicipalityComparison], summary: &SetSummary) -> String {
    let mut out = String::new();
    views::push_wrapped(&mut out, title, 80);
    views::push_wrapped(&mut out, &t.interviewed_of(summary.interviewed, summary.members), 80);
    let mut header = vec![t.municipality];
    header.extend(t.short_goals);
    header.extend([t.index, t.rank_short, t.change_short]);
    let body = rows
        .iter()
        .map(|r| {
            let mut cells = vec![r.municipality.clone()];
            cells.extend(r.subgoals.iter().map(|s| standing_text(t, s, 0)));
            cells.push(standing_text(t, &r.index, 0));
            cells.push(
                r.index
                    .rank_in_county
                    .map_or_else(|| t.no_score.into(), |k| format!("{k}/{}", r.index.ranked_in_county)),
            );
            cells.push(r.index.change.map_or_else(|| t.no_score.into(), |c| t.signed(c, 0)));
            cells
        })
        .collect();
    out.push_str(&views::table(&header, body, 1));
    out.push('\n');
    out.push_str(&views::stats_table(t, summary));
    out.push('\n');
    for legend in [t.legend_goals, t.legend_uncertain, t.legend_rank] {
        views::push_wrapped(&mut out, legend, 80);
    }
    out
}
