//! Looking at a candidate backup without opening it for writing: what it would bring back, or
//! why it cannot be used. Nothing is written to the file (it is opened read-only), so a
//! damaged or foreign file stays exactly as it was.

use std::path::Path;

use chrono::NaiveDateTime;
use rusqlite::OptionalExtension;

use super::{Password, Result, StoreError, backup, error, password, schema};

/// What a backup holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    /// When the copy was taken: from its file name, else the file's modification time.
    pub taken_at: NaiveDateTime,
    pub schema_version: i64,
    /// The organising unit's name; `None` for a file that was never set up.
    pub unit: Option<String>,
    pub years: Vec<i32>,
    pub counts: Counts,
}

/// Row counts; `None` where the backup's schema has no such table yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub events: i64,
    pub checklist_items: i64,
    pub households: Option<i64>,
    pub visits: Option<i64>,
    pub decisions: Option<i64>,
    pub recipients: Option<i64>,
}

impl BackupInfo {
    /// One Vietnamese line: "Phường Chợ Quán · năm 2025, 2026 · 24 bước chuẩn bị · 130 hộ".
    pub fn summary(&self) -> String {
        let mut parts = vec![
            self.unit
                .clone()
                .unwrap_or_else(|| "chưa thiết lập đơn vị".into()),
        ];
        if self.years.is_empty() {
            parts.push("chưa có năm nào".into());
        } else {
            let years: Vec<String> = self.years.iter().map(i32::to_string).collect();
            parts.push(format!("năm {}", years.join(", ")));
        }
        let c = &self.counts;
        parts.push(format!("{} bước chuẩn bị", c.checklist_items));
        for (count, label) in [
            (c.households, "hộ"),
            (c.visits, "lượt thăm hỏi"),
            (c.decisions, "quyết định khen thưởng"),
            (c.recipients, "người được khen"),
        ] {
            if let Some(n) = count.filter(|n| *n > 0) {
                parts.push(format!("{n} {label}"));
            }
        }
        parts.join(" · ")
    }

    /// "19/08/2026 15:30".
    pub fn taken_at_text(&self) -> String {
        self.taken_at.format("%d/%m/%Y %H:%M").to_string()
    }
}

/// Reads what `path` would bring back. A file that is not ours, is damaged or comes from a
/// newer version is refused with the sentence that says why; so is a copy with a password
/// when `password` is not its own.
pub fn inspect(path: &Path, password: Option<&Password>) -> Result<BackupInfo> {
    if !path.is_file() {
        return Err(StoreError::CannotOpen(
            path.to_path_buf(),
            "không tìm thấy tệp.".into(),
        ));
    }
    let fail = |e| error::classify(path, e);
    let conn = password::open_copy(path, password, false)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))
        .map_err(fail)?;
    if tables == 0 || schema::application_id(&conn).map_err(fail)? != schema::APPLICATION_ID {
        return Err(StoreError::NotOurs(path.to_path_buf()));
    }
    let version = schema::version(&conn).map_err(fail)?;
    if version > schema::LATEST {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found: version,
            supported: schema::LATEST,
        });
    }
    let check: String = conn
        .query_row("PRAGMA integrity_check(1)", [], |row| row.get(0))
        .map_err(fail)?;
    if check != "ok" {
        return Err(StoreError::Damaged(path.to_path_buf()));
    }
    let read = || -> rusqlite::Result<BackupInfo> {
        let unit = conn
            .query_row("SELECT name FROM unit WHERE id = 1", [], |row| row.get(0))
            .optional()?;
        let mut years = conn.prepare("SELECT year FROM event ORDER BY year")?;
        let years = years
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<Vec<i32>>>()?;
        let count = |table: &str| -> rusqlite::Result<Option<i64>> {
            let exists: bool = conn.query_row(
                "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |row| row.get(0),
            )?;
            if !exists {
                return Ok(None);
            }
            conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |row| {
                row.get(0)
            })
            .map(Some)
        };
        Ok(BackupInfo {
            taken_at: backup::taken_at(path),
            schema_version: version,
            unit,
            years,
            counts: Counts {
                events: count("event")?.unwrap_or(0),
                checklist_items: count("checklist_item")?.unwrap_or(0),
                households: count("household")?,
                visits: count("visit")?,
                decisions: count("decision")?,
                recipients: count("recipient")?,
            },
        })
    };
    read().map_err(fail)
}
