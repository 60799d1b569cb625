use rusqlite::{OptionalExtension, params};

use super::{Result, Store};
use crate::domain::{Level, Unit};

impl Store {
    /// The organising unit, if the file has been set up.
    pub fn unit(&self) -> Result<Option<Unit>> {
        self.conn
            .query_row(
                "SELECT name, level, province, place, committee, symbol, head_name, secretary_name
                 FROM unit WHERE id = 1",
                [],
                |row| {
                    let level: String = row.get(1)?;
                    Ok(Unit {
                        name: row.get(0)?,
                        level: Level::from_code(&level).unwrap_or(Level::Commune),
                        province: row.get(2)?,
                        place: row.get(3)?,
                        committee: row.get(4)?,
                        symbol: row.get(5)?,
                        head_name: row.get(6)?,
                        secretary_name: row.get(7)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.fail(e))
    }

    /// Saves the unit (NFC, trimmed), refusing what documents cannot do without.
    pub fn save_unit(&mut self, unit: &Unit) -> Result<()> {
        let unit = unit.cleaned();
        unit.validate()?;
        self.write(|tx| write_unit(tx, &unit))
    }
}

pub(super) fn write_unit(tx: &rusqlite::Transaction<'_>, unit: &Unit) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO unit (id, name, level, province, place, committee, symbol, head_name, secretary_name)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT(id) DO UPDATE SET name = ?1, level = ?2, province = ?3, place = ?4,
             committee = ?5, symbol = ?6, head_name = ?7, secretary_name = ?8",
        params![
            unit.name,
            unit.level.code(),
            unit.province,
            unit.place,
            unit.committee,
            unit.symbol,
            unit.head_name,
            unit.secretary_name
        ],
    )?;
    Ok(())
}
