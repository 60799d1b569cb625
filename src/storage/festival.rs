use rusqlite::{Connection, params};

use super::table::{checked, insert};
use super::{Result, Store, StoreError};
use crate::domain::{Activity, Prize, Team};

impl Store {
    /// The festival activities of an event with their teams and prizes, in program order.
    pub fn activities(&self, event_id: i64) -> Result<Vec<Activity>> {
        self.list(event_id)
    }

    /// Adds an activity at the end; an id of 0 gets a new id, any other id is reused.
    pub fn add_activity(&mut self, event_id: i64, activity: &Activity) -> Result<Activity> {
        let activity = checked(activity)?;
        self.write(|tx| {
            let position: i64 = tx.query_row(
                "SELECT count(*) FROM activity WHERE event_id = ?1",
                [event_id],
                |row| row.get(0),
            )?;
            insert(
                tx,
                &[("event_id", &event_id), ("position", &position)],
                &activity,
            )
        })
        .and_then(|id| self.activity(id))
    }

    /// Saves an activity whole: its fields, its teams with their results, its prizes.
    pub fn save_activity(&mut self, activity: &Activity) -> Result<()> {
        self.save_row(activity)
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

/// Reads the teams and prizes of activities just read.
pub(super) fn read_parts(conn: &Connection, activities: &mut [Activity]) -> rusqlite::Result<()> {
    let mut teams = conn.prepare_cached(
        "SELECT id, name, score, rank FROM team WHERE activity_id = ?1 ORDER BY position, id",
    )?;
    let mut prizes = conn.prepare_cached(
        "SELECT rank, label, amount FROM prize WHERE activity_id = ?1 ORDER BY rank",
    )?;
    for activity in activities {
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
    Ok(())
}

/// Replaces the teams and prizes of activity `id` with those of `a`.
pub(super) fn write_parts(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    a: &Activity,
) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM team WHERE activity_id = ?1", [id])?;
    tx.execute("DELETE FROM prize WHERE activity_id = ?1", [id])?;
    for (position, team) in a.teams.iter().enumerate() {
        tx.execute(
            "INSERT INTO team (activity_id, position, name, score, rank) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, position as i64, team.name, team.score, team.rank],
        )?;
    }
    for prize in &a.prizes {
        tx.execute(
            "INSERT INTO prize (activity_id, rank, label, amount) VALUES (?1, ?2, ?3, ?4)",
            params![id, prize.rank, prize.label, prize.amount],
        )?;
    }
    Ok(())
}
