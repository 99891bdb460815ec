//! The SQLite store: one database file, every answer durable when `set_answer` returns.
//!
//! Opening is careful: a file that is not SQLite, an SQLite file of another program, or a
//! fardplan database with a newer schema is refused before anything is written to it.

mod answers;
mod backup;
mod conflicts;
mod interviews;
pub mod migrations;

pub(crate) use answers::answer_at;
pub use answers::{HistoryEntry, StoredAnswer};
pub use conflicts::{Conflict, ConflictReason, ConflictSide, ConflictStatus, Resolution, ResolutionKind};
pub use interviews::{Interview, InterviewFilter, InterviewStatus, NewInterview, content_hash};

use crate::load::LoadErrors;
use rusqlite::{Connection, OpenFlags};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not an SQLite database")]
    NotSqlite { path: PathBuf },
    #[error("{path}: an SQLite database, but not one of fardplan's")]
    NotFardplan { path: PathBuf },
    #[error("{path}: schema version {found} is newer than this program knows ({known})")]
    NewerSchema { path: PathBuf, found: i64, known: i64 },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("no interview with id {0}")]
    UnknownInterview(String),
    #[error("interview {0} is completed and read-only")]
    Completed(String),
    #[error("interview {0} is not completed")]
    NotCompleted(String),
    #[error("no open conflict on question {question} of interview {interview}")]
    NoOpenConflict { interview: String, question: String },
    #[error("{open} open conflicts on question {question} of interview {interview}: choose a value")]
    AmbiguousConflict { interview: String, question: String, open: usize },
    #[error("{path}: already exists")]
    OutputExists { path: PathBuf },
    #[error("stored questionnaire {hash} no longer loads: {errors}")]
    Snapshot { hash: String, errors: LoadErrors },
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// Errors caused by what the user gave us (exit code 1), as opposed to internal faults.
    pub fn is_user_error(&self) -> bool {
        !matches!(self, StoreError::Sqlite(_) | StoreError::Snapshot { .. })
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    schema_version: i64,
    /// Parsed questionnaire snapshots by hash; parsing is pure and snapshots never change.
    snapshots: Mutex<HashMap<String, std::sync::Arc<crate::model::Questionnaire>>>,
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens (creating if needed, with mode 0600) the database at `path`, refusing foreign files.
    pub fn open(path: &Path) -> Result<Store> {
        let io = |source| StoreError::Io { path: path.to_path_buf(), source };
        match std::fs::metadata(path) {
            Ok(meta) if meta.len() > 0 => check_writable_target(path, &inspect(path)?)?,
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => create_private(path).map_err(io)?,
            Err(e) => return Err(io(e)),
        }
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        Self::init(conn, Some(path.to_path_buf()))
    }

    /// Opens another fardplan database only to read it (the source of a merge). Nothing is
    /// migrated or written: SQLite itself refuses writes on this connection. A file that is not a
    /// fardplan database (an empty one included) or has a newer schema is refused; an older
    /// schema is fine, readers check `schema_version` before touching newer tables.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let meta = std::fs::metadata(path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
        if meta.len() == 0 {
            return Err(StoreError::NotFardplan { path: path.to_path_buf() });
        }
        let found = inspect(path)?;
        if found.app_id != migrations::APPLICATION_ID || found.version < 1 {
            return Err(StoreError::NotFardplan { path: path.to_path_buf() });
        }
        check_not_newer(path, &found)?;
        let conn = read_only_connection(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
            schema_version: found.version,
            snapshots: Mutex::new(HashMap::new()),
        })
    }

    /// A private in-memory database, for tests and dry runs.
    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?, None)
    }

    pub(crate) fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        // FULL: a commit is on disk before we report "sparat" (DESIGN.md: ~0.15 ms per commit here).
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
        )?;
        migrations::migrate(&mut conn)?;
        let schema_version = migrations::user_version(&conn)?;
        Ok(Store { conn, path, schema_version, snapshots: Mutex::new(HashMap::new()) })
    }

    /// The schema version of this database: `migrations::LATEST`, except for a database opened
    /// with `open_read_only`, which may be older.
    pub fn schema_version(&self) -> i64 {
        self.schema_version
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn integrity_ok(&self) -> Result<bool> {
        let s: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(s == "ok")
    }
}

/// A write transaction that nests: the outermost level is `BEGIN IMMEDIATE` (so a writer never
/// fails halfway on a lock upgrade), inner levels are savepoints. Dropped without `commit`, it
/// rolls back its own level only.
pub struct Tx<'a> {
    conn: &'a Connection,
    outer: bool,
    done: bool,
}

impl Tx<'_> {
    pub fn commit(mut self) -> Result<()> {
        self.done = true;
        self.conn.execute_batch(if self.outer { "COMMIT" } else { "RELEASE fardplan_sp" })?;
        Ok(())
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if !self.done {
            let sql = if self.outer { "ROLLBACK" } else { "ROLLBACK TO fardplan_sp; RELEASE fardplan_sp" };
            // Nothing more can be done if the rollback itself fails; SQLite then rolls back on close.
            let _ = self.conn.execute_batch(sql);
        }
    }
}

impl Store {
    pub fn begin(&self) -> Result<Tx<'_>> {
        let outer = self.conn.is_autocommit();
        self.conn.execute_batch(if outer { "BEGIN IMMEDIATE" } else { "SAVEPOINT fardplan_sp" })?;
        Ok(Tx { conn: &self.conn, outer, done: false })
    }
}

/// Creates the file with owner-only permissions before SQLite opens it; answers are personal data
/// about an organisation's work and should not be world-readable on a shared machine.
fn create_private(path: &Path) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path).map(|_| ())
}

/// A read-only connection that leaves no trace beside the file. A plain read-only connection to
/// a WAL database creates `-wal` and `-shm` files and leaves them behind (it may not checkpoint),
/// and on read-only media, where it cannot create them, it fails. SQLite deletes the `-wal` file
/// when the last connection closes, so without one no program has the database open: it is then
/// opened `immutable` (no locks, no side files). With a `-wal` beside it (open elsewhere, or left
/// by a crash) it is opened plainly, so the newest committed answers in the WAL are read too.
fn read_only_connection(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    match path.to_str() {
        Some(text) if !Path::new(&wal).exists() => {
            let mut uri = String::from("file:");
            for c in text.chars() {
                match c {
                    '%' => uri.push_str("%25"),
                    '?' => uri.push_str("%3f"),
                    '#' => uri.push_str("%23"),
                    _ => uri.push(c),
                }
            }
            uri.push_str("?immutable=1");
            Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
        }
        // A path that is not UTF-8 cannot be written as a URI; open it plainly.
        _ => Connection::open_with_flags(path, flags),
    }
}

/// What `inspect` found in an existing SQLite file.
struct Inspection {
    app_id: i32,
    version: i64,
    /// No tables at all: an SQLite file nobody has used yet.
    empty: bool,
}

/// Reads an existing non-empty file's identity without writing to it: the SQLite header, then
/// `application_id`, `user_version` and whether it holds any schema objects.
fn inspect(path: &Path) -> Result<Inspection> {
    let mut header = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .map_err(|source| StoreError::Io { path: path.to_path_buf(), source });
    if matches!(&read, Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::UnexpectedEof)
        || (read.is_ok() && &header != SQLITE_MAGIC)
    {
        return Err(StoreError::NotSqlite { path: path.to_path_buf() });
    }
    read?;
    let ro = read_only_connection(path)?;
    let app_id: i32 = ro.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version = migrations::user_version(&ro)?;
    let objects: i64 = ro.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    Ok(Inspection { app_id, version, empty: objects == 0 })
}

/// A file `open` may migrate and write: fardplan's own, or an SQLite file nobody has used yet.
fn check_writable_target(path: &Path, found: &Inspection) -> Result<()> {
    let empty_sqlite = found.app_id == 0 && found.version == 0 && found.empty;
    if found.app_id != migrations::APPLICATION_ID && !empty_sqlite {
        return Err(StoreError::NotFardplan { path: path.to_path_buf() });
    }
    check_not_newer(path, found)
}

fn check_not_newer(path: &Path, found: &Inspection) -> Result<()> {
    if found.version > migrations::LATEST {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: found.version,
            known: migrations::LATEST,
        });
    }
    Ok(())
}

/// Current time as stored: RFC 3339, UTC, milliseconds.
pub fn now() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// The database used when neither `--db` nor `FARDPLAN_DB` is given.
pub fn default_path() -> PathBuf {
    directories::ProjectDirs::from("se", "fardplan", "fardplan")
        .map(|d| d.data_dir().join("fardplan.db"))
        .unwrap_or_else(|| PathBuf::from("fardplan.db"))
}
