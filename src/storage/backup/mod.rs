//! Copies of the data file, kept in a visible folder beside it: `sao-luu` for the usual
//! `ngayhoi.sqlite3`, `sao-luu-<name>` for a data file with another name
//! ([`paths::backups_dir`]), so that every function here works on one data file's copies only.
//!
//! Automatic copies (`ngayhoi-2026-08-19-153000.sqlite3`, with a reason when there is one:
//! `ngayhoi-2026-08-19-153000-truoc-nhap.sqlite3`) are taken on every start of the window,
//! before a migration, before an import and before a restore. The folder keeps the
//! [`KEEP_NEWEST`] newest plus the newest copy of each of the last [`KEEP_MONTHS`] months, so it
//! never grows without bound. Copies made with "Sao lưu ngay" (`sao-luu-…`) and any file the
//! secretary put there are never removed.
//!
//! A copy is made with `VACUUM INTO`, which reads one consistent state of the file even while
//! another window writes, and writes a compact file. It is written under a name ending in
//! [`PARTIAL`] and renamed once complete: a copy that fails half-way (full disk) is removed,
//! and one cut short (the app killed, the power lost) never carries a `.sqlite3` name, so a
//! broken copy never sits among the good ones. The rotation clears such leftovers.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{Datelike, NaiveDateTime};

use super::{Result, Store, StoreError, paths};

/// How many automatic copies are always kept, newest first.
pub const KEEP_NEWEST: usize = 10;
/// For how many months the newest automatic copy of the month is kept as well.
pub const KEEP_MONTHS: usize = 12;

/// Automatic copies: `ngayhoi-YYYY-MM-DD-HHMMSS[-reason][-n].sqlite3`.
const PREFIX: &str = "ngayhoi-";
/// Copies the secretary asked for ("Sao lưu ngay"): never rotated.
const MANUAL_PREFIX: &str = "sao-luu-";
/// A file that could not be opened, moved here before a backup replaced it.
pub(super) const SET_ASIDE_PREFIX: &str = "de-rieng-";
const SUFFIX: &str = ".sqlite3";
/// Added to a copy's name while it is being written.
pub const PARTIAL: &str = ".dang-ghi";
/// A partial copy older than this was cut short (no copy takes that long): the rotation
/// removes it. A younger one may be another window's copy in progress.
const STALE_PARTIAL: Duration = Duration::from_secs(3600);
const STAMP: &str = "%Y-%m-%d-%H%M%S";
const STAMP_LEN: usize = 17;

/// Why an automatic copy is taken; the reason is part of the file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupReason {
    /// The window opened the file.
    Start,
    /// The file is about to be upgraded to a newer schema.
    Migration,
    /// An import is about to write into the file.
    Import,
    /// A backup is about to replace the file's content.
    Restore,
}

impl BackupReason {
    fn slug(self) -> &'static str {
        match self {
            BackupReason::Start => "",
            BackupReason::Migration => "-truoc-nang-cap",
            BackupReason::Import => "-truoc-nhap",
            BackupReason::Restore => "-truoc-khoi-phuc",
        }
    }
}

/// What kind of file sits in the backups folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyKind {
    /// Taken by the app without asking; rotated.
    Automatic,
    /// Taken with "Sao lưu ngay"; kept until the secretary removes it.
    Manual,
    /// A data file that could not be opened, kept as it was.
    SetAside,
    /// Anything else with the `.sqlite3` ending, e.g. a copy made by hand.
    Other,
}

/// One file of the backups folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub kind: CopyKind,
    /// From the file name when it has our stamp, otherwise the file's modification time.
    pub taken_at: NaiveDateTime,
    pub size: u64,
}

/// Why a copy over an existing file failed ([`Store::backup_replacing`]).
#[derive(Debug)]
pub enum Replacing {
    /// The copy could not be written; the file there is untouched.
    Copy(StoreError),
    /// The finished copy could not take the file's place (on Windows: it is open in another
    /// program); the file there is untouched and the copy removed.
    Rename(std::io::Error),
}

impl Store {
    /// Writes a consistent copy of the whole file to `target`, replacing a file there whole
    /// (the secretary said so in a save dialog, or with `--overwrite`): the copy is written
    /// beside it first and renamed over it, so a copy that fails leaves the old file as it was.
    pub fn backup_replacing(&self, target: &Path) -> std::result::Result<(), Replacing> {
        if !target.exists() {
            return self.backup_to(target).map_err(Replacing::Copy);
        }
        // What an earlier copy over this file left when it was cut short.
        remove_with_journal(&with_suffix(target, PARTIAL));
        let partial = self
            .write_partial(target)
            .map_err(|e| Replacing::Copy(e.explained(target)))?;
        std::fs::rename(&partial, target).map_err(|e| {
            remove_with_journal(&partial);
            Replacing::Rename(e)
        })
    }

    /// Writes a consistent copy of the whole file to `target`, which must not exist yet.
    /// The copy is written beside it under a [`PARTIAL`] name and renamed when complete; a
    /// copy that fails half-way is removed.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        self.copy_to(target).map_err(|e| e.explained(target))
    }

    /// The copy itself. Two processes (two windows started in the same second) may pick the
    /// same name: the partial file is created with `create_new`, which only one of them can
    /// do, and the finished copy is linked to its name without replacing anything, so neither
    /// ever writes into or over the other's copy. The loser hears [`CopyError::Taken`].
    fn copy_to(&self, target: &Path) -> std::result::Result<(), CopyError> {
        if target.exists() {
            return Err(CopyError::Taken);
        }
        let partial = self.write_partial(target)?;
        let published = publish(&partial, target);
        if published.is_err() {
            remove_with_journal(&partial);
        }
        published
    }

    /// The whole file copied to `target` with [`PARTIAL`] added to its name, a file only this
    /// call creates; removed again if the copy fails. Returns the partial copy's path.
    fn write_partial(&self, target: &Path) -> std::result::Result<PathBuf, CopyError> {
        let partial = with_suffix(target, PARTIAL);
        let text = partial.to_str().ok_or_else(|| {
            StoreError::CannotOpen(target.to_path_buf(), "đường dẫn không hợp lệ.".into())
        })?;
        match super::private::create_new_file(&partial) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(CopyError::Taken);
            }
            Err(e) => {
                return Err(StoreError::CannotOpen(target.to_path_buf(), e.to_string()).into());
            }
        }
        // VACUUM INTO writes into an empty file.
        if let Err(e) = self.conn.execute("VACUUM INTO ?1", [text]) {
            remove_with_journal(&partial);
            return Err(super::error::classify(target, e).into());
        }
        Ok(partial)
    }

    /// An automatic copy taken now (on start of the window). Returns its path.
    pub fn backup_now(&self, now: NaiveDateTime) -> Result<PathBuf> {
        self.backup_at(BackupReason::Start, now)
    }

    /// The copy to take before something replaces or adds much data: imports call this with
    /// [`BackupReason::Import`] before writing anything, restores with
    /// [`BackupReason::Restore`]. If it fails, the caller must not go on: an import or a
    /// restore is never run without a copy of the state before it. Returns the copy's path,
    /// which is worth telling the secretary ("trạng thái trước được lưu ở …").
    pub fn backup_before(&self, reason: BackupReason) -> Result<PathBuf> {
        self.backup_at(reason, chrono::Local::now().naive_local())
    }

    /// An automatic copy with a reason, then the rotation of the folder.
    pub fn backup_at(&self, reason: BackupReason, now: NaiveDateTime) -> Result<PathBuf> {
        let target = self.automatic_copy(reason, now)?;
        rotate(&paths::backups_dir(&self.path));
        Ok(target)
    }

    /// An automatic copy without rotating (a restore rotates once it no longer reads its source).
    pub(super) fn automatic_copy(
        &self,
        reason: BackupReason,
        now: NaiveDateTime,
    ) -> Result<PathBuf> {
        let name = format!("{PREFIX}{}{}", now.format(STAMP), reason.slug());
        self.copy_under_free_name(&name)
    }

    /// A copy named `stem`, or `stem-2`… when another copy (of this process or another) has
    /// the name or is being written under it.
    fn copy_under_free_name(&self, stem: &str) -> Result<PathBuf> {
        let dir = create_backups_dir(&self.path)?;
        let mut n = 1;
        loop {
            let (target, taken) = free_name(&dir, stem, n);
            match self.copy_to(&target) {
                Ok(()) => return Ok(target),
                Err(CopyError::Taken) if taken < 1000 => n = taken + 1,
                Err(CopyError::Taken) => return Err(name_taken(&target)),
                Err(CopyError::Failed(e)) => return Err(e),
            }
        }
    }

    /// The copy "Sao lưu ngay" makes: kept until the secretary removes it.
    pub fn backup_by_hand(&self, now: NaiveDateTime) -> Result<PathBuf> {
        let name = format!("{MANUAL_PREFIX}{}", now.format(STAMP));
        self.copy_under_free_name(&name)
    }
}

/// A file size as the secretary reads it: "850 KB", "1,4 MB".
pub fn size_text(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes < MB {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        let tenths = (bytes * 10 + MB / 2) / MB;
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

pub(super) fn create_backups_dir(db: &Path) -> Result<PathBuf> {
    let dir = paths::backups_dir(db);
    super::private::create_dir_all(&dir).map_err(|e| {
        StoreError::CannotOpen(
            dir.clone(),
            format!("không tạo được thư mục sao lưu ({e})."),
        )
    })?;
    // The folder holds every family's details as often as there are copies.
    super::private::tighten(&dir);
    Ok(dir)
}

/// Why a copy was not written.
enum CopyError {
    /// The name is taken, or another copy is being written under it.
    Taken,
    Failed(StoreError),
}

impl From<StoreError> for CopyError {
    fn from(e: StoreError) -> Self {
        CopyError::Failed(e)
    }
}

impl CopyError {
    /// The reason as the secretary reads it, for a copy asked for at `target`.
    fn explained(self, target: &Path) -> StoreError {
        match self {
            CopyError::Taken => name_taken(target),
            CopyError::Failed(e) => e,
        }
    }
}

fn name_taken(target: &Path) -> StoreError {
    StoreError::CannotOpen(
        target.to_path_buf(),
        "tệp này đã có; hãy chọn tên khác.".into(),
    )
}

/// Gives the finished copy its name without ever replacing a file of that name: a hard link
/// fails if the name exists. On a file system without hard links (a FAT USB stick) it falls
/// back to checking the name, then renaming.
fn publish(partial: &Path, target: &Path) -> std::result::Result<(), CopyError> {
    match std::fs::hard_link(partial, target) {
        Ok(()) => {
            let _ = std::fs::remove_file(partial);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(CopyError::Taken),
        Err(_) if target.exists() => Err(CopyError::Taken),
        Err(_) => std::fs::rename(partial, target).map_err(|e| {
            CopyError::Failed(StoreError::CannotOpen(target.to_path_buf(), e.to_string()))
        }),
    }
}

/// `dir/stem.sqlite3`, or `dir/stem-2.sqlite3`… from counter `from` on, skipping the names
/// taken or being written; with its counter.
fn free_name(dir: &Path, stem: &str, from: u32) -> (PathBuf, u32) {
    let name = |n: u32| match n {
        1 => dir.join(format!("{stem}{SUFFIX}")),
        n => dir.join(format!("{stem}-{n}{SUFFIX}")),
    };
    let mut n = from.max(1);
    while name(n).exists() || with_suffix(&name(n), PARTIAL).exists() {
        n += 1;
    }
    (name(n), n)
}
/// The stamp after `prefix` in a file name, and the copy's counter (1 without one).
fn stamp(name: &str, prefix: &str) -> Option<(NaiveDateTime, u32)> {
    let rest = name.strip_prefix(prefix)?.strip_suffix(SUFFIX)?;
    let taken = NaiveDateTime::parse_from_str(rest.get(..STAMP_LEN)?, STAMP).ok()?;
    let tail = &rest[STAMP_LEN..];
    if !tail.is_empty() && !tail.starts_with('-') {
        return None;
    }
    let counter = tail
        .rsplit('-')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    Some((taken, counter))
}

fn classify_name(name: &str) -> Option<(CopyKind, Option<NaiveDateTime>, u32)> {
    if !name.ends_with(SUFFIX) {
        return None;
    }
    let found = [
        (PREFIX, CopyKind::Automatic),
        (MANUAL_PREFIX, CopyKind::Manual),
        (SET_ASIDE_PREFIX, CopyKind::SetAside),
    ]
    .into_iter()
    .find_map(|(prefix, kind)| stamp(name, prefix).map(|(at, n)| (kind, Some(at), n)));
    Some(found.unwrap_or((CopyKind::Other, None, 1)))
}

/// Every `.sqlite3` file of the backups folder `dir`, newest first.
pub fn copies(dir: &Path) -> Vec<BackupFile> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(BackupFile, u32)> = entries
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let name = entry.file_name().into_string().ok()?;
            let (kind, taken_at, counter) = classify_name(&name)?;
            let meta = entry.metadata().ok().filter(|m| m.is_file())?;
            let taken_at = taken_at.unwrap_or_else(|| modified(&meta));
            let file = BackupFile {
                path: entry.path(),
                kind,
                taken_at,
                size: meta.len(),
            };
            Some((file, counter))
        })
        .collect();
    found.sort_by(|(a, n), (b, m)| (b.taken_at, m, &b.path).cmp(&(a.taken_at, n, &a.path)));
    found.into_iter().map(|(file, _)| file).collect()
}

/// When a copy was taken: the stamp in its name, else its modification time.
pub fn taken_at(path: &Path) -> NaiveDateTime {
    let stamped = path
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(classify_name)
        .and_then(|(_, at, _)| at);
    stamped.unwrap_or_else(|| {
        std::fs::metadata(path)
            .map(|meta| modified(&meta))
            .unwrap_or_default()
    })
}

fn modified(meta: &std::fs::Metadata) -> NaiveDateTime {
    let time = meta.modified().unwrap_or(std::time::SystemTime::UNIX_EPOCH);
    chrono::DateTime::<chrono::Local>::from(time).naive_local()
}

/// The automatic copies in `dir`, oldest first.
pub fn list(dir: &Path) -> Vec<PathBuf> {
    let mut automatic: Vec<PathBuf> = copies(dir)
        .into_iter()
        .filter(|copy| copy.kind == CopyKind::Automatic)
        .map(|copy| copy.path)
        .collect();
    automatic.reverse();
    automatic
}

/// Removes automatic copies beyond the [`KEEP_NEWEST`] newest and the newest of each of the
/// last [`KEEP_MONTHS`] months that have copies, and copies cut short (a [`PARTIAL`] name,
/// older than an hour). Other files are never touched.
pub(super) fn rotate(dir: &Path) {
    remove_stale_partials(dir);
    let automatic: Vec<BackupFile> = copies(dir)
        .into_iter()
        .filter(|copy| copy.kind == CopyKind::Automatic)
        .collect();
    let mut months = BTreeSet::new();
    for (index, copy) in automatic.iter().enumerate() {
        let month = (copy.taken_at.year(), copy.taken_at.month());
        let newest_of_month = months.len() < KEEP_MONTHS && months.insert(month);
        if index >= KEEP_NEWEST && !newest_of_month {
            remove_with_journal(&copy.path);
        }
    }
}

/// Removes a copy and the journal files SQLite may have left beside it.
fn remove_with_journal(path: &Path) {
    for extra in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(with_suffix(path, extra));
    }
    let _ = std::fs::remove_file(path);
}

/// Ends a summary with a sentence for each backup copy a change could not reach, saying how
/// it stands (`how`) and why.
pub(super) fn tell_failed(text: &mut String, failed: &[(PathBuf, String)], how: &str) {
    for (path, reason) in failed {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        text.push_str(&format!(" Bản sao lưu “{name}” {how}: {reason}"));
    }
}

pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Copies the app was killed while writing, and their journals, once they are an hour old.
fn remove_stale_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(|entry| entry.ok()) {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let ours = name.starts_with(PREFIX) || name.starts_with(MANUAL_PREFIX);
        let partial = name.ends_with(PARTIAL) || name.ends_with(&format!("{PARTIAL}-journal"));
        let stale = entry
            .metadata()
            .and_then(|meta| meta.modified())
            .is_ok_and(|at| at.elapsed().is_ok_and(|age| age > STALE_PARTIAL));
        if ours && partial && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests;
