//! Asking the operating system to open a file (a PDF, in its viewer) or a folder (in its file
//! manager).

use std::path::Path;
use std::process::Command;

/// Opens an existing file or folder with the program the system uses for it.
pub fn open(path: &Path) -> Result<(), String> {
    let program = if cfg!(windows) {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    Command::new(program)
        .arg(path)
        .spawn()
        .map(drop)
        .map_err(|e| format!("Không mở được “{}”: {e}", path.display()))
}

/// Opens a folder, creating it first (the backups folder exists only after the first backup).
pub fn open_folder(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("Không tạo được thư mục “{}”: {e}", dir.display()))?;
    open(dir)
}
