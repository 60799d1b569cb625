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

/// Writes `bytes` to `path` through a temporary file beside it, so that a crash or a full disk
/// never leaves half a PDF where the secretary expects one.
pub fn save(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("Không ghi được tệp “{}”: {e}", path.display());
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    // A temporary file is private; the paper is an ordinary document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(fail)?;
    }
    temp.write_all(bytes).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
