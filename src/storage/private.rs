//! Files that hold the families' details are for the secretary's account only: on Unix the
//! folders the app makes are 0700 and the files it writes there (data file, journals, backups,
//! temporary files) 0600. SQLite gives a journal the mode of its database file, so a private
//! data file keeps its journals private too. On Windows the data sits in the user's own
//! profile, whose permissions already keep other accounts out; nothing is changed there.
//! docs/privacy.md says what this does and does not protect against.

use std::fs::File;
use std::io;
use std::path::Path;

/// Creates `dir` and any missing parents; the folders made here are private.
pub fn create_dir_all(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Creates the empty file `path`, private, failing if it exists.
pub fn create_new_file(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Flushes a finished file to the disk, so that a rename over another file can follow. The
/// file is opened for writing: Windows refuses to flush a handle opened for reading only.
pub fn flush(path: &Path) -> io::Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)?
        .sync_all()
}

/// Takes group and other permissions off a file or folder of the app's own that an earlier
/// version (or a copy) left readable by others. Best effort: a FAT USB stick has no modes.
pub fn tighten(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(meta) = std::fs::metadata(path) else {
            return;
        };
        let mode = meta.permissions().mode();
        if mode & 0o077 != 0 {
            let private = mode & 0o700;
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(private));
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// The mode an ordinary new file gets in this session (0o666 less the umask): what a file the
/// secretary saves in a folder of her choice gets from any other program. The umask is read
/// from /proc, since setting it to read it would race with other threads creating files.
pub fn usual_file_mode() -> u32 {
    let umask = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("Umask:"))
                .and_then(|value| u32::from_str_radix(value.trim(), 8).ok())
        })
        .unwrap_or(0o022);
    0o666 & !umask
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn folders_and_files_made_here_are_the_owners_only() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("Dữ liệu").join("ngayhoi");
        create_dir_all(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&root.path().join("Dữ liệu")), 0o700);
        let file = dir.join("tệp.sqlite3");
        create_new_file(&file).unwrap();
        assert_eq!(mode(&file), 0o600);
        assert!(
            create_new_file(&file).is_err(),
            "an existing file is never reused"
        );
    }

    #[test]
    fn a_readable_file_left_by_an_older_version_is_tightened() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("ngayhoi.sqlite3");
        std::fs::write(&file, b"").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o664)).unwrap();
        tighten(&file);
        assert_eq!(mode(&file), 0o600);
        std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        tighten(root.path());
        assert_eq!(mode(root.path()), 0o700);
    }

    #[test]
    fn the_usual_mode_follows_the_umask() {
        let usual = usual_file_mode();
        assert_eq!(usual & 0o111, 0, "an ordinary file is not executable");
        assert_eq!(usual & 0o600, 0o600, "its owner reads and writes it");
    }
}
