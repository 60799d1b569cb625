//! "Xóa hẳn": a household taken out of the data file and out of every copy kept in the backups
//! folder, for a family that asks to be forgotten. An ordinary removal can be undone and the
//! backups still hold the family until they rotate away; this cannot be undone.

use std::path::{Path, PathBuf};

use rusqlite::OptionalExtension;

use super::{Password, Result, Store, StoreError, backup, paths, schema};
use crate::domain::Household;

/// What "Xóa hẳn" did, to tell the secretary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purged {
    pub household: Household,
    /// Backup copies the household was taken out of.
    pub cleaned: usize,
    /// Copies that did not hold it.
    pub without: usize,
    /// Copies that could not be changed, with the Vietnamese reason (locked, read-only, damaged).
    pub failed: Vec<(PathBuf, String)>,
}

impl Purged {
    /// The sentence the window and the command line show.
    pub fn summary(&self) -> String {
        let mut text = format!(
            "Đã xóa hẳn hộ “{}” khỏi tệp dữ liệu và khỏi {} bản sao lưu",
            self.household.name, self.cleaned
        );
        if self.without > 0 {
            text.push_str(&format!(
                " ({} bản sao lưu khác không có hộ này)",
                self.without
            ));
        }
        text.push('.');
        backup::tell_failed(
            &mut text,
            &self.failed,
            "chưa sửa được, hãy xóa bản đó hoặc làm lại sau",
        );
        text
    }
}

impl Store {
    /// Takes the household and its visits out of the file, overwriting their bytes, then out
    /// of each copy in the backups folder. The household may already be removed from the file
    /// (the window offers this right after an ordinary removal). Not undoable: the window asks
    /// first.
    pub fn purge_household(&mut self, household: &Household) -> Result<Purged> {
        let household = household.cleaned();
        self.write(|tx| take_out(tx, &household))?;
        // secure_delete overwrites what this deletion freed; VACUUM also drops pages freed by
        // removals made before it was turned on. Another window reading the file makes it wait
        // (busy timeout) and, at worst, fail: the household is already gone, so go on.
        let _ = self.conn.execute_batch("VACUUM");

        let mut purged = Purged {
            household,
            cleaned: 0,
            without: 0,
            failed: Vec::new(),
        };
        for copy in backup::copies(&paths::backups_dir(&self.path)) {
            match purge_copy(&copy.path, self.password.as_ref(), &purged.household) {
                Ok(true) => purged.cleaned += 1,
                Ok(false) => purged.without += 1,
                Err(reason) => purged.failed.push((copy.path, reason)),
            }
        }
        Ok(purged)
    }
}

/// Deletes the household's rows and their visits; how many households matched. A copy may be
/// older than the data file: the household is found by its id and name, or by the same name,
/// year of birth and address (a household removed and imported again gets another id).
fn take_out(tx: &rusqlite::Transaction<'_>, household: &Household) -> rusqlite::Result<usize> {
    let ids: Vec<i64> = tx
        .prepare(
            "SELECT id FROM household
             WHERE (id = ?1 AND name = ?2)
                OR (name = ?2 AND birth_year IS ?3 AND address = ?4)",
        )?
        .query_map(
            rusqlite::params![
                household.id,
                household.name,
                household.birth_year,
                household.address
            ],
            |row| row.get(0),
        )?
        .collect::<rusqlite::Result<_>>()?;
    for id in &ids {
        // Visits first: a copy's connection does not enforce the cascade.
        tx.execute("DELETE FROM visit WHERE household_id = ?1", [id])?;
        tx.execute("DELETE FROM household WHERE id = ?1", [id])?;
    }
    Ok(ids.len())
}

/// Takes the household out of one backup copy; whether the copy held it. Copies of other
/// files, and copies from before households were kept, are left as they are.
fn purge_copy(
    path: &Path,
    password: Option<&Password>,
    household: &Household,
) -> std::result::Result<bool, String> {
    let fail = |e: rusqlite::Error| super::error::classify(path, e).to_string();
    let mut conn = match super::password::open_copy(path, password, true) {
        Ok(conn) => conn,
        // Not a database at all (an empty file): nothing of the household in it.
        Err(StoreError::NotOurs(_)) => return Ok(false),
        Err(e) => return Err(e.to_string()),
    };
    conn.busy_timeout(std::time::Duration::from_secs(2))
        .map_err(fail)?;
    let ours = schema::application_id(&conn).map_err(fail)? == schema::APPLICATION_ID;
    let has_households = conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'household'",
            [],
            |_| Ok(()),
        )
        .optional()
        .map_err(fail)?
        .is_some();
    if !ours || !has_households {
        return Ok(false);
    }
    conn.pragma_update(None, "secure_delete", true)
        .map_err(fail)?;
    let tx = conn.transaction().map_err(fail)?;
    let found = take_out(&tx, household).map_err(fail)?;
    tx.commit().map_err(fail)?;
    if found > 0 {
        conn.execute_batch("VACUUM").map_err(fail)?;
    }
    Ok(found > 0)
}
