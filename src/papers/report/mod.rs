//! "BÁO CÁO Kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026": the report to
//! the province in the administrative format. Numbered sections with the narrative (edited or
//! default), the tables of figures under the results (this year beside the previous one), the
//! signature "TM. BAN CHỈ ĐẠO / TRƯỞNG BAN" and "Nơi nhận:". The same tables go to the
//! spreadsheet (`sheet`).
//!
//! Not a `Paper` variant: the other papers are built from the year's plan alone, while the
//! report needs visits, decisions, entered figures and the previous year (`domain::report::
//! Report`), so it has its own entry points here and its own preview on the report screen.

pub mod sheet;
pub mod tables;

#[cfg(test)]
mod tests;

pub use tables::{Col, EmptyRows, ReportTable, Value, computed_summary, tables};

use crate::document::{AdminDocument, Block, Column, Table, layout, to_pdf};
use crate::domain::report::{Figure, Report, Section};

use super::{head_signature, header_on, number_line};

/// Roman numerals of the six sections.
const NUMERALS: [&str; 6] = ["I", "II", "III", "IV", "V", "VI"];

pub fn summary_line(year: i32) -> String {
    format!("Kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {year}")
}

/// "bao-cao-ket-qua-ngay-hoi-2026.pdf" / ".xlsx".
pub fn file_name(year: i32, extension: &str) -> String {
    format!("bao-cao-ket-qua-ngay-hoi-{year}.{extension}")
}

/// "Phường Chợ Quán" → "phường Chợ Quán": inside a sentence the level word is lower case (a
/// bare name such as "Đồng Nai" is kept). A unit named after a person keeps its capital, as
/// Decree 30 writes it: "Thành phố Hồ Chí Minh".
pub(crate) fn lower_level_word(name: &str) -> String {
    let name = name.trim();
    if name.ends_with("Hồ Chí Minh") {
        return name.to_string();
    }
    let first = name.split_whitespace().next().unwrap_or("");
    let level_word = matches!(
        crate::text::fold(first).as_str(),
        "phuong" | "xa" | "huyen" | "quan" | "tinh" | "thi" | "dac" | "thanh"
    );
    if level_word {
        format!("{}{}", first.to_lowercase(), &name[first.len()..])
    } else {
        name.to_string()
    }
}

/// The figures the committee has not entered for this year, in the order the report prints
/// them: they print as "-", so the report screen lists them before exporting.
pub fn empty_figures(report: &Report) -> Vec<Figure> {
    Figure::ALL
        .into_iter()
        .filter(|figure| report.this.entered.get(*figure).is_none())
        .collect()
}

/// "Còn 2 số liệu chưa nhập: Tin báo, …; Vụ việc …." or `None` when all are in.
pub fn empty_figures_note(report: &Report) -> Option<String> {
    let empty = empty_figures(report);
    let labels: Vec<&str> = empty.iter().map(|f| f.label()).collect();
    (!empty.is_empty()).then(|| {
        format!(
            "Còn {} số liệu chưa nhập: {}.",
            empty.len(),
            labels.join("; ")
        )
    })
}

/// The summary's rows with no figure in any year, which the PDF leaves out unless kept:
/// "Không in 2 dòng chưa có số liệu năm nào: …" or `None`.
pub fn empty_rows_note(report: &Report) -> Option<String> {
    let all = tables(report).remove(0);
    let kept = all.clone().without_empty_rows();
    let left_out: Vec<String> = all
        .rows
        .iter()
        .filter(|row| !kept.rows.iter().any(|k| k[1] == row[1]))
        .map(|row| row[1].text())
        .collect();
    (!left_out.is_empty()).then(|| {
        format!(
            "Không in {} dòng chưa có số liệu năm nào: {}.",
            left_out.len(),
            left_out.join("; ")
        )
    })
}

/// The report as an administrative document.
pub fn build(report: &Report, empty: EmptyRows) -> AdminDocument {
    let unit = &report.unit;
    let year = report.year();
    let mut doc = header_on(unit, report.event.date, "BÁO CÁO", summary_line(year));
    doc.number = Some(number_line("BC", &unit.symbol));
    let place = lower_level_word(&unit.name);
    doc.blocks.push(Block::Paragraph(format!(
        "Ban Chỉ đạo báo cáo kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {year} trên địa bàn {place} như sau:"
    )));
    for (numeral, section) in NUMERALS.iter().zip(Section::ALL) {
        doc.blocks
            .push(Block::Heading(format!("{numeral}. {}", section.heading())));
        let text = report.text(section);
        if !text.trim().is_empty() {
            doc.blocks.push(Block::Paragraph(text));
        }
        if section == Section::Results {
            let printed = tables(report).into_iter().map(|table| match empty {
                EmptyRows::Omit => table.without_empty_rows(),
                EmptyRows::Keep => table,
            });
            for (n, table) in printed.enumerate() {
                doc.blocks
                    .push(Block::Heading(format!("{}. {}", n + 1, table.title)));
                doc.blocks.push(Block::Table(to_document(&table)));
            }
        }
    }
    doc.signature = Some(head_signature(unit));
    let province = unit.province.trim();
    let mut recipients = Vec::new();
    if !province.is_empty() {
        recipients.push(format!(
            "Ban Chỉ đạo {} (để báo cáo)",
            lower_level_word(province)
        ));
        // e.g. "Ban Chỉ đạo Thành phố Hồ Chí Minh", "Ban Chỉ đạo tỉnh Đồng Nai"
    }
    recipients.push(format!("Đảng ủy, Ủy ban nhân dân {place} (để báo cáo)"));
    recipients.push("Các thành viên Ban Chỉ đạo".into());
    recipients.push("Lưu: VT".into());
    doc.recipients = recipients;
    doc
}

/// A report table as the PDF prints it.
pub(crate) fn to_document(table: &ReportTable) -> Table {
    // A row whose unit is "đồng" prints its sums without "đ" (the unit says it already).
    let text = |row: &[Value]| {
        let in_dong = matches!(row.get(2), Some(Value::Text(unit)) if unit == "đồng");
        row.iter()
            .map(|v| if in_dong { v.figure_text() } else { v.text() })
            .collect()
    };
    Table {
        columns: table
            .columns
            .iter()
            .map(|c| Column {
                title: c.title.clone(),
                width: c.width,
                align: c.align,
            })
            .collect(),
        rows: table.rows.iter().map(|row| text(row)).collect(),
        total_row: table.total.as_ref().map(|row| text(row)),
    }
}

/// The PDF bytes of the report.
pub fn render(report: &Report, empty: EmptyRows) -> Result<Vec<u8>, String> {
    to_pdf(&layout(&build(report, empty))).map_err(|e| format!("Không tạo được tệp PDF: {e}"))
}
