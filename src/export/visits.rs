//! The year's visits as a spreadsheet: one row per visit with its household, values as
//! numbers. The headers are the ones the visits import reads, so the file goes back in.

use super::{Cell, Table};
use crate::papers::Sources;

pub fn visits_table(s: &Sources) -> Table {
    let gifts = &s.gifts;
    let mut rows = Vec::with_capacity(gifts.visits.len());
    // In the roster's Vietnamese name order, each household's visits in the order made.
    for h in gifts.roster.all() {
        for v in gifts.visits.iter().filter(|v| v.household_id == h.id) {
            rows.push(vec![
                Cell::Integer(rows.len() as i64 + 1),
                Cell::text(&h.name),
                h.birth_year
                    .map_or(Cell::Empty, |y| Cell::Integer(i64::from(y))),
                h.sex.map_or(Cell::Empty, |x| Cell::text(x.label())),
                Cell::text(&h.address),
                Cell::text(h.category.label()),
                v.date.map_or(Cell::Empty, Cell::Date),
                Cell::text(&v.delegation),
                Cell::text(&v.gift),
                Cell::Money(v.value),
                Cell::Integer(i64::from(v.quantity)),
                Cell::Money(v.total()),
                Cell::text(&v.source),
                Cell::text(v.status.label()),
            ]);
        }
    }
    Table {
        sheet_name: format!("Thăm hỏi {}", s.plan.event.year),
        title_rows: vec![
            format!("DANH SÁCH THĂM HỎI, TẶNG QUÀ NĂM {}", s.plan.event.year),
            s.unit.name.clone(),
        ],
        headers: [
            "STT",
            "Họ và tên",
            "Năm sinh",
            "Giới tính",
            "Địa chỉ",
            "Diện",
            "Ngày thăm",
            "Người thăm",
            "Quà tặng",
            "Giá trị (đồng)",
            "Số lượng",
            "Thành tiền (đồng)",
            "Nguồn kinh phí",
            "Trạng thái",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }
}
