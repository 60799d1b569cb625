use rusqlite::{Connection, params};

use super::event::{read_time, time_text};
use super::{Result, Store, StoreError};
use crate::domain::{Activity, ActivityKind, Prize, Team};

impl Store {
    /// The festival activities of an event with their teams and prizes, in program order.
    pub fn activities(&self, event_id: i64) -> Result<Vec<Activity>> {
        load(&self.conn, event_id).map_err(|e| self.fail(e))
    }

    /// Adds an activity at the end; an id of 0 gets a new id, any other id is reused.
    pub fn add_activity(&mut self, event_id: i64, activity: &Activity) -> Result<Activity> {
        let activity = activity.cleaned();
        activity.validate()?;
        self.write(|tx| {
            let position: i64 = tx.query_row(
                "SELECT count(*) FROM activity WHERE event_id = ?1",
                [event_id],
                |row| row.get(0),
            )?;
            let id = insert(tx, event_id, position, &activity)?;
            Ok(Activity { id, ..activity })
        })
        .and_then(|added| self.activity(added.id))
    }

    /// Saves an activity whole: its fields, its teams with their results, its prizes.
    pub fn save_activity(&mut self, activity: &Activity) -> Result<()> {
        let a = activity.cleaned();
        a.validate()?;
        self.write_one(format!("hoạt động “{}”", a.name), |tx| {
            let changed = tx.execute(
                "UPDATE activity SET kind = ?2, name = ?3, venue = ?4, start = ?5 WHERE id = ?1",
                params![a.id, a.kind.code(), a.name, a.venue, a.start.map(time_text)],
            )?;
            if changed > 0 {
                write_parts(tx, &a)?;
            }
            Ok(changed)
        })
    }

    pub fn delete_activity(&mut self, id: i64) -> Result<()> {
        self.delete_row("activity", id)
    }

    fn activity(&self, id: i64) -> Result<Activity> {
        let event_id: i64 = self
            .conn
            .query_row("SELECT event_id FROM activity WHERE id = ?1", [id], |row| {
                row.get(0)
            })
            .map_err(|e| self.fail(e))?;
        self.activities(event_id)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| StoreError::NotFound("hoạt động vừa thêm".into()))
    }
}

pub(super) fn load(conn: &Connection, event_id: i64) -> rusqlite::Result<Vec<Activity>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, name, venue, start FROM activity WHERE event_id = ?1 ORDER BY position, id",
    )?;
    let mut activities: Vec<Activity> = stmt
        .query_map([event_id], |row| {
            let kind: String = row.get(1)?;
            Ok(Activity {
                id: row.get(0)?,
                kind: ActivityKind::from_code(&kind).unwrap_or(ActivityKind::Other),
                name: row.get(2)?,
                venue: row.get(3)?,
                start: read_time(row, 4)?,
                teams: Vec::new(),
                prizes: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut teams = conn.prepare_cached(
        "SELECT id, name, score, rank FROM team WHERE activity_id = ?1 ORDER BY position, id",
    )?;
    let mut prizes = conn.prepare_cached(
        "SELECT rank, label, amount FROM prize WHERE activity_id = ?1 ORDER BY rank",
    )?;
    for activity in &mut activities {
        activity.teams = teams
            .query_map([activity.id], |row| {
                Ok(Team {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    score: row.get(2)?,
                    rank: row.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        activity.prizes = prizes
            .query_map([activity.id], |row| {
                Ok(Prize {
                    rank: row.get(0)?,
                    label: row.get(1)?,
                    amount: row.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(activities)
}

pub(super) fn insert(
    tx: &rusqlite::Transaction<'_>,
    event_id: i64,
    position: i64,
    a: &Activity,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO activity (id, event_id, position, kind, name, venue, start) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            (a.id != 0).then_some(a.id),
            event_id,
            position,
            a.kind.code(),
            a.name,
            a.venue,
            a.start.map(time_text)
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_parts(tx, &Activity { id, ..a.clone() })?;
    Ok(id)
}

/// Replaces the teams and prizes of an activity with the given ones.
fn write_parts(tx: &rusqlite::Transaction<'_>, a: &Activity) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM team WHERE activity_id = ?1", [a.id])?;
    tx.execute("DELETE FROM prize WHERE activity_id = ?1", [a.id])?;
    for (position, team) in a.teams.iter().enumerate() {
        tx.execute(
            "INSERT INTO team (activity_id, position, name, score, rank) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![a.id, position as i64, team.name, team.score, team.rank],
        )?;
    }
    for prize in &a.prizes {
        tx.execute(
            "INSERT INTO prize (activity_id, rank, label, amount) VALUES (?1, ?2, ?3, ?4)",
            params![a.id, prize.rank, prize.label, prize.amount],
        )?;
    }
    Ok(())
}
