//! What the window asks of the operating system: its own dialogs to choose a file to read or
//! a place to save, and opening a file (a PDF, in its viewer) or a folder (in its file
//! manager). Every file dialog of the app is one of the functions here.

use std::path::{Path, PathBuf};

/// A kind of file a dialog offers: its name and extensions.
pub type Filter = (&'static str, &'static [&'static str]);

pub const PDF: Filter = ("Tệp PDF", &["pdf"]);
pub const XLSX: Filter = ("Bảng tính Excel", &["xlsx"]);
pub const SPREADSHEETS: Filter = ("Bảng tính (Excel, CSV)", &["xlsx", "xls", "csv"]);
pub const IMAGES: Filter = (
    "Ảnh PNG, JPEG",
    &["png", "jpg", "jpeg", "PNG", "JPG", "JPEG"],
);
pub const DATA_FILES: Filter = ("Dữ liệu Ngày hội", &["sqlite3", "sqlite", "db"]);
pub const ANY_FILE: Filter = ("Mọi tệp", &["*"]);

/// Renders a paper off the window's thread and writes it where the secretary chose, with the
/// usual permissions of that place (a file saved through a dialog is hers to share); `done`
/// gets the path, or the reason in Vietnamese. The one way a screen saves what it prints.
pub fn write_chosen<M: Send + 'static>(
    path: PathBuf,
    render: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
    done: impl FnOnce(Result<PathBuf, String>) -> M + Send + 'static,
) -> iced::Task<M> {
    use crate::papers::output;
    let write = async move {
        let bytes = render()?;
        output::save(&path, &bytes, output::Access::Usual)?;
        Ok(path)
    };
    iced::Task::perform(write, done)
}

/// Asks where to save, with the system's own dialog: `name` is the file name proposed.
pub async fn save_as(title: &'static str, name: String, filter: Filter) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_title(title)
        .set_file_name(name)
        .add_filter(filter.0, filter.1)
        .save_file()
        .await
        .map(|file| file.path().to_path_buf())
}

/// Asks for another data file to open (the failure and unlock screens).
pub async fn pick_data_file() -> Option<PathBuf> {
    pick("Chọn tệp dữ liệu Ngày hội", &[DATA_FILES, ANY_FILE]).await
}

/// Asks for a file to read, with the system's own dialog.
pub async fn pick(title: &'static str, filters: &[Filter]) -> Option<PathBuf> {
    filters
        .iter()
        .fold(rfd::AsyncFileDialog::new().set_title(title), |dialog, f| {
            dialog.add_filter(f.0, f.1)
        })
        .pick_file()
        .await
        .map(|file| file.path().to_path_buf())
}

/// Asks for several files to read at once (empty if the dialog was cancelled).
pub async fn pick_many(title: &'static str, filter: Filter) -> Vec<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_title(title)
        .add_filter(filter.0, filter.1)
        .pick_files()
        .await
        .map(|files| files.iter().map(|f| f.path().to_path_buf()).collect())
        .unwrap_or_default()
}

/// Asks for a folder.
pub async fn pick_folder(title: &'static str) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_title(title)
        .pick_folder()
        .await
        .map(|folder| folder.path().to_path_buf())
}

/// Opens an existing file or folder with the program the system uses for it.
pub fn open(path: &Path) -> Result<(), String> {
    platform::open(path).map_err(|reason| format!("Không mở được “{}”: {reason}", path.display()))
}

/// Opens a folder, creating it first (the backups folder exists only after the first backup).
pub fn open_folder(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| {
        format!(
            "Không tạo được thư mục “{}”: {}",
            dir.display(),
            io_reason(&e)
        )
    })?;
    open(dir)
}

/// Why a file operation failed, in the words the secretary reads.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "không tìm thấy tệp hoặc thư mục.".into(),
        std::io::ErrorKind::PermissionDenied => "không có quyền ghi hoặc mở ở đây.".into(),
        _ => format!("lỗi của hệ thống ({e})."),
    }
}

#[cfg(windows)]
mod platform {
    use std::os::windows::ffi::OsStrExt;
    use std::path::Path;

    use windows_sys::Win32::UI::Shell::ShellExecuteW;
    use windows_sys::Win32::UI::WindowsAndMessaging::SW_SHOWNORMAL;

    /// ShellExecuteW "open": the file's associated program (the PDF viewer, Explorer for a
    /// folder), the way a double click opens it. Unlike `explorer.exe PATH` it reports failure,
    /// and it takes any path (spaces, commas, Vietnamese letters) as one wide string.
    pub fn open(path: &Path) -> Result<(), String> {
        let wide = |s: &std::ffi::OsStr| s.encode_wide().chain([0]).collect::<Vec<u16>>();
        let verb = wide("open".as_ref());
        let file = wide(path.as_os_str());
        // SAFETY: both strings are NUL-terminated and outlive the call; the other pointers may
        // be null.
        let code = unsafe {
            ShellExecuteW(
                std::ptr::null_mut(),
                verb.as_ptr(),
                file.as_ptr(),
                std::ptr::null(),
                std::ptr::null(),
                SW_SHOWNORMAL,
            )
        } as isize;
        // Values above 32 mean success; the documented failures below it.
        match code {
            c if c > 32 => Ok(()),
            2 | 3 => Err("không tìm thấy tệp.".into()),
            5 => Err("Windows không cho phép mở tệp này.".into()),
            26 => Err("tệp đang bị chương trình khác giữ.".into()),
            28..=30 => Err("chương trình mở tệp không trả lời; hãy thử lại sau giây lát.".into()),
            0 | 8 => Err("máy không đủ bộ nhớ; hãy đóng bớt chương trình rồi thử lại.".into()),
            27 | 31 => Err(
                "máy chưa có chương trình nào mở được loại tệp này (với tệp PDF: hãy cài một trình đọc PDF)."
                    .into(),
            ),
            c => Err(format!("Windows báo lỗi {c}.")),
        }
    }
}

#[cfg(not(windows))]
mod platform {
    use std::path::Path;
    use std::process::Command;

    pub fn open(path: &Path) -> Result<(), String> {
        let program = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        Command::new(program)
            .arg(path)
            .spawn()
            .map(drop)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => {
                    format!("máy chưa có chương trình “{program}” để mở tệp.")
                }
                _ => super::io_reason(&e),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_cannot_be_made_is_explained_in_vietnamese() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("sao-luu");
        std::fs::write(&file, "a file where the folder should be").unwrap();
        let message = open_folder(&file.join("2026")).unwrap_err();
        assert!(message.starts_with("Không tạo được thư mục “"), "{message}");
        assert!(message.contains("lỗi của hệ thống"), "{message}");
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(io_reason(&missing), "không tìm thấy tệp hoặc thư mục.");
    }
}
