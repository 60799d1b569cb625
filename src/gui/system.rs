//! Asking the operating system to open a file (a PDF, in its viewer) or a folder (in its file
//! manager).

use std::path::Path;

/// Opens an existing file or folder with the program the system uses for it.
pub fn open(path: &Path) -> Result<(), String> {
    platform::open(path).map_err(|reason| format!("Không mở được “{}”: {reason}", path.display()))
}

/// Opens a folder, creating it first (the backups folder exists only after the first backup).
pub fn open_folder(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("Không tạo được thư mục “{}”: {e}", dir.display()))?;
    open(dir)
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
            26 | 32 => Err("tệp đang bị chương trình khác giữ.".into()),
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
            .map_err(|e| e.to_string())
    }
}
