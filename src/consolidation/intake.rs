//! Taking packages in: what happened to each file of a batch, and the checks that need no
//! storage (the year, the sender's level). Storage adds the checks against what it holds
//! (the same file again, an older file after a newer one) and keeps each file whole or not
//! at all.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::package::Package;
use crate::domain::Unit;
use crate::text::date_short;

/// One file of a batch, as it arrived.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl Incoming {
    /// Reads a file from disk; a file that cannot be read is refused later with its reason.
    pub fn from_path(path: &std::path::Path) -> Result<Incoming, String> {
        let file_name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        std::fs::read(path)
            .map(|bytes| Incoming {
                file_name: file_name.clone(),
                bytes,
            })
            .map_err(|e| format!("không đọc được tệp ({e})."))
    }
}

/// The files to take in from what the secretary chose: the files named, a folder's .xlsx files (not its subfolders, nor Excel's "~$" lock files)
/// in name order.
pub fn package_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(path.clone());
            continue;
        }
        let entries = std::fs::read_dir(path)
            .map_err(|e| format!("không đọc được thư mục “{}” ({e}).", path.display()))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .filter(|p| {
                let name = p.file_name().unwrap_or_default().to_string_lossy();
                name.to_lowercase().ends_with(".xlsx") && !name.starts_with("~$")
            })
            .collect();
        if found.is_empty() {
            return Err(format!(
                "thư mục “{}” không có tệp .xlsx nào.",
                path.display()
            ));
        }
        found.sort();
        out.extend(found);
    }
    Ok(out)
}

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The unit's first package of the year.
    Taken(Accepted),
    /// A later package of a unit: the earlier one is kept and can be restored.
    Replaced(Accepted),
    /// Nothing of the file was kept; the reason in Vietnamese.
    Refused(String),
}

/// A package taken in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub id: i64,
    pub unit: String,
    /// False: the unit is not in the year's list of expected units (the screen offers to add
    /// it).
    pub expected: bool,
    /// False: a figure was edited by hand after the unit made the file.
    pub intact: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intake {
    pub file_name: String,
    pub outcome: Outcome,
}

impl Intake {
    pub fn refused(&self) -> bool {
        matches!(self.outcome, Outcome::Refused(_))
    }

    /// One line for the command line and the screen: "tệp: đã nhận …".
    pub fn line(&self) -> String {
        let accepted = |verb: &str, a: &Accepted| {
            let mut line = format!("{}: {verb} báo cáo của {}", self.file_name, a.unit);
            if !a.intact {
                line.push_str(" (CẢNH BÁO: số liệu đã bị sửa tay sau khi lập tệp)");
            }
            if !a.expected {
                line.push_str(" (đơn vị chưa có trong danh sách đơn vị báo cáo)");
            }
            line + "."
        };
        match &self.outcome {
            Outcome::Taken(a) => accepted("đã nhận", a),
            Outcome::Replaced(a) => accepted("đã nhận bản gửi lại, thay bản trước", a),
            Outcome::Refused(reason) => format!("{}: không nhận, {reason}", self.file_name),
        }
    }
}

/// Whether `consolidator` may take in packages of `year` at all.
pub fn may_consolidate(consolidator: &Unit, year: i32) -> Result<(), String> {
    if consolidator.level.consolidates(year) {
        return Ok(());
    }
    Err(format!(
        "đơn vị {} (cấp {}) không tổng hợp báo cáo năm {year}. Chỉ tỉnh, thành phố (và huyện, quận, thị xã với các năm trước 2025) tổng hợp báo cáo của các đơn vị cấp dưới.",
        consolidator.name,
        consolidator.level.label().to_lowercase()
    ))
}

/// The checks on a package alone: its year and whether its unit reports to `consolidator`.
pub fn check(consolidator: &Unit, year: i32, package: &Package) -> Result<(), String> {
    if package.year != year {
        return Err(format!(
            "đây là báo cáo năm {} của {}, không phải năm {year}.",
            package.year, package.unit
        ));
    }
    if !package.level.reports_to(consolidator.level, year) {
        return Err(format!(
            "{} ({}) không phải đơn vị cấp dưới của {}.",
            package.unit,
            package.level.label().to_lowercase(),
            consolidator.name
        ));
    }
    Ok(())
}

/// The check against the unit's current package: the same file again, or an older one.
/// `Ok(true)`: it replaces the current one.
pub fn against_current(
    package: &Package,
    checksum: &str,
    current: Option<(&str, NaiveDateTime)>,
) -> Result<bool, String> {
    let Some((current_checksum, current_made)) = current else {
        return Ok(false);
    };
    if current_checksum == checksum {
        return Err(format!(
            "đã nhận tệp này của {} rồi (lập lúc {}).",
            package.unit,
            made_text(current_made)
        ));
    }
    if package.made_at < current_made {
        return Err(format!(
            "tệp lập lúc {}, cũ hơn báo cáo của {} đã nhận (lập lúc {}); bản mới hơn được giữ.",
            made_text(package.made_at),
            package.unit,
            made_text(current_made)
        ));
    }
    Ok(true)
}

/// "14:05 20/08/2026".
pub fn made_text(at: NaiveDateTime) -> String {
    format!("{} {}", at.format("%H:%M"), date_short(at.date()))
}
