//! Copies of the data file taken without asking: on every start of the window and before a
//! migration. A copy is made with `VACUUM INTO`, which reads one consistent state of the file
//! even while another window writes. The folder keeps the newest copies only.

use std::path::{Path, PathBuf};

use super::{Result, Store, StoreError, paths};

/// How many automatic copies are kept.
pub const KEEP: usize = 10;

/// File names sort by time: `ngayhoi-2026-08-19-153000.sqlite3`.
const PREFIX: &str = "ngayhoi-";
const SUFFIX: &str = ".sqlite3";

impl Store {
    /// Writes a consistent copy of the whole file to `target` (which must not exist).
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        let text = target.to_str().ok_or_else(|| {
            StoreError::CannotOpen(target.to_path_buf(), "đường dẫn không hợp lệ.".into())
        })?;
        self.conn
            .execute("VACUUM INTO ?1", [text])
            .map_err(|e| super::error::classify(target, e))?;
        Ok(())
    }

    /// A dated copy in the backups folder beside the file, then the oldest copies beyond
    /// [`KEEP`] are removed. Returns the copy's path.
    pub fn backup_now(&self, now: chrono::NaiveDateTime) -> Result<PathBuf> {
        let dir = paths::backups_dir(&self.path);
        std::fs::create_dir_all(&dir).map_err(|e| {
            StoreError::CannotOpen(
                dir.clone(),
                format!("không tạo được thư mục sao lưu ({e})."),
            )
        })?;
        let stamp = now.format("%Y-%m-%d-%H%M%S");
        let mut target = dir.join(format!("{PREFIX}{stamp}{SUFFIX}"));
        let mut n = 1;
        while target.exists() {
            n += 1;
            target = dir.join(format!("{PREFIX}{stamp}-{n}{SUFFIX}"));
        }
        self.backup_to(&target)?;
        rotate(&dir, KEEP);
        Ok(target)
    }
}

/// The automatic copies in `dir`, oldest first.
pub fn list(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut copies: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX))
        })
        .collect();
    copies.sort();
    copies
}

/// Removes the oldest automatic copies so that `keep` remain; other files are never touched.
fn rotate(dir: &Path, keep: usize) {
    let copies = list(dir);
    let excess = copies.len().saturating_sub(keep);
    for old in &copies[..excess] {
        let _ = std::fs::remove_file(old);
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::{Event, Level, Unit};

    #[test]
    fn copies_are_complete_dated_and_rotated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ngayhoi.sqlite3");
        let mut store = Store::open(&path).unwrap();
        let unit = Unit::new("Xã Tân Phú", Level::Commune, "Tỉnh Đồng Nai", "Tân Phú");
        store.initialize(&unit, &Event::defaults(2026)).unwrap();
        let mine = dir.path().join("sao-luu").join("ghi-chu.txt");
        std::fs::create_dir_all(mine.parent().unwrap()).unwrap();
        std::fs::write(&mine, "của tôi").unwrap();

        let day = NaiveDate::from_ymd_opt(2026, 8, 19).unwrap();
        let mut made = Vec::new();
        for minute in 0..12 {
            made.push(
                store
                    .backup_now(day.and_hms_opt(15, minute, 0).unwrap())
                    .unwrap(),
            );
        }
        let kept = list(&paths::backups_dir(&path));
        assert_eq!(kept, made[2..].to_vec(), "the ten newest are kept");
        assert!(mine.exists(), "files that are not automatic copies stay");
        assert!(
            kept[0]
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("ngayhoi-2026-08-19-1502")
        );

        let copy = Store::open(kept.last().unwrap()).unwrap();
        assert_eq!(copy.unit().unwrap().unwrap().name, "Xã Tân Phú");
        assert_eq!(copy.years().unwrap(), vec![2026]);
    }
}
