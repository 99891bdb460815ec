//! `fardplan roadmap --all`: one PDF per municipality, rendered on every core, with a progress
//! bar on stderr (hidden when stderr is not a terminal, e.g. in scripts and tests).

use super::roadmap::{file_name, write};
use crate::i18n::{self, Lang};
use crate::pdf;
use crate::plan::MunicipalityRoadmap;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Renders and writes every roadmap into `dir`; returns how many were written. Stops at the
/// first failure and reports it.
pub fn write_all(plans: &[MunicipalityRoadmap], dir: &Path, lang: Lang) -> anyhow::Result<usize> {
    let target =
        if std::io::stderr().is_terminal() { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
    let bar = ProgressBar::with_draw_target(Some(plans.len() as u64), target);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {msg} ({eta})") {
        bar.set_style(style);
    }
    bar.set_message(i18n::roadmap_progress(lang));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, plans.len().max(1));
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let first_error: Mutex<Option<anyhow::Error>> = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while !failed.load(Ordering::Relaxed) {
                    let Some(plan) = plans.get(next.fetch_add(1, Ordering::Relaxed)) else { break };
                    let result = pdf::municipality_pdf(plan, lang)
                        .map_err(anyhow::Error::from)
                        .and_then(|bytes| write(&dir.join(file_name(plan)), &bytes, lang));
                    match result {
                        Ok(()) => bar.inc(1),
                        Err(e) => {
                            failed.store(true, Ordering::Relaxed);
                            if let Ok(mut slot) = first_error.lock() {
                                slot.get_or_insert(e);
                            }
                        }
                    }
                }
            });
        }
    });
    bar.finish_and_clear();
    match first_error.into_inner().ok().flatten() {
        Some(e) => Err(e),
        None => Ok(plans.len()),
    }
}
