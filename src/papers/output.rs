//! From a paper to a file: lay it out, paint it as PDF, write it whole or not at all.

use std::io::Write;
use std::path::Path;

use super::{Paper, Sources};
use crate::document::{layout, to_pdf};

/// The PDF bytes of a paper, or the Vietnamese reason there are none.
pub fn render(paper: Paper, sources: &Sources) -> Result<Vec<u8>, String> {
    let doc = paper.build(sources).map_err(|e| e.0)?;
    to_pdf(&layout(&doc)).map_err(|e| format!("Không tạo được tệp PDF: {e}"))
}

/// Who may read a file the app writes for the secretary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The secretary's account only (0600 on Unix): what the command line writes, since a
    /// paper names families and people.
    Private,
    /// What any program gives a new file in that folder (the umask, or the folder's inherited
    /// permissions on Windows): a file the secretary saved through the dialog, to hand on.
    Usual,
}

/// Writes `bytes` to `path` through a temporary file beside it, so that a crash or a full disk
/// never leaves half a PDF where the secretary expects one. The temporary file is private
/// while it fills; `access` is given to the finished file just before it takes its name.
pub fn save(path: &Path, bytes: &[u8], access: Access) -> Result<(), String> {
    let fail = |e: std::io::Error| write_error(path, &e, cfg!(windows));
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    #[cfg(unix)]
    if access == Access::Usual {
        use std::os::unix::fs::PermissionsExt;
        let mode = crate::storage::private::usual_file_mode();
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(fail)?;
    }
    #[cfg(not(unix))]
    let _ = access;
    // On failure the temporary file is removed and the old file at `path` is as it was.
    temp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Why `path` could not be written, in Vietnamese. Windows refuses to replace a file that a
/// program holds open (a PDF viewer, Excel), which Linux allows: say so, since the secretary
/// can fix it by closing the viewer. `windows` is a parameter so that this is tested anywhere.
pub fn write_error(path: &Path, error: &std::io::Error, windows: bool) -> String {
    // ERROR_ACCESS_DENIED (also a read-only file), ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION.
    if windows && matches!(error.raw_os_error(), Some(5 | 32 | 33)) {
        return format!(
            "Không ghi được tệp “{}” vì tệp đang được mở trong chương trình khác (trình đọc PDF, Excel…) hoặc chỉ cho phép đọc. Hãy đóng tệp đó rồi lưu lại, hoặc lưu với tên khác. Tệp cũ vẫn còn nguyên.",
            path.display()
        );
    }
    format!("Không ghi được tệp “{}”: {error}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_held_open_on_windows_is_named_as_such() {
        let path = Path::new(r"C:\Users\Nguyễn Văn A\Tài liệu\Chương trình.pdf");
        let held = std::io::Error::from_raw_os_error(32);
        let message = write_error(path, &held, true);
        assert!(
            message.contains("đang được mở trong chương trình khác"),
            "{message}"
        );
        assert!(message.contains("Chương trình.pdf"), "{message}");
        assert!(message.contains("Tệp cũ vẫn còn nguyên"), "{message}");
        // The same number means something else elsewhere (EPIPE on Linux).
        assert!(!write_error(path, &held, false).contains("đang được mở"));
    }

    #[test]
    fn a_failed_save_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chương trình.pdf");
        std::fs::write(&path, b"old").unwrap();
        // A folder where the file should go cannot be replaced by a file, on any system.
        let blocked = dir.path().join("thư mục");
        std::fs::create_dir(&blocked).unwrap();
        let refused = save(&blocked, b"new", Access::Private).unwrap_err();
        assert!(
            refused.starts_with(&format!("Không ghi được tệp “{}”: ", blocked.display())),
            "{refused}"
        );
        save(&path, b"new", Access::Private).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
