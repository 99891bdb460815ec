//! The roadmap PDF: one municipality's document, all 290 of the national dataset as a batch,
//! and LibreOffice converting an ODT of the same pages, measured in the same run.
//!
//! Run: `cargo bench --bench roadmap_pdf` (release build). Builds the national dataset (290
//! municipalities × 3 rounds, every question answered) in a temporary database, then prints
//! medians. LibreOffice is optional: without `soffice` on PATH its lines say so. Install it for
//! a measurement only (`apt-get install libreoffice-writer-nogui`), never in CI.
//!
//! Figures:
//! - in-process render of one PDF (fonts already parsed), and the planning of all 290;
//! - `fardplan roadmap --municipality` as a process, wall time: what a user waits for;
//! - `soffice --headless --convert-to pdf` of a flat ODT with the same text, headings, lists,
//!   header and "Sida n av m" footer, as a process; the ratio of the two is the headline;
//! - `fardplan roadmap --all` for 290 as a process, and an in-process render of 29, 145 and 290
//!   documents on two threads, to show the batch is linear;
//! - LibreOffice converting 29 of the ODTs in one process (startup paid once).

use anyhow::Context;
use fardplan::compare::Selection;
use fardplan::gather::gather;
use fardplan::i18n::{Lang, pdf as t, pdf_sentences};
use fardplan::load::{embedded_catalogue, embedded_questionnaire};
use fardplan::model::SubGoal;
use fardplan::pdf::municipality_pdf;
use fardplan::plan::MunicipalityRoadmap;
use fardplan::store::Store;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const ROUND: &str = "2024";
const CODE: &str = "1280";

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// User + system CPU time of finished child processes so far (Linux: /proc/self/stat, fields
/// 16 and 17, in clock ticks of 1/100 s). None elsewhere.
fn children_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After "pid (comm) ", field 3 (state) is index 0, so field N is index N − 3.
    let ticks: u64 = fields.get(13)?.parse::<u64>().ok()? + fields.get(14)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Runs a command `n` times; returns the median wall time and the median child CPU time.
fn time_process(n: usize, mut make: impl FnMut() -> Command) -> anyhow::Result<(Duration, Option<Duration>)> {
    let mut walls = Vec::new();
    let mut cpus = Vec::new();
    for _ in 0..n {
        let before = children_cpu();
        let t = Instant::now();
        let status = make().output()?;
        walls.push(t.elapsed());
        if !status.status.success() {
            anyhow::bail!("command failed: {}", String::from_utf8_lossy(&status.stderr));
        }
        if let (Some(a), Some(b)) = (before, children_cpu()) {
            cpus.push(b.saturating_sub(a));
        }
    }
    let cpu = (!cpus.is_empty()).then(|| median(cpus));
    Ok((median(walls), cpu))
}

fn render_parallel(plans: &[MunicipalityRoadmap], threads: usize) -> usize {
    let next = AtomicUsize::new(0);
    let bytes = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                while let Some(p) = plans.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let pdf = municipality_pdf(p, Lang::Sv).expect("render");
                    bytes.fetch_add(pdf.len(), Ordering::Relaxed);
                }
            });
        }
    });
    bytes.into_inner()
}

fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("national.db");
    let bin = env!("CARGO_BIN_EXE_fardplan");
    println!("machine: {} cores; load average {}", num_cores(), load_average());

    let t = Instant::now();
    let store = Store::open(&db)?;
    let src = embedded_questionnaire().map_err(|e| anyhow::anyhow!("{e}"))?;
    fardplan::demo::fill(&store, &src, &fardplan::demo::national())?;
    println!("national dataset (290 × 3 rounds) built in {:.1} s", t.elapsed().as_secs_f64());

    let catalogue = embedded_catalogue(&[src]).map_err(|e| anyhow::anyhow!("{e}"))?.catalogue;
    let t = Instant::now();
    let data = gather(&store, Some(ROUND), &Selection::All)?.context("no interviews in the national dataset")?;
    let plans = data.plan(&store, &catalogue, &Selection::All)?;
    println!("gather + plan all {}: {:.0} ms", plans.len(), ms(t.elapsed()));
    let one = plans.iter().find(|p| p.standing.municipality_code == CODE).expect("Malmö in the dataset");
    let entries: usize = plans.iter().map(|p| p.entries.len()).sum();
    println!("entries per roadmap: mean {:.1}; Malmö {}", entries as f64 / plans.len() as f64, one.entries.len());

    // In-process, one document.
    let _ = municipality_pdf(one, Lang::Sv)?; // parses the fonts once
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..30 {
        let t = Instant::now();
        size = municipality_pdf(one, Lang::Sv)?.len();
        times.push(t.elapsed());
    }
    let pages = fardplan_pages(one)?;
    println!(
        "\nin-process render, {CODE} Malmö: median {:.1} ms ({pages} pages, {} KB)",
        ms(median(times)),
        size / 1024
    );

    // One document as a process.
    let out = dir.path().join("one.pdf");
    let (wall, cpu) = time_process(10, || {
        let mut c = Command::new(bin);
        c.args(["--db"]).arg(&db).args(["roadmap", "--municipality", CODE, "--round", ROUND, "--out"]).arg(&out);
        c
    })?;
    println!("fardplan roadmap --municipality (process): median wall {:.0} ms, cpu {}", ms(wall), cpu_text(cpu));

    // LibreOffice, one document of the same pages.
    let odt_dir = dir.path().join("odt");
    std::fs::create_dir_all(&odt_dir)?;
    let fodt = odt_dir.join(format!("{CODE}.fodt"));
    std::fs::write(&fodt, fodt_of(one))?;
    let lo = which("soffice");
    let lo_wall = match &lo {
        None => {
            println!("libreoffice: `soffice` not found; install libreoffice-writer-nogui to measure it");
            None
        }
        Some(soffice) => {
            let profile = format!("-env:UserInstallation=file://{}", dir.path().join("lo-profile").display());
            let lo_out = dir.path().join("lo");
            let convert = |files: &[&Path]| {
                let mut c = Command::new(soffice);
                c.arg(&profile).args(["--headless", "--convert-to", "pdf", "--outdir"]).arg(&lo_out).args(files);
                c
            };
            // The first start creates the profile; not counted.
            convert(&[&fodt]).output()?;
            let (wall_lo, cpu_lo) = time_process(5, || convert(&[&fodt]))?;
            let lo_pdf = lo_out.join(format!("{CODE}.pdf"));
            let lo_pages = pdf_page_count(&std::fs::read(&lo_pdf)?);
            println!(
                "soffice --convert-to pdf, same pages (process): median wall {:.0} ms, cpu {} ({lo_pages} pages)",
                ms(wall_lo),
                cpu_text(cpu_lo)
            );
            println!("ratio libreoffice / fardplan per document (wall): {:.1}×", ms(wall_lo) / ms(wall));
            // 29 documents in one LibreOffice process.
            let files: Vec<_> = plans
                .iter()
                .take(29)
                .map(|p| {
                    let f = odt_dir.join(format!("{}.fodt", p.standing.municipality_code));
                    std::fs::write(&f, fodt_of(p)).map(|_| f)
                })
                .collect::<Result<_, _>>()?;
            let refs: Vec<&Path> = files.iter().map(|f| f.as_path()).collect();
            let (wall29, _) = time_process(1, || convert(&refs))?;
            println!(
                "soffice, 29 documents in one process: {:.1} s ({:.0} ms per document)",
                wall29.as_secs_f64(),
                ms(wall29) / 29.0
            );
            Some(wall_lo)
        }
    };

    // The batch as a process.
    let batch_dir = dir.path().join("all");
    let (wall_all, cpu_all) = time_process(3, || {
        let mut c = Command::new(bin);
        c.args(["--db"]).arg(&db).args(["roadmap", "--all", "--round", ROUND, "--out-dir"]).arg(&batch_dir);
        c
    })?;
    println!(
        "\nfardplan roadmap --all, {} documents (process): median wall {:.2} s, cpu {} ({:.1} ms per document)",
        plans.len(),
        wall_all.as_secs_f64(),
        cpu_text(cpu_all),
        ms(wall_all) / plans.len() as f64
    );

    // Linearity: in-process batches of growing size on two threads.
    for n in [29, 145, 290] {
        let subset = &plans[..n.min(plans.len())];
        let t = Instant::now();
        let bytes = render_parallel(subset, 2);
        let d = t.elapsed();
        println!(
            "in-process batch of {n:>3} on 2 threads: {:.2} s, {:.1} ms per document, {} KB in all",
            d.as_secs_f64(),
            ms(d) / n as f64,
            bytes / 1024
        );
    }
    if lo_wall.is_none() {
        println!("(no LibreOffice figures in this run)");
    }
    Ok(())
}

fn cpu_text(cpu: Option<Duration>) -> String {
    cpu.map_or("n/a".into(), |c| format!("{:.0} ms", ms(c)))
}

fn num_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn which(name: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|d| Path::new(d).join(name)).find(|p| p.is_file())
}

fn fardplan_pages(r: &MunicipalityRoadmap) -> anyhow::Result<usize> {
    Ok(pdf_page_count(&municipality_pdf(r, Lang::Sv)?))
}

/// Pages of a PDF, read with the same reader as the tests.
fn pdf_page_count(pdf: &[u8]) -> usize {
    pdf_extract::Document::load_mem(pdf).map(|d| d.get_pages().len()).unwrap_or(0)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A flat ODT with the same text as the PDF: cover, summary, one page per sub-goal with its
/// entries in the four-field format, the timeline as a table, the appendix; A4, DejaVu Sans,
/// a header with name and round and a footer "Sida n av m".
fn fodt_of(r: &MunicipalityRoadmap) -> String {
    let lang = Lang::Sv;
    let tx = t::texts(lang);
    let s = &r.standing;
    let mut body = String::new();
    let mut p =
        |style: &str, text: &str| body += &format!("<text:p text:style-name=\"{style}\">{}</text:p>", esc(text));
    p("Title", tx.title);
    p("Big", &s.municipality);
    p("P", &s.county);
    for (k, v) in
        [(tx.round, s.round.as_str()), (tx.interview_date, &r.info.date), (tx.interviewer, &r.info.interviewer)]
    {
        p("P", &format!("{k}: {v}"));
    }
    p("H1Break", tx.summary);
    p("H3", tx.where_we_stand);
    p("P", &pdf_sentences::municipality(r, lang).join(" "));
    p("H3", tx.chart_title);
    for g in SubGoal::ALL {
        let st = r.subgoal(g);
        p(
            "P",
            &format!(
                "{}: {} ({} {})",
                g.display(),
                t::score(st.score, lang),
                tx.legend_median,
                t::score(st.county_median, lang)
            ),
        );
    }
    p("H3", tx.first_priorities);
    for (i, e) in r.certain().take(3).enumerate() {
        p("B", &format!("{}. {}", i + 1, e.entry.inriktning));
        p("P", &format!("{}: {}", tx.who, e.entry.aktorer.join(", ")));
        p("P", &format!("{}: {}", tx.when, t::horizon(e.entry.horizon, lang)));
    }
    for g in SubGoal::ALL {
        let st = r.subgoal(g);
        p("H1Break", g.display());
        p("I", g.goal_sentence());
        p(
            "B",
            &t::score_line(st.score, st.band.map(|b| b.name(lang)), st.coverage.unwrap_or(0.0), st.county_median, lang),
        );
        p("H3", tx.key_answers);
        for k in &r.key_answers[g.index()] {
            p("P", &format!("• {} — {}", k.question, t::answered(&k.answer, lang)));
        }
        p("H3", tx.entries);
        for e in r.entries_of(g) {
            p("B", &format!("{} {}", tx.priority, e.priority));
            p("L", tx.f_inriktning);
            p("P", &e.entry.inriktning);
            p("L", tx.f_motiv);
            p("P", &e.entry.motiv);
            p("L", tx.f_atgarder);
            for a in &e.entry.atgarder {
                p("P", &format!("• {a}"));
            }
            p("L", tx.f_aktorer);
            p("P", &e.entry.aktorer.join(", "));
        }
    }
    p("H1Break", tx.timeline);
    for e in &r.entries {
        p("P", &format!("{}. {} — {}", e.priority, e.entry.inriktning, t::horizon(e.entry.horizon, lang)));
    }
    p("H1Break", tx.appendix);
    for section in &r.appendix {
        p("H3", &section.title);
        for item in &section.items {
            p("B", &item.question);
            p("P", &t::answered(&item.answer, lang));
            if let Some(note) = &item.note {
                p("I", &format!("{}: {note}", tx.note));
            }
        }
    }
    let header = esc(&format!("{} · {} — {} {}", tx.title, s.municipality, tx.round, s.round));
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/></office:font-face-decls>
<office:styles>
<style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.1cm"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt"/></style:style>
<style:style style:name="B" style:family="paragraph" style:parent-style-name="P"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="I" style:family="paragraph" style:parent-style-name="P"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="L" style:family="paragraph" style:parent-style-name="P"><style:text-properties fo:font-weight="bold" fo:color="#0d4d80"/></style:style>
<style:style style:name="H3" style:family="paragraph" style:parent-style-name="P"><style:paragraph-properties fo:margin-top="0.3cm"/><style:text-properties fo:font-size="11pt" fo:font-weight="bold"/></style:style>
<style:style style:name="H1Break" style:family="paragraph" style:parent-style-name="P"><style:paragraph-properties fo:break-before="page"/><style:text-properties fo:font-size="18pt" fo:font-weight="bold" fo:color="#0d4d80"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="P"><style:paragraph-properties fo:margin-top="4cm"/><style:text-properties fo:font-size="30pt" fo:font-weight="bold" fo:color="#0d4d80"/></style:style>
<style:style style:name="Big" style:family="paragraph" style:parent-style-name="P"><style:text-properties fo:font-size="24pt" fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style><style:header-footer-properties fo:min-height="0.8cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.8cm"/></style:footer-style></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header><text:p text:style-name="P">{header}</text:p></style:header><style:footer><text:p text:style-name="P">Sida <text:page-number text:select-page="current"/> av <text:page-count/></text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>{body}</office:text></office:body>
</office:document>
"##
    )
}
