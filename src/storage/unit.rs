use rusqlite::{OptionalExtension, params};

use super::{Result, Store};
use crate::domain::report::EmptyRows;
use crate::domain::{Level, RegisterDigits, Unit};

impl Store {
    /// The organising unit, if the file has been set up.
    pub fn unit(&self) -> Result<Option<Unit>> {
        read_unit(&self.conn).map_err(|e| self.fail(e))
    }

    /// Saves the unit (NFC, trimmed), refusing what documents cannot do without.
    pub fn save_unit(&mut self, unit: &Unit) -> Result<()> {
        let unit = unit.cleaned();
        unit.validate()?;
        self.write(|tx| write_unit(tx, &unit))
    }

    /// Saves only the fields of `edited` that differ from `base`, the unit as the form that
    /// edited it had loaded it; every other field keeps what the file holds now. A change
    /// made meanwhile by another window or the command line (another field) is never
    /// overwritten with the old value this form still had.
    pub fn save_unit_changes(&mut self, base: &Unit, edited: &Unit) -> Result<()> {
        let (base, edited) = (base.cleaned(), edited.cleaned());
        self.write(|tx| {
            let Some(mut unit) = read_unit(tx)? else {
                edited.validate().map_err(|e| super::error::rule(e.0))?;
                return write_unit(tx, &edited);
            };
            macro_rules! take {
                ($($field:ident),*) => {$(
                    if edited.$field != base.$field {
                        unit.$field = edited.$field.clone();
                    }
                )*};
            }
            take!(
                name,
                level,
                province,
                place,
                committee,
                symbol,
                head_name,
                secretary_name,
                register_digits,
                empty_rows
            );
            unit.validate().map_err(|e| super::error::rule(e.0))?;
            write_unit(tx, &unit)
        })
    }
}

fn read_unit(conn: &rusqlite::Connection) -> rusqlite::Result<Option<Unit>> {
    conn.query_row(
        "SELECT name, level, province, place, committee, symbol, head_name, secretary_name,
                register_digits, report_keep_empty_rows
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
                // The table's CHECK keeps the digits within 1 to 6.
                register_digits: RegisterDigits::new(row.get(8)?).unwrap_or_default(),
                empty_rows: match row.get(9)? {
                    true => EmptyRows::Keep,
                    false => EmptyRows::Omit,
                },
            })
        },
    )
    .optional()
}

pub(super) fn write_unit(tx: &rusqlite::Transaction<'_>, unit: &Unit) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO unit (id, name, level, province, place, committee, symbol, head_name,
             secretary_name, register_digits, report_keep_empty_rows)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT(id) DO UPDATE SET name = ?1, level = ?2, province = ?3, place = ?4,
             committee = ?5, symbol = ?6, head_name = ?7, secretary_name = ?8,
             register_digits = ?9, report_keep_empty_rows = ?10",
        params![
            unit.name,
            unit.level.code(),
            unit.province,
            unit.place,
            unit.committee,
            unit.symbol,
            unit.head_name,
            unit.secretary_name,
            unit.register_digits.get(),
            unit.empty_rows == EmptyRows::Keep
        ],
    )?;
    Ok(())
}
