use rusqlite::{Connection, params};

use super::{Result, Store, StoreError};
use crate::text::clean_line;

impl Store {
    /// The unit's residential areas (thôn, tổ dân phố, khu phố), in their order: festival teams
    /// are one per area by default.
    pub fn areas(&self) -> Result<Vec<String>> {
        load(&self.conn).map_err(|e| self.fail(e))
    }

    /// Replaces the list of areas (NFC, trimmed, no empty names, no duplicates).
    pub fn set_areas(&mut self, names: &[String]) -> Result<()> {
        let names = checked(names)?;
        self.write(|tx| replace(tx, &names))
    }
}

pub(super) fn checked(names: &[String]) -> Result<Vec<String>> {
    let mut clean: Vec<String> = Vec::new();
    for name in names {
        let name = clean_line(name).trim().to_string();
        if name.is_empty() {
            continue;
        }
        if clean
            .iter()
            .any(|n| crate::text::fold(n) == crate::text::fold(&name))
        {
            return Err(StoreError::Invalid(format!(
                "Khu dân cư “{name}” bị trùng tên."
            )));
        }
        clean.push(name);
    }
    Ok(clean)
}

pub(super) fn load(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name FROM area ORDER BY position, id")?;
    stmt.query_map([], |row| row.get(0))?.collect()
}

pub(super) fn replace(tx: &rusqlite::Transaction<'_>, names: &[String]) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM area", [])?;
    for (position, name) in names.iter().enumerate() {
        tx.execute(
            "INSERT INTO area (name, position) VALUES (?1, ?2)",
            params![name, position as i64],
        )?;
    }
    Ok(())
}
