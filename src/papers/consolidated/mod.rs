//! "BÁO CÁO Tổng hợp kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026 trên
//! địa bàn tỉnh Đồng Nai": the province's report built from the packages its units sent, in
//! the administrative format of the unit's report (`papers::report`): the six sections
//! (edited, or pre-filled from the totals by `consolidation::narrative`), the totals beside
//! last year's, the units that have not reported, then a landscape annex with one row per unit
//! (`annex`). The same tables go to the spreadsheet (`sheet`).

mod annex;
pub mod sheet;
pub mod tables;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::number_line;
use super::report::{lower_level_word, to_document};
use super::{head_signature, header_on};
use crate::consolidation::Consolidation;
use crate::consolidation::narrative::default_text;
use crate::document::{AdminDocument, Block, Document, layout, to_pdf};
use crate::domain::report::Section;

const NUMERALS: [&str; 6] = ["I", "II", "III", "IV", "V", "VI"];

/// "Tổng hợp kết quả … năm 2026 trên địa bàn tỉnh Đồng Nai".
pub fn summary_line(c: &Consolidation) -> String {
    format!(
        "Tổng hợp kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {} trên địa bàn {}",
        c.year,
        lower_level_word(&c.unit.name)
    )
}

/// "bao-cao-tong-hop-ngay-hoi-2026.pdf" / ".xlsx".
pub fn file_name(year: i32, extension: &str) -> String {
    format!("bao-cao-tong-hop-ngay-hoi-{year}.{extension}")
}

/// A section as it prints: the edited text, or the default built from the totals.
pub fn text(c: &Consolidation, edited: &BTreeMap<Section, String>, section: Section) -> String {
    edited
        .get(&section)
        .cloned()
        .unwrap_or_else(|| default_text(c, section))
}

/// The report without its annex, dated in the month of `date`.
pub fn build(
    c: &Consolidation,
    edited: &BTreeMap<Section, String>,
    date: NaiveDate,
) -> AdminDocument {
    let unit = &c.unit;
    let mut doc = header_on(unit, date, "BÁO CÁO", summary_line(c));
    doc.number = Some(number_line("BC", &unit.symbol));
    let place = lower_level_word(&unit.name);
    let reported = c.reported().count();
    doc.blocks.push(Block::Paragraph(format!(
        "Trên cơ sở báo cáo của {reported}/{} đơn vị, Ban Chỉ đạo tổng hợp kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {} trên địa bàn {place} như sau:",
        c.expected_count().max(reported),
        c.year
    )));
    for (numeral, section) in NUMERALS.iter().zip(Section::ALL) {
        doc.blocks
            .push(Block::Heading(format!("{numeral}. {}", section.heading())));
        let body = text(c, edited, section);
        if !body.trim().is_empty() {
            doc.blocks.push(Block::Paragraph(body));
        }
        if section == Section::Results {
            let mut n = 0;
            let mut table = |title: &str, t: &crate::papers::report::ReportTable| {
                n += 1;
                doc.blocks.push(Block::Heading(format!("{n}. {title}")));
                doc.blocks.push(Block::Table(to_document(t)));
            };
            let totals = tables::totals(c);
            table(&totals.title, &totals);
            if let Some(missing) = tables::missing(c) {
                table(&missing.title, &missing);
            }
            doc.blocks.push(Block::Paragraph(
                "Kết quả của từng đơn vị: xem Phụ lục kèm theo báo cáo này.".into(),
            ));
        }
    }
    doc.signature = Some(head_signature(unit));
    doc.recipients = vec![
        "Bộ Công an (Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc) (để báo cáo)".into(),
        format!("Thường trực Tỉnh ủy, Ủy ban nhân dân {place} (để báo cáo)"),
        "Các thành viên Ban Chỉ đạo".into(),
        "Ban Chỉ đạo các xã, phường, đặc khu".into(),
        "Lưu: VT".into(),
    ];
    doc
}

/// The whole report laid out: the portrait pages, then the landscape annex.
pub fn pages(c: &Consolidation, edited: &BTreeMap<Section, String>, date: NaiveDate) -> Document {
    let mut document = layout(&build(c, edited, date));
    let annex = tables::units(c);
    let mut titles = vec![
        "Phụ lục".to_string(),
        annex.title.to_uppercase(),
        format!(
            "(Kèm theo Báo cáo {} của Ban Chỉ đạo {})",
            number_line("BC", &c.unit.symbol).replace("Số: ", "số "),
            lower_level_word(&c.unit.name)
        ),
    ];
    if c.edited().next().is_some() {
        titles.push(format!(
            "Đơn vị có dấu{}: số liệu bị sửa tay sau khi lập tệp, cần đối chiếu.",
            tables::EDITED_MARK
        ));
    }
    let first = document.pages.len() + 1;
    document
        .pages
        .extend(annex::pages(&titles, &to_document(&annex), first));
    document
}

/// The PDF bytes of the consolidated report.
pub fn render(
    c: &Consolidation,
    edited: &BTreeMap<Section, String>,
    date: NaiveDate,
) -> Result<Vec<u8>, String> {
    to_pdf(&pages(c, edited, date)).map_err(|e| format!("Không tạo được tệp PDF: {e}"))
}
