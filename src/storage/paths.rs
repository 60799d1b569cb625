//! Where the data file lives. A folder named `ngayhoi-data` next to the executable wins
//! (portable use from a USB stick between offices); otherwise the user's data folder.

use std::path::{Path, PathBuf};

/// Name of the portable data folder placed beside the executable.
pub const PORTABLE_DIR: &str = "ngayhoi-data";
pub const DB_FILE: &str = "ngayhoi.sqlite3";
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

/// Backups are kept in a visible folder beside the data file.
pub fn backups_dir(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(BACKUP_DIR)
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
    fn backups_sit_beside_the_data_file() {
        assert_eq!(
            backups_dir(Path::new("/data/ngayhoi.sqlite3")),
            PathBuf::from("/data/sao-luu")
        );
    }
}
