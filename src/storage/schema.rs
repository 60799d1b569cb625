//! Numbered schema migrations. `PRAGMA user_version` holds the number of migrations applied;
//! `PRAGMA application_id` marks the file as ours so that we never migrate a stranger's file.
//! Never edit a migration that has shipped: add a new one.

use rusqlite::Connection;

/// "NgHi" in ASCII.
pub const APPLICATION_ID: i64 = 0x4E67_4869;

const MIGRATIONS: &[&str] = &[
    // 1: the organising unit and its yearly events.
    "CREATE TABLE unit (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        level TEXT NOT NULL,
        province TEXT NOT NULL,
        place TEXT NOT NULL,
        committee TEXT NOT NULL,
        symbol TEXT NOT NULL DEFAULT 'BCĐ',
        head_name TEXT NOT NULL DEFAULT '',
        secretary_name TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE event (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL UNIQUE,
        date TEXT NOT NULL,
        window_start TEXT NOT NULL,
        window_end TEXT NOT NULL,
        theme TEXT NOT NULL DEFAULT ''
    );",
    // 2: the planning checklist of each event.
    "CREATE TABLE checklist_item (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        offset_days INTEGER NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX checklist_item_event ON checklist_item(event_id);",
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

pub fn application_id(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "application_id", |row| row.get(0))
}

/// Applies the migrations after the file's version up to `target`, all in one transaction.
pub fn migrate_to(conn: &mut Connection, target: i64) -> rusqlite::Result<()> {
    let current = version(conn)?;
    if current >= target {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for sql in &MIGRATIONS[current as usize..target as usize] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()
}
