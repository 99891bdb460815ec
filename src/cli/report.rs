//! `fardplan report`

use super::sheet::{Cell, Column, Sheet, to_csv, to_xlsx};
use super::views;
use super::{Ctx, Format, output, store_error, user_error};
use crate::analysis::ReportData;
use crate::compare::{ChoiceDistribution, SkaneReport, skane_report};
use crate::i18n::analysis::AnalysisTexts;
use crate::register;
use serde::Serialize;
use std::path::PathBuf;

/// Options of the subcommand; its help text is the doc comment on `Command` in cli/mod.rs.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// County (two-digit code, e.g. 12 for Skåne)
    #[arg(long, value_name = "CC")]
    county: String,
    /// Interview round (default: the latest round with interviews in the county)
    #[arg(long, value_name = "R")]
    round: Option<String>,
    /// Output format: text, csv, json or xlsx
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Write to this file instead of standard output (xlsx: needed on a terminal)
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    exempeldata: bool,
    county_code: &'a str,
    county: &'a str,
    round: &'a str,
    report: &'a SkaneReport,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<()> {
    let t = ctx.lang.analysis();
    let selection = views::county_selection(ctx, &args.county)?;
    let county = views::selection_label(t, &selection);
    let store = ctx.open_store()?;
    let reg = register::all();
    let data =
        ReportData::load(&store, args.round.as_deref(), &selection, reg).map_err(|e| store_error(ctx.lang, e))?;
    let Some(data) = data else {
        return Err(user_error(t.no_interviews_in(&county, args.round.as_deref())));
    };
    let report = skane_report(&data.inputs(), reg);
    let title = views::title(t, &format!("{} {county}", t.report_title), &data.round, report.demo);
    let bytes = match args.format {
        Format::Csv => to_csv(&long_sheet(t, &report))?,
        Format::Json => output::json(&JsonOut {
            exempeldata: report.demo,
            county_code: &args.county,
            county: &county,
            round: &data.round,
            report: &report,
        })?
        .into_bytes(),
        Format::Xlsx => to_xlsx(&sheets(t, &report, &title), t.demo)?,
        Format::Text | Format::Table => text(t, &title, &report).into_bytes(),
    };
    views::write(ctx, args.format, args.out.as_deref(), &bytes)
}

/// The answers outside the options, each with its count: "Vet ej", "Ej tillämpligt",
/// unanswered, not shown. Listed so every question's counts add up to the denominator.
fn other_counts(t: &AnalysisTexts, d: &ChoiceDistribution) -> [(&'static str, &'static str, usize); 4] {
    [
        ("vet-ej", t.dont_know, d.dont_know),
        ("ej-tillampligt", t.not_applicable, d.not_applicable),
        ("obesvarad", t.not_answered, d.not_answered),
        ("visades-inte", t.not_shown, d.not_shown),
    ]
}

fn percent(count: usize, denominator: usize) -> f64 {
    if denominator == 0 { 0.0 } else { 100.0 * count as f64 / denominator as f64 }
}

fn text(t: &AnalysisTexts, title: &str, r: &SkaneReport) -> String {
    const WIDTH: usize = 80;
    let mut out = String::new();
    views::push_wrapped(&mut out, title, WIDTH);
    views::push_wrapped(&mut out, &t.report_intro(r.denominator), WIDTH);
    let mut section = "";
    for d in &r.distributions {
        if d.section != section {
            section = &d.section;
            out.push_str(&format!("\n== {section} ==\n"));
        }
        out.push('\n');
        views::push_wrapped(&mut out, &d.text, WIDTH);
        let mut of = format!("({})", t.of_interviewed(d.denominator));
        if d.kind == "multi" {
            of = format!("({}; {})", t.of_interviewed(d.denominator), t.multi_hint);
        }
        views::push_wrapped(&mut out, &of, WIDTH);
        let label_w = d.options.iter().map(|o| o.label.chars().count()).max().unwrap_or(0).min(36);
        for o in &d.options {
            let label = crate::tui::screens::start::truncate(&o.label, label_w);
            let pad = label_w.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()));
            let bar = "█".repeat((o.percent / 5.0).round() as usize);
            let line = format!(
                "  {label}{} {:>3} {:>6}  {bar}",
                " ".repeat(pad),
                o.count,
                format!("{} %", t.num(o.percent, 0))
            );
            out.push_str(line.trim_end());
            out.push('\n');
        }
        let rest: Vec<String> =
            other_counts(t, d).iter().filter(|(_, _, n)| *n > 0).map(|(_, label, n)| format!("{label} {n}")).collect();
        if !rest.is_empty() {
            out.push_str(&format!("  {}\n", rest.join(" · ")));
        }
    }
    if !r.collated.is_empty() {
        out.push_str(&format!("\n== {} ==\n", t.free_text_title));
    }
    for c in &r.collated {
        out.push('\n');
        views::push_wrapped(&mut out, &c.text, WIDTH);
        for e in &c.entries {
            let mut s = format!("{}: ", e.municipality);
            if let Some(a) = &e.answer {
                s.push_str(a);
            }
            if let Some(n) = &e.note {
                if e.answer.is_some() {
                    s.push_str(" — ");
                }
                s.push_str(&format!("{}: {n}", t.note));
            }
            for (i, line) in crate::tui::widgets::wrap(&s, WIDTH - 4).into_iter().enumerate() {
                out.push_str(if i == 0 { "  - " } else { "    " });
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out.push_str(&format!("\n== {} ({}) ==\n", t.visited_title, r.visited.len()));
    let names: Vec<&str> = r.visited.iter().map(|v| v.name.as_str()).collect();
    views::push_wrapped(&mut out, &names.join(", "), WIDTH);
    out
}

fn distribution_rows<'a>(
    t: &AnalysisTexts,
    r: &'a SkaneReport,
) -> Vec<(&'a ChoiceDistribution, String, String, usize)> {
    let mut rows = Vec::new();
    for d in &r.distributions {
        for o in &d.options {
            rows.push((d, o.id.clone(), o.label.clone(), o.count));
        }
        for (id, label, n) in other_counts(t, d) {
            rows.push((d, id.to_string(), label.to_string(), n));
        }
    }
    rows
}

/// Every view in one long CSV table; `part` tells the rows apart.
fn long_sheet(t: &AnalysisTexts, r: &SkaneReport) -> Sheet {
    let keys = [
        "part",
        "section",
        "question_id",
        "question",
        "option_id",
        "option",
        "count",
        "share",
        "denominator",
        "municipality_code",
        "municipality",
        "answer",
        "note",
        "exempeldata",
    ];
    let columns = keys.iter().map(|k| Column::new(*k, *k)).collect();
    let demo = views::demo_cell(t, r.demo);
    let mut rows = Vec::new();
    for (d, id, label, n) in distribution_rows(t, r) {
        rows.push(vec![
            Cell::text("distribution"),
            Cell::text(&d.section),
            Cell::text(&d.question_id),
            Cell::text(&d.text),
            Cell::text(id),
            Cell::text(label),
            Cell::int(n),
            Cell::share(Some(percent(n, d.denominator) / 100.0)),
            Cell::int(d.denominator),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            demo.clone(),
        ]);
    }
    for c in &r.collated {
        for e in &c.entries {
            let mut row = vec![Cell::text("free_text"), Cell::text(&c.section), Cell::text(&c.question_id)];
            row.extend([Cell::text(&c.text), Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]);
            row.extend([Cell::text(&e.municipality_code), Cell::text(&e.municipality)]);
            row.push(e.answer.as_ref().map_or(Cell::Empty, Cell::text));
            row.push(e.note.as_ref().map_or(Cell::Empty, Cell::text));
            row.push(demo.clone());
            rows.push(row);
        }
    }
    for v in &r.visited {
        let mut row = vec![Cell::text("visited")];
        row.extend(std::iter::repeat_n(Cell::Empty, 8));
        row.extend([Cell::text(&v.code), Cell::text(&v.name), Cell::Empty, Cell::Empty, demo.clone()]);
        rows.push(row);
    }
    Sheet { name: String::new(), title: String::new(), columns, rows, frozen_columns: 0, demo: r.demo }
}

/// The three Excel sheets: distributions, free text, visited municipalities.
fn sheets(t: &AnalysisTexts, r: &SkaneReport, title: &str) -> Vec<Sheet> {
    let title = format!("{title} · {}", t.report_intro(r.denominator));
    let demo = views::demo_cell(t, r.demo);
    let dist_rows = distribution_rows(t, r)
        .into_iter()
        .map(|(d, _, label, n)| {
            vec![
                Cell::text(&d.section),
                Cell::text(&d.text),
                Cell::text(label),
                Cell::int(n),
                Cell::share(Some(percent(n, d.denominator) / 100.0)),
                Cell::int(d.denominator),
                demo.clone(),
            ]
        })
        .collect();
    let free_rows = r
        .collated
        .iter()
        .flat_map(|c| {
            c.entries.iter().map(|e| {
                vec![
                    Cell::text(&c.section),
                    Cell::text(&c.text),
                    Cell::text(&e.municipality_code),
                    Cell::text(&e.municipality),
                    e.answer.as_ref().map_or(Cell::Empty, Cell::text),
                    e.note.as_ref().map_or(Cell::Empty, Cell::text),
                    demo.clone(),
                ]
            })
        })
        .collect();
    let visited_rows = r.visited.iter().map(|v| vec![Cell::text(&v.code), Cell::text(&v.name), demo.clone()]).collect();
    let cols = |heads: &[&str]| heads.iter().map(|h| Column::new(*h, *h)).collect::<Vec<_>>();
    vec![
        Sheet {
            name: t.sheet_distributions.into(),
            title: title.clone(),
            columns: cols(&[t.section, t.question, t.option, t.count, t.percent, t.denominator_head, t.demo]),
            rows: dist_rows,
            frozen_columns: 0,
            demo: r.demo,
        },
        Sheet {
            name: t.sheet_free_text.into(),
            title: title.clone(),
            columns: cols(&[t.section, t.question, t.code, t.municipality, t.answer, t.note, t.demo]),
            rows: free_rows,
            frozen_columns: 0,
            demo: r.demo,
        },
        Sheet {
            name: t.sheet_visited.into(),
            title,
            columns: cols(&[t.code, t.municipality, t.demo]),
            rows: visited_rows,
            frozen_columns: 0,
            demo: r.demo,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_of_zero_interviewed_is_zero() {
        assert_eq!(percent(3, 0), 0.0);
        assert_eq!(percent(9, 16), 56.25);
    }
}
