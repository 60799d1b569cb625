use rusqlite::{Connection, params};

use super::event::{date_text, read_date};
use super::{Result, Store};
use crate::domain::{EventPoint, PointKind};

impl Store {
    /// The event points of an event: the main venue first, then by date and name.
    pub fn points(&self, event_id: i64) -> Result<Vec<EventPoint>> {
        load(&self.conn, event_id).map_err(|e| self.fail(e))
    }

    /// Adds a point; an id of 0 gets a new id, any other id is reused (undoing a removal).
    pub fn add_point(&mut self, event_id: i64, point: &EventPoint) -> Result<EventPoint> {
        let point = point.cleaned();
        point.validate()?;
        self.write(|tx| {
            let id = insert(tx, event_id, &point)?;
            Ok(EventPoint { id, ..point })
        })
    }

    pub fn save_point(&mut self, point: &EventPoint) -> Result<()> {
        let p = point.cleaned();
        p.validate()?;
        self.write_one("điểm tổ chức này", |tx| {
            tx.execute(
                "UPDATE event_point SET name = ?2, kind = ?3, date = ?4, host = ?5, expected = ?6, actual = ?7
                 WHERE id = ?1",
                params![p.id, p.name, p.kind.code(), date_text(p.date), p.host, p.expected, p.actual],
            )
        })
    }

    pub fn delete_point(&mut self, id: i64) -> Result<()> {
        self.delete_row("event_point", id)
    }
}

pub(super) fn load(conn: &Connection, event_id: i64) -> rusqlite::Result<Vec<EventPoint>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, kind, date, host, expected, actual FROM event_point
         WHERE event_id = ?1 ORDER BY kind <> 'chinh', date, id",
    )?;
    stmt.query_map([event_id], |row| {
        let kind: String = row.get(2)?;
        Ok(EventPoint {
            id: row.get(0)?,
            name: row.get(1)?,
            kind: PointKind::from_code(&kind).unwrap_or(PointKind::Residential),
            date: read_date(row, 3)?,
            host: row.get(4)?,
            expected: row.get(5)?,
            actual: row.get(6)?,
        })
    })?
    .collect()
}

pub(super) fn insert(
    tx: &rusqlite::Transaction<'_>,
    event_id: i64,
    p: &EventPoint,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO event_point (id, event_id, name, kind, date, host, expected, actual)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            (p.id != 0).then_some(p.id),
            event_id,
            p.name,
            p.kind.code(),
            date_text(p.date),
            p.host,
            p.expected,
            p.actual
        ],
    )?;
    Ok(tx.last_insert_rowid())
}
