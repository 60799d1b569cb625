//! Which column holds which field, as detected from the header row and as the user changes
//! it in the preview.

use super::field::{Field, is_row_number_header, match_header};
use super::layout;
use super::sheet::Sheet;

/// A column of the file as the preview lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// 0-based index.
    pub index: usize,
    /// "A", "B", ... "AA", as Excel names it.
    pub letter: String,
    /// The header cell, empty if there is no header row.
    pub header: String,
    /// Up to three non-empty values from the data rows.
    pub samples: Vec<String>,
    pub field: Option<Field>,
    /// A row-number column ("STT"), never imported.
    pub row_number: bool,
}

/// Field to column. One field per column and one column per field.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapping {
    /// 0-based index of the header row in [`Sheet::rows`]; data starts below it. `None`: no
    /// header, data starts on the first row.
    pub header_row: Option<usize>,
    /// The upper row of a header on two rows (group titles above the column names, a merged
    /// cell spanning both rows holding its text in this one); `None` for a one-row header.
    pub group_row: Option<usize>,
    fields: Vec<(Field, usize)>,
}

/// How many rows from the top the header is looked for (title rows come first).
pub const HEADER_SEARCH_ROWS: usize = 15;

/// "A" for 0, "Z" for 25, "AA" for 26.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Two header rows read as one: the lower cell, or the upper one where the lower is empty.
fn combined(upper: &[String], lower: &[String]) -> Vec<String> {
    (0..upper.len().max(lower.len()))
        .map(|c| match lower.get(c).filter(|t| !t.is_empty()) {
            Some(text) => text.clone(),
            None => upper.get(c).cloned().unwrap_or_default(),
        })
        .collect()
}

/// Whether the row under `upper` is the lower half of its header: it names a field in a
/// column the upper row leaves unnamed (under a group title), and it is empty under every
/// column the upper row names (those cells are merged down). A data row fills the columns
/// the header names, so it never passes.
fn is_lower_header(upper: &Mapping, lower: &Mapping, lower_row: &[String]) -> bool {
    lower.fields.iter().any(|&(_, c)| upper.field(c).is_none())
        && upper.fields.iter().all(|&(_, c)| {
            lower.field(c).is_some() || lower_row.get(c).is_none_or(String::is_empty)
        })
}

impl Mapping {
    /// The first of the top rows naming at least two fields of `fields` is the header; its
    /// columns are mapped, the first column winning when two name the same field. A header
    /// on two rows (see [`is_lower_header`]) is read as one: each column named by its lower
    /// cell, or by the upper one when the lower is empty (a cell merged down both rows).
    pub fn detect(sheet: &Sheet, fields: &[Field]) -> Mapping {
        let rows = &sheet.rows;
        for i in 0..rows.len().min(HEADER_SEARCH_ROWS) {
            let single = Mapping::of_header(Some(i), None, &rows[i], fields);
            if let Some(lower) = rows.get(i + 1) {
                let below = Mapping::of_header(Some(i + 1), None, lower, fields);
                let both =
                    Mapping::of_header(Some(i + 1), Some(i), &combined(&rows[i], lower), fields);
                if both.fields.len() >= 2
                    && both.fields.len() > single.fields.len().max(below.fields.len())
                    && is_lower_header(&single, &below, lower)
                {
                    return both;
                }
            }
            if single.fields.len() >= 2 {
                return single;
            }
        }
        Mapping::default()
    }

    fn of_header(
        header_row: Option<usize>,
        group_row: Option<usize>,
        header: &[String],
        fields: &[Field],
    ) -> Mapping {
        let mut mapping = Mapping {
            header_row,
            group_row,
            fields: Vec::new(),
        };
        for (col, text) in header.iter().enumerate() {
            if let Some(field) = match_header(text, fields)
                && mapping.column(field).is_none()
            {
                mapping.fields.push((field, col));
            }
        }
        mapping
    }

    /// The header's text of each column (both rows read as one, see [`detect`]).
    fn header_texts(&self, sheet: &Sheet) -> Vec<String> {
        let row = |r: Option<usize>| r.and_then(|r| sheet.rows.get(r)).cloned();
        match (row(self.group_row), row(self.header_row)) {
            (Some(upper), Some(lower)) => combined(&upper, &lower),
            (None, Some(lower)) => lower,
            _ => Vec::new(),
        }
    }

    pub fn column(&self, field: Field) -> Option<usize> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|&(_, c)| c)
    }

    pub fn field(&self, column: usize) -> Option<Field> {
        self.fields
            .iter()
            .find(|(_, c)| *c == column)
            .map(|&(f, _)| f)
    }

    /// Maps `field` to `column`, or unmaps it with `None`. A field already on that column
    /// is unmapped.
    pub fn set(&mut self, field: Field, column: Option<usize>) {
        self.fields
            .retain(|&(f, c)| f != field && Some(c) != column);
        if let Some(c) = column {
            self.fields.push((field, c));
        }
    }

    /// Mapped fields, in column order.
    pub fn fields(&self) -> Vec<(Field, usize)> {
        let mut list = self.fields.clone();
        list.sort_by_key(|&(_, c)| c);
        list
    }

    /// The columns of `sheet` as the preview lists them.
    pub fn columns(&self, sheet: &Sheet) -> Vec<Column> {
        let header = self.header_texts(sheet);
        let data = layout::data_rows(sheet, self);
        (0..sheet.width())
            .map(|index| {
                let text = header.get(index).cloned().unwrap_or_default();
                let samples = data
                    .iter()
                    .filter_map(|&r| sheet.rows[r].get(index))
                    .filter(|v| !v.is_empty())
                    .take(3)
                    .cloned()
                    .collect();
                Column {
                    index,
                    letter: column_letter(index),
                    row_number: is_row_number_header(&text),
                    header: text,
                    samples,
                    field: self.field(index),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_like_excel() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    fn sheet(rows: &[&[&str]]) -> Sheet {
        let rows = rows
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect();
        Sheet::from_raw(
            rows,
            super::super::Conversion::new(super::super::Format::Csv),
        )
        .unwrap()
    }

    const RECIPIENT: &[Field] = &[
        Field::Kind,
        Field::Name,
        Field::Position,
        Field::Workplace,
        Field::Form,
    ];

    #[test]
    fn a_header_on_two_rows_is_read_as_one() {
        let s = sheet(&[
            &["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"],
            &[
                "STT",
                "Phân loại khen thưởng",
                "Thông tin",
                "",
                "",
                "Hình thức khen thưởng",
            ],
            &[
                "",
                "",
                "Tên tập thể/cá nhân/hộ gia đình",
                "Chức vụ",
                "Đơn vị công tác",
                "",
            ],
            &[
                "1",
                "CANHAN",
                "Lê Văn Tám",
                "Tổ trưởng",
                "Tổ 5",
                "Giấy khen",
            ],
        ]);
        let m = Mapping::detect(&s, RECIPIENT);
        assert_eq!((m.group_row, m.header_row), (Some(1), Some(2)));
        assert_eq!(m.column(Field::Kind), Some(1));
        assert_eq!(m.column(Field::Name), Some(2));
        assert_eq!(m.column(Field::Workplace), Some(4));
        assert_eq!(m.column(Field::Form), Some(5));
        let headers: Vec<String> = m.columns(&s).into_iter().map(|c| c.header).collect();
        assert_eq!(headers[1], "Phân loại khen thưởng");
        assert_eq!(headers[3], "Chức vụ");
    }

    #[test]
    fn a_first_data_row_is_not_taken_for_a_second_header_row() {
        let s = sheet(&[
            &[
                "Phân loại",
                "Tên tập thể/cá nhân/hộ gia đình",
                "Chức vụ",
                "Hình thức",
            ],
            &["TAPTHE", "Tập thể", "", "Giấy khen"],
        ]);
        let m = Mapping::detect(&s, RECIPIENT);
        assert_eq!((m.group_row, m.header_row), (None, Some(0)));
    }

    #[test]
    fn setting_a_field_frees_its_column() {
        let mut m = Mapping::default();
        m.set(Field::Name, Some(1));
        m.set(Field::Address, Some(2));
        m.set(Field::Address, Some(1));
        assert_eq!(m.column(Field::Name), None);
        assert_eq!(m.column(Field::Address), Some(1));
        m.set(Field::Address, None);
        assert_eq!(m.fields(), vec![]);
    }
}
