//! `fardplan compare` for the whole country and for one county, and `fardplan report` for one
//! county, each as a process of the release binary (start-up included), on the national dataset
//! (290 municipalities × 3 rounds), beside the same computations by a pandas script over the CSV
//! export (benches/compare_pandas.py), interleaved in the same run so machine noise hits both.
//!
//! Run: `cargo bench --bench compare` with python3 and pandas installed (`pip install pandas`;
//! only for this measurement, never in CI). Without pandas the Rust side is still measured.
//! Also checks that both sides agree on every score, rank, median and change of the
//! whole-country comparison, so the timings compare the same work.

use anyhow::{Context, bail};
use fardplan::demo::{fill, national};
use fardplan::load::embedded_questionnaire;
use fardplan::store::Store;
use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 10;
const COUNTY: &str = "12";

struct Case {
    name: &'static str,
    rust: Vec<&'static str>,
    pandas: Vec<&'static str>,
}

fn run(cmd: &mut Command) -> anyhow::Result<(Duration, Vec<u8>)> {
    let t = Instant::now();
    let out = cmd.stderr(Stdio::inherit()).output()?;
    let elapsed = t.elapsed();
    if !out.status.success() {
        bail!("{cmd:?} failed: {}", out.status);
    }
    Ok((elapsed, out.stdout))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Rows keyed by municipality code, columns by name.
fn table(csv_bytes: &[u8]) -> anyhow::Result<HashMap<String, HashMap<String, String>>> {
    let mut r = csv::Reader::from_reader(csv_bytes);
    let header: Vec<String> = r.headers()?.iter().map(str::to_string).collect();
    let mut out = HashMap::new();
    for rec in r.records() {
        let rec = rec?;
        let row: HashMap<String, String> = header.iter().cloned().zip(rec.iter().map(str::to_string)).collect();
        out.insert(row.get("municipality_code").cloned().unwrap_or_default(), row);
    }
    Ok(out)
}

/// The largest difference between the two whole-country comparisons over every score, rank,
/// county median and change; fails if a municipality is missing on one side.
fn agreement(rust: &[u8], pandas: &[u8]) -> anyhow::Result<(usize, f64)> {
    let (a, b) = (table(rust)?, table(pandas)?);
    if a.len() != b.len() {
        bail!("rust has {} municipalities, pandas {}", a.len(), b.len());
    }
    let mut worst = 0.0f64;
    let mut compared = 0;
    for (code, ra) in &a {
        let rb = b.get(code).with_context(|| format!("pandas lacks {code}"))?;
        for m in ["kompetens", "trygghet", "innovation", "ledning", "infrastruktur", "index"] {
            for f in ["score", "rank", "county_median", "change"] {
                let key = format!("{m}_{f}");
                let (x, y) = (ra.get(&key).map(String::as_str), rb.get(&key).map(String::as_str));
                match (x.and_then(|s| s.parse::<f64>().ok()), y.and_then(|s| s.parse::<f64>().ok())) {
                    (Some(x), Some(y)) => {
                        worst = worst.max((x - y).abs());
                        compared += 1;
                    }
                    (None, None) => {}
                    _ => bail!("{code} {key}: rust {x:?}, pandas {y:?}"),
                }
            }
        }
    }
    Ok((compared, worst))
}

fn pandas_available() -> bool {
    Command::new("python3")
        .args(["-c", "import pandas"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn main() -> anyhow::Result<()> {
    let bin = env!("CARGO_BIN_EXE_fardplan");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/compare_pandas.py");
    let dir = tempfile::tempdir()?;
    // COMPARE_BENCH_DB=path keeps the dataset there (and reuses it), e.g. for profiling.
    let db = std::env::var_os("COMPARE_BENCH_DB").map_or_else(|| dir.path().join("national.db"), Into::into);
    if !db.exists() {
        let t = Instant::now();
        let store = Store::open(&db)?;
        let src = embedded_questionnaire().map_err(|e| anyhow::anyhow!("{e}"))?;
        let filled = fill(&store, &src, &national())?;
        println!(
            "national dataset: {} interviews, {} answers (filled in {:.1} s)",
            filled.interviews,
            filled.answers,
            t.elapsed().as_secs_f64()
        );
    }
    let csv_path = dir.path().join("export.csv");
    let q_path = dir.path().join("questionnaire.json");
    let fardplan = |args: &[&str]| {
        let mut c = Command::new(bin);
        c.env("FARDPLAN_DB", &db).env_remove("FARDPLAN_LANG").args(args);
        c
    };
    run(fardplan(&["export", "--format", "csv", "--out"]).arg(&csv_path))?;
    let (_, q_json) = run(&mut fardplan(&["questionnaire", "show", "--format", "json"]))?;
    std::fs::write(&q_path, q_json)?;
    println!("CSV export: {:.1} MB", std::fs::metadata(&csv_path)?.len() as f64 / 1e6);

    let with_pandas = pandas_available();
    if !with_pandas {
        println!("python3 with pandas not found: measuring the Rust side only (pip install pandas)");
    }
    let pandas = |args: &[&str]| {
        let mut c = Command::new("python3");
        c.arg(&script).arg(&csv_path).arg(&q_path).args(args);
        c
    };
    let cases = [
        Case { name: "compare, whole country", rust: vec!["compare", "--format", "csv"], pandas: vec!["country"] },
        Case {
            name: "compare, county 12",
            rust: vec!["compare", "--county", COUNTY, "--format", "csv"],
            pandas: vec!["county", COUNTY],
        },
        Case {
            name: "report, county 12",
            rust: vec!["report", "--county", COUNTY, "--format", "csv"],
            pandas: vec!["report", COUNTY],
        },
    ];

    if with_pandas {
        let (_, r) = run(&mut fardplan(&cases[0].rust))?;
        let (_, p) = run(&mut pandas(&cases[0].pandas))?;
        let (n, worst) = agreement(&r, &p)?;
        println!("whole-country results agree: {n} figures compared, largest difference {worst:.4}");
    }

    println!("\n{RUNS} runs each, interleaved; median (min) wall time per process");
    println!("{:<24} {:>18} {:>18} {:>8}", "case", "fardplan", "pandas", "ratio");
    for case in &cases {
        // One warm-up run each so the page cache holds the binary, the interpreter and the files.
        run(&mut fardplan(&case.rust))?;
        if with_pandas {
            run(&mut pandas(&case.pandas))?;
        }
        let (mut rs, mut ps) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            rs.push(run(&mut fardplan(&case.rust))?.0);
            if with_pandas {
                ps.push(run(&mut pandas(&case.pandas))?.0);
            }
        }
        let (rmin, rmed) = (rs.iter().min().copied().unwrap_or_default(), median(rs));
        if with_pandas {
            let (pmin, pmed) = (ps.iter().min().copied().unwrap_or_default(), median(ps));
            println!(
                "{:<24} {:>8.1} ({:>5.1}) ms {:>8.1} ({:>5.1}) ms {:>7.1}×",
                case.name,
                ms(rmed),
                ms(rmin),
                ms(pmed),
                ms(pmin),
                ms(pmed) / ms(rmed)
            );
        } else {
            println!("{:<24} {:>8.1} ({:>5.1}) ms", case.name, ms(rmed), ms(rmin));
        }
    }
    Ok(())
}
