use rusqlite::{Connection, params};

use super::{Result, Store};
use crate::domain::Delegate;
use crate::domain::delegate::protocol_order;

impl Store {
    /// The delegates of an event, in protocol order.
    pub fn delegates(&self, event_id: i64) -> Result<Vec<Delegate>> {
        load(&self.conn, event_id).map_err(|e| self.fail(e))
    }

    /// Adds a delegate; an id of 0 gets a new id, any other id is reused (undoing a removal).
    pub fn add_delegate(&mut self, event_id: i64, delegate: &Delegate) -> Result<Delegate> {
        let delegate = delegate.cleaned();
        delegate.validate()?;
        self.write(|tx| {
            let id = insert(tx, event_id, &delegate)?;
            Ok(Delegate { id, ..delegate })
        })
    }

    pub fn save_delegate(&mut self, delegate: &Delegate) -> Result<()> {
        let d = delegate.cleaned();
        d.validate()?;
        self.write_one("đại biểu này", |tx| {
            tx.execute(
                "UPDATE delegate SET name = ?2, title = ?3, organisation = ?4, rank = ?5, attending = ?6 WHERE id = ?1",
                params![d.id, d.name, d.title, d.organisation, d.rank, d.attending],
            )
        })
    }

    pub fn delete_delegate(&mut self, id: i64) -> Result<()> {
        self.delete_row("delegate", id)
    }
}

pub(super) fn load(conn: &Connection, event_id: i64) -> rusqlite::Result<Vec<Delegate>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, title, organisation, rank, attending FROM delegate WHERE event_id = ?1",
    )?;
    let mut delegates: Vec<Delegate> = stmt
        .query_map([event_id], |row| {
            Ok(Delegate {
                id: row.get(0)?,
                name: row.get(1)?,
                title: row.get(2)?,
                organisation: row.get(3)?,
                rank: row.get(4)?,
                attending: row.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    delegates.sort_by(protocol_order);
    Ok(delegates)
}

pub(super) fn insert(
    tx: &rusqlite::Transaction<'_>,
    event_id: i64,
    d: &Delegate,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO delegate (id, event_id, name, title, organisation, rank, attending)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            (d.id != 0).then_some(d.id),
            event_id,
            d.name,
            d.title,
            d.organisation,
            d.rank,
            d.attending
        ],
    )?;
    Ok(tx.last_insert_rowid())
}
