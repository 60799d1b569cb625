//! The generic part of every import: rows parsed one by one into accepted values or errors
//! with the row number the user sees in Excel, duplicates within the file rejected, warnings,
//! and the counts shown before anything is saved.

use std::collections::HashMap;

use super::field::Field;
use super::layout::{is_numbering_row, is_total_row};
use super::mapping::{Column, Mapping};
use super::sheet::{Conversion, Sheet};

/// A problem with one row: its number as Excel shows it (1-based, title rows counted) and
/// the reason in Vietnamese. Used for errors (the row is rejected) and warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub row: usize,
    pub reason: String,
}

/// An accepted row and its number in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    pub row: usize,
    pub value: T,
    /// How it compares with what is stored.
    pub stored: Stored<T>,
}

/// How an accepted row compares with what is stored (see `domain::sameness`).
#[derive(Debug, Clone, PartialEq)]
pub enum Stored<T> {
    /// Nothing stored is the same: the row is added.
    New,
    /// The same record is stored with the same values: the row is skipped.
    Same,
    /// The same record is stored with other values. `update` is the stored record (its id)
    /// with the row's values, an empty cell keeping the stored value; `changes` words each
    /// difference ("Năm sinh: 1950 → 1951").
    Changed { update: T, changes: Vec<String> },
}

/// What the secretary chose for rows that are already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Choice {
    /// Changed rows update their stored record (`--update`); otherwise they are skipped.
    pub update: bool,
    /// Every row is added as a new record, even one already stored (`--allow-duplicates`).
    pub allow_duplicates: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Rows below the header with something in a mapped column.
    pub data_rows: usize,
    pub accepted: usize,
    pub rejected: usize,
    /// Rows with nothing in any mapped column (an "STT" alone counts as empty).
    pub empty: usize,
    /// Rows from the "Tổng cộng" row down (totals, signatures).
    pub after_total: usize,
    /// Accepted rows already stored with the same values.
    pub same: usize,
    /// Accepted rows already stored with other values.
    pub changed: usize,
}

impl Counts {
    /// Accepted rows that nothing stored matches.
    pub fn fresh(&self) -> usize {
        self.accepted - self.same - self.changed
    }
}

#[derive(Debug, Clone)]
pub struct Preview<T> {
    pub rows: Vec<Parsed<T>>,
    pub errors: Vec<RowError>,
    pub warnings: Vec<RowError>,
    /// Required fields without a column: nothing can be imported until they are mapped.
    pub missing: Vec<Field>,
    pub columns: Vec<Column>,
    pub mapping: Mapping,
    pub conversion: Conversion,
    pub counts: Counts,
}

impl<T> Preview<T> {
    /// An import is saved whole or not at all: only with no error and something to save.
    pub fn can_save(&self) -> bool {
        self.missing.is_empty() && self.errors.is_empty() && !self.rows.is_empty()
    }

    /// Problems of the whole file, one Vietnamese sentence each.
    pub fn problems(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .missing
            .iter()
            .map(|f| format!("Chưa có cột “{}”: hãy chọn cột cho trường này.", f.label()))
            .collect();
        if self.mapping.header_row.is_none() {
            out.push(
                "Không tìm thấy dòng tiêu đề cột (như “Họ và tên”, “Địa chỉ”): hãy chọn cột cho từng trường."
                    .into(),
            );
        }
        if self.missing.is_empty() && self.rows.is_empty() && self.errors.is_empty() {
            out.push("Không có dòng dữ liệu nào để nhập.".into());
        }
        out
    }

    /// What the secretary should know about the file before saving, one sentence each: how it
    /// was read, and the columns nothing takes, which are not saved.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = self.conversion.notes();
        let dropped: Vec<&Column> = self
            .columns
            .iter()
            .filter(|c| c.field.is_none() && !c.row_number && !c.samples.is_empty())
            .collect();
        if dropped.is_empty() {
            return notes;
        }
        let names: Vec<String> = dropped
            .iter()
            .map(|c| match c.header.trim() {
                "" => format!("cột {}", c.letter),
                header => format!("“{header}” (cột {})", c.letter),
            })
            .collect();
        notes.push(format!(
            "Không lưu {}: {}.",
            columns_word(names.len()),
            names.join(", ")
        ));
        if dropped.iter().any(|c| is_identity_number(&c.header)) {
            notes.push(
                "Số căn cước, chứng minh nhân dân và giấy tờ tùy thân khác không bao giờ được lưu: ứng dụng chỉ giữ những gì giấy mời, danh sách ký nhận và báo cáo cần."
                    .into(),
            );
        }
        notes
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.rows.iter().map(|p| &p.value)
    }

    /// The changed rows: their number in the file and what differs.
    pub fn changes(&self) -> impl Iterator<Item = (usize, &[String])> {
        self.rows.iter().filter_map(|p| match &p.stored {
            Stored::Changed { changes, .. } => Some((p.row, changes.as_slice())),
            _ => None,
        })
    }
}

impl<T: Clone> Preview<T> {
    /// The rows to write after `choice`: new rows; changed rows as updates (their stored
    /// id) when `update`; every row as a new record when `allow_duplicates`. Rows stored
    /// with the same values are skipped.
    pub fn to_save(&self, choice: Choice) -> Vec<T> {
        self.to_save_numbered(choice)
            .into_iter()
            .map(|(_, row)| row)
            .collect()
    }

    /// The same, each with its row number in the file.
    pub fn to_save_numbered(&self, choice: Choice) -> Vec<(usize, T)> {
        self.rows
            .iter()
            .filter_map(|p| {
                let row = match &p.stored {
                    _ if choice.allow_duplicates => &p.value,
                    Stored::New => &p.value,
                    Stored::Changed { update, .. } if choice.update => update,
                    Stored::Changed { .. } | Stored::Same => return None,
                };
                Some((p.row, row.clone()))
            })
            .collect()
    }
}

/// The mapped cells of one row, and the codes its workbook explains.
pub struct Cells<'a> {
    row: &'a [String],
    mapping: &'a Mapping,
    sheet: &'a Sheet,
}

impl<'a> Cells<'a> {
    /// The trimmed text of `field`'s column, empty when not mapped.
    pub fn get(&self, field: Field) -> &'a str {
        self.mapping
            .column(field)
            .and_then(|c| self.row.get(c))
            .map_or("", |s| s.trim())
    }

    /// What a code means when the workbook explains it on a sheet of codes ("DANHMUC").
    pub fn meaning(&self, code: &str) -> Option<&'a str> {
        self.sheet.meaning(code)
    }

    /// Whether the workbook explains codes at all.
    pub fn has_codes(&self) -> bool {
        !self.sheet.codes.is_empty()
    }

    pub fn has(&self, field: Field) -> bool {
        self.mapping.column(field).is_some()
    }

    fn is_empty(&self) -> bool {
        self.mapping
            .fields()
            .iter()
            .all(|&(_, c)| self.row.get(c).is_none_or(|s| s.trim().is_empty()))
    }
}

/// What one kind of import (households, visits, recipients) adds to the generic part.
pub trait Kind {
    type Row;
    /// What is already stored, to flag likely duplicates.
    type Existing: ?Sized;
    /// The fields this import reads.
    const FIELDS: &'static [Field];
    /// Whether rows already stored may be added again on purpose (`Choice::allow_duplicates`).
    const MAY_DUPLICATE: bool = true;

    /// Required fields with no column (`existing` holds what the secretary chose for rows
    /// that leave a column empty).
    fn missing(mapping: &Mapping, existing: &Self::Existing) -> Vec<Field>;

    /// One row, or the reasons it is rejected (each a Vietnamese sentence).
    fn parse(cells: &Cells<'_>, existing: &Self::Existing) -> Result<Self::Row, Vec<String>>;

    /// Rows with the same key in one file are duplicates: the later one is rejected.
    fn duplicate_key(row: &Self::Row) -> Option<String>;

    /// What rows with the same key share, for the reason given to the later one: "Trùng với
    /// dòng 3 (cùng họ tên, địa chỉ và năm sinh)."
    const SAME: &'static str;

    /// Compares an accepted row with what is stored: whether it is stored already (and
    /// what differs), and a warning. May annotate the row (the stored household it names).
    /// `cells` tells which fields the row fills: an empty cell never changes a stored value.
    fn against_existing(
        row: &mut Self::Row,
        cells: &Cells<'_>,
        existing: &Self::Existing,
    ) -> (Stored<Self::Row>, Option<String>);
}

/// Runs an import over a sheet already read. `mapping`: `None` to detect it from the header.
pub fn run<K: Kind>(
    sheet: &Sheet,
    mapping: Option<&Mapping>,
    existing: &K::Existing,
) -> Preview<K::Row> {
    let mapping = mapping
        .cloned()
        .unwrap_or_else(|| Mapping::detect(sheet, K::FIELDS));
    let missing = K::missing(&mapping, existing);
    let mut preview = Preview {
        rows: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
        columns: mapping.columns(sheet),
        missing,
        mapping,
        conversion: sheet.conversion.clone(),
        counts: Counts::default(),
    };
    let mapping = &preview.mapping;
    let start = mapping.header_row.map_or(0, |h| h + 1);
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut total_row = None;
    for (i, row) in sheet.rows.iter().enumerate().skip(start) {
        let number = i + 1;
        if total_row.is_some() {
            if row.iter().any(|c| !c.is_empty()) {
                preview.counts.after_total += 1;
            }
            continue;
        }
        if is_total_row(row) {
            total_row = Some(number);
            preview.counts.after_total += 1;
            continue;
        }
        let cells = Cells {
            row,
            mapping,
            sheet,
        };
        if cells.is_empty() || (i == start && mapping.header_row.is_some() && is_numbering_row(row))
        {
            preview.counts.empty += 1;
            continue;
        }
        preview.counts.data_rows += 1;
        if !preview.missing.is_empty() {
            continue;
        }
        match K::parse(&cells, existing) {
            Err(reasons) => preview.errors.push(RowError {
                row: number,
                reason: reasons.join(" "),
            }),
            Ok(mut value) => {
                if let Some(key) = K::duplicate_key(&value) {
                    if let Some(&first) = seen.get(&key) {
                        preview.errors.push(RowError {
                            row: number,
                            reason: format!("Trùng với dòng {first} ({}).", K::SAME),
                        });
                        continue;
                    }
                    seen.insert(key, number);
                }
                let (stored, warning) = K::against_existing(&mut value, &cells, existing);
                if let Some(reason) = warning {
                    preview.warnings.push(RowError {
                        row: number,
                        reason,
                    });
                }
                match stored {
                    Stored::Same => preview.counts.same += 1,
                    Stored::Changed { .. } => preview.counts.changed += 1,
                    Stored::New => {}
                }
                preview.rows.push(Parsed {
                    row: number,
                    value,
                    stored,
                });
            }
        }
    }
    if let Some(row) = total_row
        && preview.counts.after_total > 1
    {
        preview.warnings.push(RowError {
            row,
            reason: format!(
                "Không nhập {} dòng dưới dòng “Tổng cộng” (chữ ký, ghi chú cuối bảng).",
                preview.counts.after_total - 1
            ),
        });
    }
    preview.counts.accepted = preview.rows.len();
    preview.counts.rejected = preview.errors.len();
    preview
}

fn columns_word(count: usize) -> &'static str {
    if count == 1 { "cột" } else { "các cột" }
}

/// A header naming an identity document number (căn cước, CMND, định danh, hộ chiếu), which
/// the app must not keep about the families (docs/privacy.md).
fn is_identity_number(header: &str) -> bool {
    let folded = crate::text::fold(header);
    [
        "cccd",
        "cmnd",
        "can cuoc",
        "chung minh",
        "dinh danh",
        "ho chieu",
        "giay to",
    ]
    .iter()
    .any(|word| folded.contains(word))
}
