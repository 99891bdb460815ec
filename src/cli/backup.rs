//! `fardplan backup`

use super::{Ctx, store_error, user_error};
use crate::store::{InterviewFilter, Store, StoreError};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the copy; must not exist yet
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<()> {
    // Backing up a database that does not exist would only create an empty one to copy.
    if !ctx.db.exists() {
        let source = std::io::Error::from(std::io::ErrorKind::NotFound);
        return Err(store_error(ctx.lang, StoreError::Io { path: ctx.db.clone(), source }));
    }
    let store = ctx.open_store()?;
    store.backup_to(&args.out).map_err(|e| store_error(ctx.lang, e))?;
    let out = args.out.display().to_string();
    // Check the copy as a reader would open it, so a bad copy is never reported as a backup.
    let copy = Store::open_read_only(&args.out).map_err(|e| store_error(ctx.lang, e))?;
    if !copy.integrity_ok().map_err(|e| store_error(ctx.lang, e))? {
        return Err(user_error(crate::i18n::merge::backup_check_failed(ctx.lang, &out)));
    }
    let interviews = copy.interviews(&InterviewFilter::default()).map_err(|e| store_error(ctx.lang, e))?.len();
    eprintln!("{}", crate::i18n::merge::backup_done(ctx.lang, &out, interviews));
    Ok(())
}
