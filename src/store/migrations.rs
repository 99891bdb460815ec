//! Numbered, append-only schema migrations, tracked by `PRAGMA user_version`.

use rusqlite::Connection;

/// `PRAGMA application_id` of a fardplan database ("FDPL"), so a foreign SQLite file is recognised.
pub const APPLICATION_ID: i32 = 0x4644_504C;

/// Index i holds the migration to schema version i + 1.
const MIGRATIONS: &[&str] = &[include_str!("migrations/001_initial.sql"), include_str!("migrations/002_merge.sql")];

pub const LATEST: i64 = MIGRATIONS.len() as i64;

pub fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Brings the schema to `LATEST`, one transaction per migration so a crash leaves a valid version.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let current = user_version(conn)?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current.max(0) as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};", i + 1))?;
        tx.commit()?;
    }
    Ok(())
}
