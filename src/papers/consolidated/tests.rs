//! The consolidated report as the province reads it: the title, the totals beside last
//! year's, the units missing, and a landscape annex with one row per unit and its total.
//! `NGAYHOI_CONSOLIDATED_PDF=/tmp/t.pdf` keeps the PDF of 60 units to look at.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::*;
use crate::consolidation::package::commune;
use crate::consolidation::{ExpectedUnit, Received};
use crate::document::Page;
use crate::domain::{Level, Unit};

fn received(i: usize, year: i32, intact: bool) -> Received {
    let made = NaiveDate::from_ymd_opt(year, 8, 20)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    Received {
        id: i as i64,
        package: commune(
            &format!("Xã Số {i}"),
            year,
            made,
            &[
                ("diem_to_chuc", 3),
                ("nguoi_tham_gia", 1000 + i as i64),
                ("gia_tri_qua", 5_000_000),
            ],
        ),
        intact,
        arrived_at: made,
        file_name: format!("{i}.xlsx"),
        current: true,
    }
}

fn sample(units: usize) -> Consolidation {
    let province = Unit::new(
        "Tỉnh Đồng Nai",
        Level::Province,
        "Tỉnh Đồng Nai",
        "Biên Hòa",
    );
    let expected: Vec<ExpectedUnit> = (0..units + 2)
        .map(|i| ExpectedUnit::new(&format!("Xã Số {i}")))
        .collect();
    let this: Vec<Received> = (0..units).map(|i| received(i, 2026, i != 1)).collect();
    let last: Vec<Received> = (0..units).map(|i| received(i, 2025, true)).collect();
    Consolidation::new(province, 2026, &expected, &this, &last)
}

fn text(page: &Page) -> String {
    page.texts().collect::<Vec<_>>().join(" ")
}

#[test]
fn page_one_has_the_title_totals_and_last_year() {
    let c = sample(3);
    let doc = pages(
        &c,
        &BTreeMap::new(),
        NaiveDate::from_ymd_opt(2026, 9, 5).unwrap(),
    );
    let all: String = doc.pages.iter().map(text).collect::<Vec<_>>().join(" ");
    assert!(all.contains("BÁO CÁO"), "{all}");
    assert!(
        all.contains("trên địa bàn tỉnh Đồng Nai"),
        "the summary names the province: {all}"
    );
    assert!(
        all.contains("Năm 2025") && all.contains("Tăng, giảm"),
        "{all}"
    );
    // 1000 + 1001 + 1002 participants.
    assert!(all.contains("3.003"), "{all}");
    assert!(
        all.contains("Xã Số 3") && all.contains("Xã Số 4"),
        "the missing units: {all}"
    );
    assert!(all.contains("Còn 2 đơn vị chưa gửi báo cáo"), "{all}");
}

#[test]
fn the_annex_is_landscape_with_a_row_per_unit_across_pages() {
    let c = sample(60);
    let date = NaiveDate::from_ymd_opt(2026, 9, 5).unwrap();
    let doc = pages(&c, &BTreeMap::new(), date);
    let annex: Vec<&Page> = doc
        .pages
        .iter()
        .filter(|p| p.width_mm > p.height_mm)
        .collect();
    assert!(annex.len() >= 3, "{} annex pages", annex.len());
    let portrait = doc.pages.len() - annex.len();
    let annex_text: String = annex.iter().map(|p| text(p)).collect::<Vec<_>>().join(" ");
    for i in 0..60 {
        assert!(annex_text.contains(&format!("Xã Số {i}")), "unit {i}");
    }
    assert!(
        annex_text.contains("Xã Số 1 (*)"),
        "the edited package is marked"
    );
    assert!(annex_text.contains("Cộng (60 đơn vị)"));
    // The header repeats and the pages go on numbering from the report's.
    for (i, page) in annex.iter().enumerate() {
        assert!(text(page).contains("Ngày nhận báo cáo"));
        assert!(page.texts().any(|t| t == (portrait + i + 1).to_string()));
    }
    let pdf = render(&c, &BTreeMap::new(), date).unwrap();
    if let Ok(path) = std::env::var("NGAYHOI_CONSOLIDATED_PDF") {
        std::fs::write(path, &pdf).unwrap();
    }
}
