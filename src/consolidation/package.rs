//! The machine-readable part of a report package: what a unit sends to the level above, as
//! key/value rows (the sheet `DATA_SHEET` of the .xlsx), and the checksum that shows whether
//! a row was edited by hand after the file was made. Figures only: no household's name,
//! address or phone number ever goes in.
//!
//! The checksum is FNV-1a (64 bits) over the rows' canonical text. It detects edits, not
//! forgeries (anyone with this code could recompute it); the province decides what to do with
//! an edited package, so it is flagged, never refused.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::key::figures_of;
use crate::domain::Level;
use crate::domain::report::{Report, Section};
use crate::domain::{Form, Unit};

/// The first row's value: what kind of file this is.
pub const FORMAT: &str = "ngayhoi-bao-cao";
/// The format version this build writes and reads. A reader refuses other versions with a
/// reason; a later build that changes the meaning of a key must raise it.
pub const VERSION: i64 = 1;
/// The sheet holding the rows.
pub const DATA_SHEET: &str = "DuLieu_NgayHoi";
/// The row holding the checksum; it follows every row it covers.
pub const CHECKSUM_KEY: &str = "kiem_tra";

const DATE_TIME: &str = "%Y-%m-%d %H:%M:%S";

/// What one unit reported for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Package {
    pub unit: String,
    pub level: Level,
    pub province: String,
    pub year: i32,
    pub event_date: NaiveDate,
    /// By key (`key::keys`); an entered figure the unit left empty is absent.
    pub figures: BTreeMap<String, i64>,
    /// People (collectives, individuals, households) commended, by form.
    pub commended: BTreeMap<Form, i64>,
    /// The narrative sections as the unit's report prints them.
    pub sections: BTreeMap<Section, String>,
    pub made_at: NaiveDateTime,
    /// The secretary named in the unit's settings (may be empty).
    pub made_by: String,
}

/// A row's value as the sheet holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Number(i64),
}

impl Value {
    /// As the checksum reads it; a number typed as text counts the same.
    pub fn text(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Number(n) => n.to_string(),
        }
    }
}

/// Why a file cannot be taken in as a package, in Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageError {
    /// A readable spreadsheet without the data sheet (the report's own "Lưu bảng Excel").
    NotPackage,
    Damaged,
    Version(String),
    /// A row every package has is missing or unreadable.
    Row(&'static str),
}

impl std::fmt::Display for PackageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackageError::NotPackage => write!(
                f,
                "không phải gói báo cáo của Ngày hội (không có trang “{DATA_SHEET}”). Nếu là bảng số liệu lưu bằng “Lưu bảng Excel”, hãy đề nghị đơn vị gửi lại tệp tạo bằng nút “Gửi báo cáo lên cấp trên”."
            ),
            PackageError::Damaged => {
                f.write_str("tệp bị hỏng hoặc không phải tệp Excel (.xlsx) đọc được.")
            }
            PackageError::Version(found) => write!(
                f,
                "gói báo cáo theo định dạng phiên bản {found}, chương trình này đọc phiên bản {VERSION}. Hãy dùng cùng một phiên bản Ngày hội với đơn vị gửi."
            ),
            PackageError::Row(key) => write!(
                f,
                "gói báo cáo thiếu hoặc sai mục “{key}” trên trang “{DATA_SHEET}” (có thể đã bị sửa tay) nên không đọc được."
            ),
        }
    }
}

/// A package read back, with whether its checksum still matches.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub package: Package,
    /// False when a row was changed after the file was made.
    pub intact: bool,
    /// The rows' canonical text (what the checksum covers), kept whole in storage.
    pub content: String,
}

impl Package {
    pub fn from_report(report: &Report, made_at: NaiveDateTime, made_by: &str) -> Package {
        let figures = &report.this.figures;
        let commended = Form::ALL
            .into_iter()
            .map(|form| (form, figures.commended_with(form) as i64))
            .filter(|(_, n)| *n > 0)
            .collect();
        let sections = Section::ALL
            .into_iter()
            .map(|section| (section, report.text(section)))
            .collect();
        let Unit {
            name,
            level,
            province,
            ..
        } = &report.unit;
        Package {
            unit: name.clone(),
            level: *level,
            province: province.clone(),
            year: report.year(),
            event_date: report.event.date,
            figures: figures_of(figures, &report.this.entered),
            commended,
            sections,
            made_at,
            made_by: made_by.trim().to_string(),
        }
    }

    /// The rows the data sheet holds, the checksum's excepted, in order.
    pub fn rows(&self) -> Vec<(String, Value)> {
        let text = |k: &str, v: &str| (k.to_string(), Value::Text(v.to_string()));
        let mut rows = vec![
            text("dinh_dang", FORMAT),
            ("phien_ban".into(), Value::Number(VERSION)),
            text("don_vi.ten", &self.unit),
            text("don_vi.cap", self.level.code()),
            text("don_vi.tinh", &self.province),
            ("nam".into(), Value::Number(self.year.into())),
            text(
                "ngay_to_chuc",
                &self.event_date.format("%Y-%m-%d").to_string(),
            ),
        ];
        for (key, value) in &self.figures {
            rows.push((format!("so_lieu.{key}"), Value::Number(*value)));
        }
        for (form, n) in &self.commended {
            rows.push((format!("khen_thuong.{}", form.code()), Value::Number(*n)));
        }
        for (section, body) in &self.sections {
            rows.push(text(&format!("doan_van.{}", section.code()), body));
        }
        rows.push(text("lap_luc", &self.made_at.format(DATE_TIME).to_string()));
        rows.push(text("nguoi_lap", &self.made_by));
        rows
    }

    /// The canonical text of the rows, which storage keeps and the checksum covers.
    pub fn content(&self) -> String {
        content(
            self.rows()
                .into_iter()
                .map(|(k, v)| (k, v.text()))
                .collect::<Vec<_>>()
                .iter(),
        )
    }

    pub fn checksum(&self) -> String {
        checksum(&self.content())
    }

    /// Reads the rows of a data sheet (key, value as text), the checksum row among them.
    pub fn parse(rows: &[(String, String)]) -> Result<Parsed, PackageError> {
        let mut covered = Vec::new();
        let mut stated = None;
        for (key, value) in rows {
            if key == CHECKSUM_KEY {
                stated = Some(value.trim().to_string());
            } else {
                covered.push((key.clone(), value.clone()));
            }
        }
        let text = content(covered.iter());
        let package = Package::from_pairs(&covered)?;
        Ok(Parsed {
            intact: stated.as_deref() == Some(checksum(&text).as_str()),
            package,
            content: text,
        })
    }

    /// A package from the canonical text storage kept.
    pub fn from_content(text: &str) -> Result<Package, PackageError> {
        let pairs: Vec<(String, String)> = text
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .map(|(k, v)| (k.to_string(), unescape(v)))
            .collect();
        Package::from_pairs(&pairs)
    }

    fn from_pairs(pairs: &[(String, String)]) -> Result<Package, PackageError> {
        let get = |key: &'static str| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.trim())
                .ok_or(PackageError::Row(key))
        };
        if get("dinh_dang").ok() != Some(FORMAT) {
            return Err(PackageError::NotPackage);
        }
        let version = get("phien_ban")?;
        if version.parse::<i64>().ok() != Some(VERSION) {
            return Err(PackageError::Version(version.to_string()));
        }
        let unit = crate::text::clean_line(get("don_vi.ten")?)
            .trim()
            .to_string();
        if unit.is_empty() {
            return Err(PackageError::Row("don_vi.ten"));
        }
        let level = Level::from_code(get("don_vi.cap")?).ok_or(PackageError::Row("don_vi.cap"))?;
        let year = get("nam")?
            .parse::<i32>()
            .map_err(|_| PackageError::Row("nam"))?;
        let event_date = NaiveDate::parse_from_str(get("ngay_to_chuc")?, "%Y-%m-%d")
            .map_err(|_| PackageError::Row("ngay_to_chuc"))?;
        let made_at = NaiveDateTime::parse_from_str(get("lap_luc")?, DATE_TIME)
            .map_err(|_| PackageError::Row("lap_luc"))?;
        let mut package = Package {
            unit,
            level,
            province: crate::text::clean_line(get("don_vi.tinh")?)
                .trim()
                .to_string(),
            year,
            event_date,
            figures: BTreeMap::new(),
            commended: BTreeMap::new(),
            sections: BTreeMap::new(),
            made_at,
            made_by: get("nguoi_lap").unwrap_or("").to_string(),
        };
        for (key, value) in pairs {
            let number = || value.trim().parse::<i64>().ok().filter(|n| *n >= 0);
            if let Some(code) = key.strip_prefix("so_lieu.") {
                // A figure made unreadable by hand is left out of the totals, not guessed.
                if let Some(n) = number() {
                    package.figures.insert(code.to_string(), n);
                }
            } else if let Some(code) = key.strip_prefix("khen_thuong.") {
                if let (Some(form), Some(n)) = (Form::from_code(code), number()) {
                    package.commended.insert(form, n);
                }
            } else if let Some(code) = key.strip_prefix("doan_van.")
                && let Some(section) = Section::from_code(code)
            {
                package
                    .sections
                    .insert(section, crate::text::clean_multiline(value));
            }
        }
        Ok(package)
    }
}

/// A commune's package of `year` in Tỉnh Đồng Nai with `figures`, for tests.
#[cfg(test)]
pub(crate) fn commune(
    unit: &str,
    year: i32,
    made_at: NaiveDateTime,
    figures: &[(&str, i64)],
) -> Package {
    Package {
        unit: unit.into(),
        level: Level::Commune,
        province: "Tỉnh Đồng Nai".into(),
        year,
        event_date: NaiveDate::from_ymd_opt(year, 8, 15).expect("a date"),
        figures: figures.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        commended: BTreeMap::new(),
        sections: BTreeMap::new(),
        made_at,
        made_by: String::new(),
    }
}

/// One line per row, "key<TAB>value", the value's tabs, line breaks and backslashes escaped.
fn content<'a>(rows: impl Iterator<Item = &'a (String, String)>) -> String {
    let mut out = String::new();
    for (key, value) in rows {
        out.push_str(key.trim());
        out.push('\t');
        out.push_str(&escape(value));
        out.push('\n');
    }
    out
}

fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\r', "")
        .replace('\n', "\\n")
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// FNV-1a, 64 bits, as 16 hex digits.
pub fn checksum(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample() -> Package {
        Package {
            unit: "Phường Chợ Quán".into(),
            level: Level::Ward,
            province: "Thành phố Hồ Chí Minh".into(),
            year: 2026,
            event_date: NaiveDate::from_ymd_opt(2026, 8, 14).unwrap(),
            figures: [("diem_to_chuc".to_string(), 5), ("tin_bai".to_string(), 12)].into(),
            commended: [(Form::Certificate, 7)].into(),
            sections: [(Section::Purpose, "Dòng một\nDòng hai \\ ba".to_string())].into(),
            made_at: NaiveDate::from_ymd_opt(2026, 8, 20)
                .unwrap()
                .and_hms_opt(9, 30, 0)
                .unwrap(),
            made_by: "Trần Thị Bích".into(),
        }
    }

    fn sheet_rows(package: &Package) -> Vec<(String, String)> {
        let mut rows: Vec<(String, String)> = package
            .rows()
            .into_iter()
            .map(|(k, v)| (k, v.text()))
            .collect();
        rows.push((CHECKSUM_KEY.into(), package.checksum()));
        rows
    }

    #[test]
    fn rows_read_back_whole_and_intact() {
        let package = sample();
        let parsed = Package::parse(&sheet_rows(&package)).unwrap();
        assert!(parsed.intact);
        assert_eq!(parsed.package, package);
        assert_eq!(Package::from_content(&parsed.content).unwrap(), package);
    }

    #[test]
    fn a_figure_edited_by_hand_breaks_the_checksum() {
        let mut rows = sheet_rows(&sample());
        let row = rows
            .iter_mut()
            .find(|(k, _)| k == "so_lieu.tin_bai")
            .unwrap();
        row.1 = "120".into();
        let parsed = Package::parse(&rows).unwrap();
        assert!(!parsed.intact);
        assert_eq!(parsed.package.figures["tin_bai"], 120);
    }

    #[test]
    fn another_version_or_kind_is_refused_with_its_reason() {
        let mut rows = sheet_rows(&sample());
        rows[1].1 = "2".into();
        let error = Package::parse(&rows).unwrap_err();
        assert_eq!(error, PackageError::Version("2".into()));
        assert!(error.to_string().contains("phiên bản 2"), "{error}");
        rows[0].1 = "khác".into();
        assert_eq!(Package::parse(&rows).unwrap_err(), PackageError::NotPackage);
        let rows: Vec<_> = sheet_rows(&sample())
            .into_iter()
            .filter(|(k, _)| k != "nam")
            .collect();
        assert_eq!(Package::parse(&rows).unwrap_err(), PackageError::Row("nam"));
    }
}
