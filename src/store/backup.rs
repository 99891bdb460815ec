//! Consistent copies of a live database with SQLite's online backup API.

use super::{Result, Store, StoreError, create_private};
use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a backup keeps retrying while another connection holds a lock it needs.
const BUSY_PATIENCE: Duration = Duration::from_secs(10);

impl Store {
    /// Copies the whole database to `out` as one consistent snapshot, safe while other
    /// connections (the TUI) keep writing. The copy is made in a single backup step (all pages at
    /// once), so it runs inside one read transaction: in WAL mode writers carry on meanwhile and
    /// the copy is exactly one committed state. Stepping page by page would instead restart every
    /// time another connection commits, and might never finish while someone types.
    ///
    /// The copy is written to a private temporary file beside `out` and renamed into place, so
    /// `out` is never a half-written database. An existing `out` is refused, never overwritten.
    pub fn backup_to(&self, out: &Path) -> Result<()> {
        let io = |source| StoreError::Io { path: out.to_path_buf(), source };
        if out.exists() {
            return Err(StoreError::OutputExists { path: out.to_path_buf() });
        }
        let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = out.with_file_name(format!(".{name}.{}.part", uuid::Uuid::new_v4()));
        create_private(&tmp).map_err(io)?;
        let copied = self.copy_into(&tmp).and_then(|()| std::fs::rename(&tmp, out).map_err(io));
        if copied.is_err() {
            // Best effort: the partial copy is useless, and the error below says what went wrong.
            let _ = std::fs::remove_file(&tmp);
        }
        copied
    }

    fn copy_into(&self, path: &Path) -> Result<()> {
        let mut dst = Connection::open(path)?;
        {
            let backup = Backup::new(&self.conn, &mut dst)?;
            let started = Instant::now();
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    // Busy/Locked: another connection is in the middle of a commit; try again.
                    _ if started.elapsed() < BUSY_PATIENCE => std::thread::sleep(Duration::from_millis(20)),
                    _ => {
                        return Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                            Some("backup: the database stayed locked".into()),
                        )));
                    }
                }
            }
        }
        // Closing checkpoints the copy into one self-contained file (no -wal beside it).
        dst.close().map_err(|(_, e)| StoreError::Sqlite(e))?;
        Ok(())
    }
}
