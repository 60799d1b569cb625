//! The tables whose rows are written one at a time: an event's lists (checklist steps,
//! program items, delegates, points, activities, expected units, decisions) and the households
//! with their visits. Each has one description ([`Table`]: its name, columns and order, how a
//! row is read and bound); listing, adding, saving and inserting are written once, here, for
//! all of them.

mod described;

use rusqlite::{Connection, Params, Row, ToSql, Transaction};

use super::{Result, Store};
use crate::domain::Invalid;

/// The columns that place a row (its event, its position in an ordered list) with their
/// values; none for a household, which belongs to the file.
pub(super) type Keys<'a> = &'a [(&'static str, &'a dyn ToSql)];

/// A domain rule over a row: `validate`.
pub(super) type Rule<R> = fn(&R) -> std::result::Result<(), Invalid>;

pub(super) trait Table: Sized {
    const NAME: &'static str;
    /// The columns after `id`, in the order `from_row` reads them (from index 1) and `bind`
    /// gives them.
    const COLUMNS: &'static [&'static str];
    /// How a list is ordered (`ORDER BY`).
    const ORDER: &'static str;
    /// The domain's cleaning (NFC, trimmed) and rules, applied before every write.
    const CLEANED: fn(&Self) -> Self;
    const VALIDATE: Rule<Self>;

    fn id(&self) -> i64;
    fn with_id(self, id: i64) -> Self;
    /// How a message names the row when it was removed meanwhile ("đại biểu này").
    fn what(&self) -> String;
    /// Reads a row of `SELECT id, COLUMNS…`.
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self>;
    /// Calls `f` with the values of `COLUMNS`.
    fn bind<T>(&self, f: impl FnOnce(&[&dyn ToSql]) -> T) -> T;

    /// Writes what hangs off row `id` in other tables (an activity's teams and prizes).
    fn write_parts(&self, _tx: &Transaction<'_>, _id: i64) -> rusqlite::Result<()> {
        Ok(())
    }

    /// Finishes rows just read: their parts read, their order settled.
    fn finish(_conn: &Connection, _rows: &mut [Self]) -> rusqlite::Result<()> {
        Ok(())
    }
}

/// The row cleaned, or the rule it breaks.
pub(super) fn checked<R: Table>(row: &R) -> std::result::Result<R, Invalid> {
    let row = (R::CLEANED)(row);
    (R::VALIDATE)(&row)?;
    Ok(row)
}

/// Every row cleaned, or the first rule one breaks.
pub(super) fn all_checked<R: Table>(rows: &[R]) -> std::result::Result<Vec<R>, Invalid> {
    rows.iter().map(checked).collect()
}

/// The rows matching `condition`, in the table's order.
pub(super) fn select<R: Table>(
    conn: &Connection,
    condition: &str,
    params: impl Params,
) -> rusqlite::Result<Vec<R>> {
    let sql = format!(
        "SELECT id, {} FROM {} WHERE {condition} ORDER BY {}",
        R::COLUMNS.join(", "),
        R::NAME,
        R::ORDER
    );
    let mut rows = conn
        .prepare_cached(&sql)?
        .query_map(params, R::from_row)?
        .collect::<rusqlite::Result<Vec<R>>>()?;
    R::finish(conn, &mut rows)?;
    Ok(rows)
}

/// An event's list.
pub(super) fn list<R: Table>(conn: &Connection, event_id: i64) -> rusqlite::Result<Vec<R>> {
    select(conn, "event_id = ?1", [event_id])
}

/// Inserts a row placed by `keys`; an id of 0 gets a new id, any other is reused (undoing a
/// removal). Returns the row's id.
pub(super) fn insert<R: Table>(
    tx: &Transaction<'_>,
    keys: Keys<'_>,
    row: &R,
) -> rusqlite::Result<i64> {
    let id = (row.id() != 0).then_some(row.id());
    let columns: Vec<&str> = keys
        .iter()
        .map(|(name, _)| *name)
        .chain(R::COLUMNS.iter().copied())
        .collect();
    let slots: Vec<String> = (1..=columns.len() + 1).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {} (id, {}) VALUES ({})",
        R::NAME,
        columns.join(", "),
        slots.join(", ")
    );
    let mut first: Vec<&dyn ToSql> = vec![&id];
    first.extend(keys.iter().map(|(_, value)| *value));
    row.bind(|values| {
        tx.prepare_cached(&sql)?
            .execute(joined(&first, values).as_slice())
    })?;
    let id = tx.last_insert_rowid();
    row.write_parts(tx, id)?;
    Ok(id)
}

/// Writes a stored row's columns (and parts); returns how many rows changed, 0 when the row
/// was removed meanwhile.
pub(super) fn update<R: Table>(tx: &Transaction<'_>, row: &R) -> rusqlite::Result<usize> {
    let set: Vec<String> = R::COLUMNS
        .iter()
        .zip(2..)
        .map(|(column, slot)| format!("{column} = ?{slot}"))
        .collect();
    let sql = format!("UPDATE {} SET {} WHERE id = ?1", R::NAME, set.join(", "));
    let id = row.id();
    let changed = row.bind(|values| {
        tx.prepare_cached(&sql)?
            .execute(joined(&[&id], values).as_slice())
    })?;
    if changed > 0 {
        row.write_parts(tx, id)?;
    }
    Ok(changed)
}

/// The values of `first` then those of `rest`: a statement's parameters.
pub(super) fn joined<'a>(first: &[&'a dyn ToSql], rest: &[&'a dyn ToSql]) -> Vec<&'a dyn ToSql> {
    first.iter().chain(rest).copied().collect()
}

impl Store {
    /// An event's list, in its order.
    pub(super) fn list<R: Table>(&self, event_id: i64) -> Result<Vec<R>> {
        list(&self.conn, event_id).map_err(|e| self.fail(e))
    }

    /// Adds a row, cleaned and checked, placed by `keys`; an id of 0 gets a new id, any other
    /// id is reused (undoing a removal). Returns the row with its id.
    pub(super) fn add_row<R: Table>(&mut self, keys: Keys<'_>, row: &R) -> Result<R> {
        self.add_row_if(keys, row, |_, _| Ok(()))
    }

    /// [`Store::add_row`] for a row with a rule over the other rows (a number used once, a
    /// unit listed once): `check` refuses it inside the transaction.
    pub(super) fn add_row_if<R: Table>(
        &mut self,
        keys: Keys<'_>,
        row: &R,
        check: impl FnOnce(&Transaction<'_>, &R) -> rusqlite::Result<()>,
    ) -> Result<R> {
        let row = checked(row)?;
        self.write(|tx| {
            check(tx, &row)?;
            let id = insert(tx, keys, &row)?;
            Ok(row.with_id(id))
        })
    }

    /// Saves a row, cleaned and checked; one removed meanwhile is reported by its `what`.
    pub(super) fn save_row<R: Table>(&mut self, row: &R) -> Result<()> {
        let row = checked(row)?;
        self.write_one(row.what(), |tx| update(tx, &row))
    }
}
