//! Consolidation at the level above: the year's expected units (a list edited row by row,
//! `Record`), the packages taken in, and the consolidation of a year.
//!
//! A batch of packages runs in one transaction with a savepoint per file: a file is kept
//! whole or not at all (its savepoint rolled back, with its reason), the rest of the batch
//! goes on, and a dry run rolls the whole transaction back after checking every file exactly
//! as a real run would (a unit's second file in the batch still replaces its first).

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::table::{Table, checked, update};
use super::{Result, Store, StoreError};
use crate::consolidation::intake::{self, Accepted, Incoming, Intake, Outcome};
use crate::consolidation::package::checksum;
use crate::consolidation::{Consolidation, ExpectedUnit, Package, Received, read, unit_key};
use crate::domain::Invalid;

const DATE_TIME: &str = "%Y-%m-%d %H:%M:%S";

impl Store {
    /// The units expected to report in the event's year, in the order they were added.
    pub fn expected_units(&self, event_id: i64) -> Result<Vec<ExpectedUnit>> {
        self.list(event_id)
    }

    /// Adds an expected unit; an `id` of 0 gets a new id, any other id is reused (undoing a
    /// removal). A unit already in the list (whatever its accents and case) is refused.
    pub fn add_expected_unit(
        &mut self,
        event_id: i64,
        unit: &ExpectedUnit,
    ) -> Result<ExpectedUnit> {
        self.add_row_if(&[("event_id", &event_id)], unit, |tx, unit| {
            refuse_twice(tx, event_id, unit)
        })
    }

    /// Adds every name not yet in the list (a list imported or pasted), in one transaction;
    /// returns how many were added.
    pub fn add_expected_units(&mut self, event_id: i64, names: &[String]) -> Result<usize> {
        let units: Vec<ExpectedUnit> = names
            .iter()
            .map(|name| ExpectedUnit::new(name).cleaned())
            .filter(|u| u.validate().is_ok())
            .collect();
        self.write(|tx| {
            let mut added = 0;
            for unit in &units {
                added += tx.execute(
                    "INSERT OR IGNORE INTO expected_unit (event_id, name, unit_key) VALUES (?1, ?2, ?3)",
                    params![event_id, unit.name, unit_key(&unit.name)],
                )?;
            }
            Ok(added)
        })
    }

    pub fn save_expected_unit(&mut self, unit: &ExpectedUnit) -> Result<()> {
        let unit = checked(unit)?;
        self.write_one(unit.what(), |tx| {
            let event_id: Option<i64> = tx
                .query_row(
                    "SELECT event_id FROM expected_unit WHERE id = ?1",
                    [unit.id],
                    |row| row.get(0),
                )
                .optional()?;
            let Some(event_id) = event_id else {
                return Ok(0);
            };
            refuse_twice(tx, event_id, &unit)?;
            update(tx, &unit)
        })
    }

    pub fn delete_expected_unit(&mut self, id: i64) -> Result<()> {
        self.delete_row("expected_unit", id)
    }

    /// Every package of `year` taken in, the replaced ones too, by unit then arrival.
    pub fn received_packages(&self, year: i32) -> Result<Vec<Received>> {
        load_received(&self.conn, year).map_err(|e| self.fail(e))
    }

    /// Takes in the files and folders the secretary chose (a folder's `.xlsx` files), as
    /// [`Store::take_in`]: one `Intake` per file, in order; a file that cannot be read is
    /// refused with its reason and the others still go in.
    pub fn take_in_paths(
        &mut self,
        year: i32,
        paths: &[std::path::PathBuf],
        arrived_at: NaiveDateTime,
        dry_run: bool,
    ) -> Result<Vec<Intake>> {
        let files =
            intake::package_files(paths).map_err(|m| StoreError::Invalid(upper_first(&m)))?;
        let mut unread: Vec<(usize, Intake)> = Vec::new();
        let mut incoming: Vec<(usize, Incoming)> = Vec::new();
        for (i, path) in files.iter().enumerate() {
            match Incoming::from_path(path) {
                Ok(file) => incoming.push((i, file)),
                Err(reason) => unread.push((
                    i,
                    Intake {
                        file_name: path.display().to_string(),
                        outcome: Outcome::Refused(reason),
                    },
                )),
            }
        }
        let read: Vec<Incoming> = incoming.iter().map(|(_, f)| f.clone()).collect();
        let taken = self.take_in(year, &read, arrived_at, dry_run)?;
        let mut all: Vec<(usize, Intake)> = incoming.iter().map(|(i, _)| *i).zip(taken).collect();
        all.extend(unread);
        all.sort_by_key(|(i, _)| *i);
        Ok(all.into_iter().map(|(_, intake)| intake).collect())
    }

    /// Takes in a batch of package files for `year`: one `Intake` per file, in order. The
    /// batch is refused whole only when this file's unit does not consolidate.
    pub fn take_in(
        &mut self,
        year: i32,
        files: &[Incoming],
        arrived_at: NaiveDateTime,
        dry_run: bool,
    ) -> Result<Vec<Intake>> {
        let consolidator = self
            .unit()?
            .ok_or_else(|| StoreError::Invalid("Tệp dữ liệu chưa có đơn vị tổ chức.".into()))?;
        intake::may_consolidate(&consolidator, year).map_err(|m| Invalid(upper_first(&m)))?;
        let expected: Vec<String> = match self.event(year)? {
            Some(event) => self
                .expected_units(event.id)?
                .iter()
                .map(|u| unit_key(&u.name))
                .collect(),
            None => Vec::new(),
        };
        // Reading and checking the files needs no transaction.
        let checked: Vec<(
            String,
            std::result::Result<crate::consolidation::Parsed, String>,
        )> = files
            .iter()
            .map(|file| {
                let parsed = read(file.bytes.clone())
                    .map_err(|e| e.to_string())
                    .and_then(|p| intake::check(&consolidator, year, &p.package).map(|()| p));
                (file.file_name.clone(), parsed)
            })
            .collect();
        let path = self.path.clone();
        let run = |conn: &mut Connection| -> rusqlite::Result<Vec<Intake>> {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let mut intakes = Vec::new();
            for (file_name, parsed) in checked {
                let outcome = match parsed {
                    Err(reason) => Outcome::Refused(reason),
                    Ok(parsed) => {
                        tx.execute_batch("SAVEPOINT package")?;
                        let stored =
                            store_one(&tx, year, &file_name, &parsed, arrived_at, &expected);
                        // A refusal found here wrote nothing either way.
                        match &stored {
                            Ok(_) => tx.execute_batch("RELEASE package")?,
                            Err(_) => tx.execute_batch("ROLLBACK TO package; RELEASE package")?,
                        }
                        stored.unwrap_or_else(|e| {
                            Outcome::Refused(super::error::classify(&path, e).to_string())
                        })
                    }
                };
                intakes.push(Intake { file_name, outcome });
            }
            if dry_run {
                tx.rollback()?;
            } else {
                tx.commit()?;
            }
            Ok(intakes)
        };
        run(&mut self.conn).map_err(|e| super::error::classify(&self.path, e))
    }

    /// Makes a replaced package its unit's current one again (the current one is kept).
    pub fn restore_package(&mut self, id: i64) -> Result<()> {
        self.write_one("gói báo cáo này", |tx| {
            let Some((year, key)): Option<(i32, String)> = tx
                .query_row(
                    "SELECT year, unit_key FROM received_package WHERE id = ?1",
                    [id],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?
            else {
                return Ok(0);
            };
            tx.execute(
                "UPDATE received_package SET current = 0 WHERE year = ?1 AND unit_key = ?2",
                params![year, key],
            )?;
            tx.execute(
                "UPDATE received_package SET current = 1 WHERE id = ?1",
                [id],
            )
        })
    }

    /// The consolidation of `year`: expected units × current packages, totals, and last
    /// year's totals when packages of last year were taken in. `None` without a unit.
    pub fn consolidation(&self, year: i32) -> Result<Option<Consolidation>> {
        let Some(unit) = self.unit()? else {
            return Ok(None);
        };
        let expected = match self.event(year)? {
            Some(event) => self.expected_units(event.id)?,
            None => Vec::new(),
        };
        let received = self.received_packages(year)?;
        let last = self.received_packages(year - 1)?;
        Ok(Some(Consolidation::new(
            unit, year, &expected, &received, &last,
        )))
    }
}

fn upper_first(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn refuse_twice(tx: &Transaction<'_>, event_id: i64, unit: &ExpectedUnit) -> rusqlite::Result<()> {
    let other: Option<String> = tx
        .query_row(
            "SELECT name FROM expected_unit WHERE event_id = ?1 AND unit_key = ?2 AND id != ?3",
            params![event_id, unit_key(&unit.name), unit.id],
            |row| row.get(0),
        )
        .optional()?;
    match other {
        Some(name) => Err(super::error::rule(format!(
            "Đơn vị “{name}” đã có trong danh sách."
        ))),
        None => Ok(()),
    }
}

/// Checks one read package against the unit's current one and keeps it.
fn store_one(
    tx: &Transaction<'_>,
    year: i32,
    file_name: &str,
    parsed: &crate::consolidation::Parsed,
    arrived_at: NaiveDateTime,
    expected: &[String],
) -> rusqlite::Result<Outcome> {
    let package = &parsed.package;
    let key = unit_key(&package.unit);
    let sum = checksum(&parsed.content);
    let current: Option<(i64, String, String)> = tx
        .query_row(
            "SELECT id, checksum, made_at FROM received_package
             WHERE year = ?1 AND unit_key = ?2 AND current = 1",
            params![year, key],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    let current_made = current.as_ref().and_then(|(_, c, m)| {
        Some((
            c.as_str(),
            NaiveDateTime::parse_from_str(m, DATE_TIME).ok()?,
        ))
    });
    let replaces = match intake::against_current(package, &sum, current_made) {
        Ok(replaces) => replaces,
        Err(reason) => return Ok(Outcome::Refused(reason)),
    };
    if let Some((id, ..)) = current {
        tx.execute(
            "UPDATE received_package SET current = 0 WHERE id = ?1",
            [id],
        )?;
    }
    tx.execute(
        "INSERT INTO received_package
         (year, unit_key, unit_name, made_at, arrived_at, file_name, checksum, intact, content, current)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1)",
        params![
            year,
            key,
            package.unit,
            package.made_at.format(DATE_TIME).to_string(),
            arrived_at.format(DATE_TIME).to_string(),
            file_name,
            sum,
            parsed.intact,
            parsed.content,
        ],
    )?;
    let accepted = Accepted {
        id: tx.last_insert_rowid(),
        unit: package.unit.clone(),
        expected: expected.contains(&key),
        intact: parsed.intact,
    };
    Ok(if replaces {
        Outcome::Replaced(accepted)
    } else {
        Outcome::Taken(accepted)
    })
}

fn load_received(conn: &Connection, year: i32) -> rusqlite::Result<Vec<Received>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, content, intact, arrived_at, file_name, current FROM received_package
         WHERE year = ?1 ORDER BY unit_key, id",
    )?;
    let rows = stmt.query_map([year], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, bool>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, String>(4)?,
            row.get::<_, bool>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, content, intact, arrived, file_name, current) = row?;
        // Content was parsed when it was taken in, by this format's reader.
        let Ok(package) = Package::from_content(&content) else {
            continue;
        };
        let arrived_at =
            NaiveDateTime::parse_from_str(&arrived, DATE_TIME).unwrap_or(package.made_at);
        out.push(Received {
            id,
            package,
            intact,
            arrived_at,
            file_name,
            current,
        });
    }
    Ok(out)
}
