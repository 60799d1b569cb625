//! Where the data file lives. A folder named `ngayhoi-data` next to the executable wins
//! (portable use from a USB stick between offices); otherwise the user's data folder.

use std::path::{Path, PathBuf};

/// Name of the portable data folder placed beside the executable.
pub const PORTABLE_DIR: &str = "ngayhoi-data";
pub const DB_FILE: &str = "ngayhoi.sqlite3";
/// The ending of a data file's name, without its dot.
const DB_ENDING: &str = "sqlite3";
pub const BACKUP_DIR: &str = "sao-luu";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataLocation {
    pub dir: PathBuf,
    pub portable: bool,
}

impl DataLocation {
    pub fn db_path(&self) -> PathBuf {
        self.dir.join(DB_FILE)
    }
}

/// The folder the app uses when no `--db` is given.
pub fn default_location() -> Option<DataLocation> {
    let exe_dir = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf));
    locate(exe_dir.as_deref(), user_data_dir())
}

fn user_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("vn", "NgayHoi", "NgayHoi")
        .map(|dirs| dirs.data_dir().to_path_buf())
}

/// The portable folder, if it exists beside the executable, else the user's data folder.
pub fn locate(exe_dir: Option<&Path>, user_dir: Option<PathBuf>) -> Option<DataLocation> {
    if let Some(portable) = exe_dir
        .map(|dir| dir.join(PORTABLE_DIR))
        .filter(|dir| dir.is_dir())
    {
        return Some(DataLocation {
            dir: portable,
            portable: true,
        });
    }
    user_dir.map(|dir| DataLocation {
        dir,
        portable: false,
    })
}

/// Backups are kept in a visible folder beside the data file, one folder for each data file:
/// `sao-luu` for the usual `ngayhoi.sqlite3`, `sao-luu-<name>` for any other
/// (`sao-luu-xa-an-phu-2025` for `xa-an-phu-2025.sqlite3`). Two files in one folder (this
/// year's and last year's) then never rotate away, re-key, purge or restore each other's copies.
pub fn backups_dir(db_path: &Path) -> PathBuf {
    let dir = db_path
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let Some(name) = db_path.file_name() else {
        return dir.join(BACKUP_DIR);
    };
    if name.eq_ignore_ascii_case(DB_FILE) {
        return dir.join(BACKUP_DIR);
    }
    // The usual ending is left out of the folder's name; another stays, so that `xa.db` and
    // `xa.sqlite3` do not share a folder.
    let usual = db_path
        .extension()
        .is_some_and(|ending| ending.eq_ignore_ascii_case(DB_ENDING));
    let own = match db_path.file_stem() {
        Some(stem) if usual => stem,
        _ => name,
    }
    .to_string_lossy();
    // Windows drops a folder name's trailing dots and spaces; say so ourselves, alike everywhere.
    dir.join(format!("{BACKUP_DIR}-{}", own.trim_end_matches(['.', ' '])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_portable_folder_beside_the_executable_wins() {
        let exe = tempfile::tempdir().unwrap();
        let user = PathBuf::from("/home/thuky/.local/share/ngayhoi");
        let found = locate(Some(exe.path()), Some(user.clone())).unwrap();
        assert_eq!(
            found,
            DataLocation {
                dir: user.clone(),
                portable: false
            }
        );

        std::fs::create_dir(exe.path().join(PORTABLE_DIR)).unwrap();
        let found = locate(Some(exe.path()), Some(user)).unwrap();
        assert!(found.portable);
        assert_eq!(found.db_path(), exe.path().join(PORTABLE_DIR).join(DB_FILE));
    }

    #[test]
    fn backups_sit_beside_the_data_file_in_a_folder_of_its_own() {
        let cases = [
            ("/data/ngayhoi.sqlite3", "/data/sao-luu"),
            ("/data/NgayHoi.SQLITE3", "/data/sao-luu"),
            ("/data/ngayhoi-2025.sqlite3", "/data/sao-luu-ngayhoi-2025"),
            ("/data/Xã An Phú.SQLite3", "/data/sao-luu-Xã An Phú"),
            ("/data/xa.db", "/data/sao-luu-xa.db"),
            ("/data/xa .sqlite3", "/data/sao-luu-xa"),
            ("/data/.sqlite3", "/data/sao-luu-.sqlite3"),
            ("ngayhoi.sqlite3", "./sao-luu"),
        ];
        for (file, folder) in cases {
            assert_eq!(
                backups_dir(Path::new(file)),
                PathBuf::from(folder),
                "{file}"
            );
        }
    }
}
