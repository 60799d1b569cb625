//! A file read into rows of text, the same whatever its format: row `i` of [`Sheet::rows`] is
//! the row the user sees as number `i + 1` in Excel, and every cell is clean NFC text with
//! legacy encodings converted.

use std::path::Path;

use super::{ImportError, MAX_BYTES, MAX_ROWS, csv_text, workbook};
use crate::text::legacy::{self, Legacy};
use crate::text::{clean_line, is_nfc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    Csv,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Xlsx => "Excel (.xlsx)",
            Format::Xls => "Excel 97-2003 (.xls)",
            Format::Csv => "CSV",
        }
    }
}

/// What was done to the file's text on the way in, shown in the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion {
    pub format: Format,
    /// The sheet read, for workbooks.
    pub sheet_name: Option<String>,
    /// Legacy encoding detected over the whole file and converted in every cell.
    pub legacy: Option<Legacy>,
    /// Cells that were in decomposed (NFD) form and were composed.
    pub nfd_cells: usize,
    /// CSV: the separator found.
    pub separator: Option<char>,
    /// CSV: a byte order mark was present.
    pub bom: bool,
    /// CSV: the bytes were not UTF-8 and were read as Windows-1252.
    pub windows_1252: bool,
    /// CSV: the file was UTF-16 ("Unicode Text" from Excel).
    pub utf16: bool,
    /// Workbooks: the sheets of codes read ("DANHMUC") and how many codes they explain.
    pub code_sheets: Vec<String>,
    pub codes: usize,
}

impl Conversion {
    pub fn new(format: Format) -> Conversion {
        Conversion {
            format,
            sheet_name: None,
            legacy: None,
            nfd_cells: 0,
            separator: None,
            bom: false,
            windows_1252: false,
            utf16: false,
            code_sheets: Vec::new(),
            codes: 0,
        }
    }

    /// One Vietnamese sentence per thing worth telling the user.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = vec![match &self.sheet_name {
            Some(name) => format!("Tệp {}, trang “{name}”.", self.format.label()),
            None => format!("Tệp {}.", self.format.label()),
        }];
        if let Some(sep) = self.separator {
            let name = match sep {
                ';' => "dấu chấm phẩy (;)",
                '\t' => "dấu tab",
                _ => "dấu phẩy (,)",
            };
            notes.push(format!("Các cột cách nhau bằng {name}."));
        }
        if self.utf16 {
            notes.push("Mã UTF-16 (Unicode Text của Excel).".into());
        } else if self.windows_1252 {
            notes.push("Tệp không phải UTF-8: đã đọc theo bảng mã Windows-1252.".into());
        } else if self.bom {
            notes.push("Mã UTF-8 có BOM.".into());
        }
        if let Some(legacy) = self.legacy {
            notes.push(format!(
                "Chữ được gõ bằng bảng mã cũ {}: đã chuyển sang Unicode. Hãy kiểm tra lại vài tên trước khi lưu.",
                legacy.label()
            ));
        }
        if !self.code_sheets.is_empty() {
            let sheets: Vec<String> = self.code_sheets.iter().map(|s| format!("“{s}”")).collect();
            notes.push(format!(
                "Trang {}: {} mã dùng để hiểu các ô ghi mã (phân loại, hình thức).",
                sheets.join(", "),
                self.codes
            ));
        }
        if self.nfd_cells > 0 {
            notes.push(format!(
                "{} ô có dấu ở dạng tổ hợp (NFD): đã chuẩn hoá sang dạng dựng sẵn (NFC).",
                self.nfd_cells
            ));
        }
        notes
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub rows: Vec<Vec<String>>,
    pub conversion: Conversion,
    /// Codes the workbook explains on a sheet of its own ("DANHMUC"): code and meaning.
    pub codes: Vec<(String, String)>,
}

impl Sheet {
    /// Builds a sheet from raw cell texts: detects a legacy encoding over all cells, converts,
    /// composes NFD text, turns line breaks inside a cell into spaces, removes control
    /// characters, collapses runs of spaces and trims. Trailing empty rows are dropped.
    pub fn from_raw(
        mut rows: Vec<Vec<String>>,
        mut conversion: Conversion,
    ) -> Result<Sheet, ImportError> {
        if rows.len() > MAX_ROWS {
            return Err(ImportError::TooManyRows(rows.len()));
        }
        let legacy = legacy::detect(rows.iter().flatten().map(String::as_str));
        conversion.legacy = legacy;
        for cell in rows.iter_mut().flatten() {
            if cell.is_empty() {
                continue;
            }
            // Counted before the conversion, which composes.
            if !is_nfc(cell) {
                conversion.nfd_cells += 1;
            }
            let text = match legacy {
                Some(l) => legacy::convert(l, cell),
                None => std::mem::take(cell),
            };
            *cell = tidy(&text);
        }
        while rows
            .last()
            .is_some_and(|row| row.iter().all(String::is_empty))
        {
            rows.pop();
        }
        if rows.is_empty() {
            return Err(ImportError::Empty);
        }
        Ok(Sheet {
            rows,
            conversion,
            codes: Vec::new(),
        })
    }

    /// What a code means when the workbook explains it ("GKCT" → "Giấy khen của Chủ tịch
    /// UBND cấp xã"), whatever the case it is typed in.
    pub fn meaning(&self, code: &str) -> Option<&str> {
        self.codes
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(code))
            .map(|(_, m)| m.as_str())
    }

    /// Number of columns of the widest row.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// One line, NFC, single spaces, trimmed.
fn tidy(text: &str) -> String {
    let spaced = text.replace(['\r', '\n'], " ");
    let clean = clean_line(&spaced);
    let mut out = String::with_capacity(clean.len());
    for word in clean.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Reads an .xlsx, .xls or .csv file: the first non-empty sheet of a workbook, a CSV in
/// UTF-8 (with or without BOM), UTF-16 or Windows-1252 with "," ";" or tab between columns.
pub fn read(path: &Path) -> Result<Sheet, ImportError> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_BYTES {
        return Err(ImportError::TooLarge(size));
    }
    let bytes = std::fs::read(path)?;
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    read_bytes(bytes, extension)
}

/// Reads the content of a file whose name ends in `.extension` ("xlsx", "csv"...), as
/// [`read`] does once the file is in memory (the fuzz targets call this).
pub fn read_bytes(bytes: Vec<u8>, extension: &str) -> Result<Sheet, ImportError> {
    let extension = extension.to_lowercase();
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let is_cfb = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    match extension.as_str() {
        _ if is_zip => workbook::read_xlsx(bytes),
        _ if is_cfb => workbook::read_xls(bytes),
        "xlsx" | "xlsm" | "xls" => {
            let start = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_lowercase();
            if start
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('<')
            {
                Err(ImportError::Html)
            } else if bytes.is_empty() {
                Err(ImportError::Empty)
            } else {
                Err(ImportError::Damaged)
            }
        }
        "csv" | "txt" | "tsv" => csv_text::read(&bytes),
        _ => Err(ImportError::Unsupported { extension }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn cells_become_one_clean_line() {
        let sheet = Sheet::from_raw(
            raw(&[
                &["Họ và\ntên", "  Địa   chỉ\r\n"],
                &["Nguye\u{302}\u{303}n\u{7} An", "Tổ\t1"],
                &["", ""],
            ]),
            Conversion::new(Format::Csv),
        )
        .unwrap();
        assert_eq!(
            sheet.rows,
            raw(&[&["Họ và tên", "Địa chỉ"], &["Nguyễn An", "Tổ 1"]])
        );
        assert_eq!(sheet.conversion.nfd_cells, 1);
        assert_eq!(sheet.width(), 2);
    }

    #[test]
    fn an_empty_sheet_is_refused() {
        let empty = Sheet::from_raw(raw(&[&["", " "]]), Conversion::new(Format::Csv));
        assert_eq!(empty, Err(ImportError::Empty));
    }

    #[test]
    fn notes_name_what_was_done() {
        let mut c = Conversion::new(Format::Csv);
        c.separator = Some(';');
        c.legacy = Some(Legacy::Tcvn3);
        c.nfd_cells = 2;
        let notes = c.notes().join(" ");
        assert!(notes.contains("dấu chấm phẩy"));
        assert!(notes.contains("TCVN3 (ABC)"));
        assert!(notes.contains("2 ô"));
    }
}
