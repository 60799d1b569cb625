//! Asking the operating system to show a folder in its file manager.

use std::path::Path;
use std::process::Command;

/// Opens `dir` in Explorer, Finder or the desktop's file manager.
pub fn reveal(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("Không tạo được thư mục “{}”: {e}", dir.display()))?;
    let program = if cfg!(windows) {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    Command::new(program)
        .arg(dir)
        .spawn()
        .map(drop)
        .map_err(|e| format!("Không mở được thư mục “{}”: {e}", dir.display()))
}
