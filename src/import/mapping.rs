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

impl Mapping {
    /// The first of the top rows naming at least two fields of `fields` is the header; its
    /// columns are mapped, the first column winning when two name the same field.
    pub fn detect(sheet: &Sheet, fields: &[Field]) -> Mapping {
        for (i, row) in sheet.rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
            let mut mapping = Mapping {
                header_row: Some(i),
                fields: Vec::new(),
            };
            for (col, header) in row.iter().enumerate() {
                if let Some(field) = match_header(header, fields)
                    && mapping.column(field).is_none()
                {
                    mapping.fields.push((field, col));
                }
            }
            if mapping.fields.len() >= 2 {
                return mapping;
            }
        }
        Mapping::default()
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
        let header = self.header_row.and_then(|h| sheet.rows.get(h));
        let data = layout::data_rows(sheet, self);
        (0..sheet.width())
            .map(|index| {
                let text = header
                    .and_then(|r| r.get(index))
                    .cloned()
                    .unwrap_or_default();
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
