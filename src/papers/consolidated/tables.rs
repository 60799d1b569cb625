//! The consolidated report's tables as values, once, for the PDF and the spreadsheet: the
//! totals of every key beside last year's, the units that have not reported, and the annex
//! with one row per unit.

use crate::consolidation::key::{ANNEX, Key, key, keys};
use crate::consolidation::{Consolidation, Totals, UnitRow};
use crate::document::{Align, Width};
use crate::domain::report::{Figure, Standard};
use crate::papers::report::{Col, ReportTable, Value};
use crate::text::date_short;

fn col(title: impl Into<String>, width: Width, align: Align) -> Col {
    Col {
        title: title.into(),
        width,
        align,
    }
}

fn value(key: &Key, n: Option<i64>) -> Value {
    match n {
        None => Value::Missing,
        Some(n) if key.money => Value::Money(n),
        Some(n) => Value::Count(n),
    }
}

fn change(key: &Key, this: Option<i64>, last: Option<i64>) -> Value {
    match (this, last) {
        (Some(a), Some(b)) if key.money => Value::MoneyChange(a - b),
        (Some(a), Some(b)) => Value::Change(a - b),
        _ => Value::Missing,
    }
}

/// How a line of the totals reads a year.
enum Figures {
    Key(Key),
    /// The share of units meeting a standard: the sums of x over the sums of y.
    Share(Standard),
}

impl Figures {
    fn of(&self, totals: &Totals) -> Value {
        match self {
            Figures::Key(key) => value(key, totals.figures.get(key.code).copied()),
            Figures::Share(standard) => {
                let (meeting, all) = standard.figures();
                let sum = |f: Figure| totals.figures.get(f.code()).copied();
                match (sum(meeting), sum(all)) {
                    (Some(x), Some(y)) if y > 0 => Value::Percent(x as f64 * 100.0 / y as f64),
                    _ => Value::Missing,
                }
            }
        }
    }

    fn change(&self, this: &Totals, last: &Totals) -> Value {
        match self {
            Figures::Key(key) => change(
                key,
                this.figures.get(key.code).copied(),
                last.figures.get(key.code).copied(),
            ),
            Figures::Share(_) => Value::Missing,
        }
    }
}

/// "Số liệu tổng hợp": every key's total over the units that reported, last year beside it
/// when last year was consolidated, and how many units gave the figure.
pub fn totals(c: &Consolidation) -> ReportTable {
    let last = c.last.as_ref();
    let mut columns = vec![
        col("STT", Width::Mm(12.0), Align::Center),
        col("Nội dung", Width::Fraction(1.0), Align::Left),
        col("Đơn vị tính", Width::Mm(20.0), Align::Center),
    ];
    if let Some(last) = last {
        columns.push(col(
            format!("Năm {}", last.year),
            Width::Mm(26.0),
            Align::Right,
        ));
    }
    columns.push(col(
        format!("Năm {}", c.year),
        Width::Mm(26.0),
        Align::Right,
    ));
    if last.is_some() {
        columns.push(col("Tăng, giảm", Width::Mm(26.0), Align::Right));
    }
    columns.push(col("Số đơn vị có số liệu", Width::Mm(20.0), Align::Right));
    let mut lines: Vec<(String, String, Figures)> = Vec::new();
    for key in keys() {
        lines.push((key.label.into(), key.unit.into(), Figures::Key(key)));
        // Under the count of all of them, the share meeting the standard ("80,0%").
        if let Some(standard) = Standard::ALL
            .into_iter()
            .find(|s| s.figures().1.code() == key.code)
        {
            lines.push((
                format!("Tỷ lệ {} đạt chuẩn", standard.label().to_lowercase()),
                "%".into(),
                Figures::Share(standard),
            ));
        }
    }
    let rows = lines
        .into_iter()
        .enumerate()
        .map(|(i, (label, unit, figures))| {
            let now = figures.of(&c.totals);
            let mut row = vec![
                Value::Count(i as i64 + 1),
                Value::Text(label),
                Value::Text(unit),
            ];
            if let Some(last) = last {
                let before = figures.of(last);
                let delta = figures.change(&c.totals, last);
                row.extend([before, now, delta]);
            } else {
                row.push(now);
            }
            let given = match &figures {
                Figures::Key(key) => c.totals.given_by.get(key.code).copied().unwrap_or(0),
                Figures::Share(standard) => c
                    .totals
                    .given_by
                    .get(standard.figures().1.code())
                    .copied()
                    .unwrap_or(0),
            };
            row.push(Value::Count(given as i64));
            row
        })
        .collect();
    let title = match last {
        Some(last) => format!("Số liệu tổng hợp (so sánh với năm {})", last.year),
        None => "Số liệu tổng hợp".to_string(),
    };
    ReportTable {
        title,
        sheet: "Tổng hợp".into(),
        columns,
        rows,
        total: None,
    }
}

/// The expected units without a package, or `None` when every one reported.
pub fn missing(c: &Consolidation) -> Option<ReportTable> {
    let rows: Vec<Vec<Value>> = c
        .missing()
        .enumerate()
        .map(|(i, row)| vec![Value::Count(i as i64 + 1), Value::Text(row.name.clone())])
        .collect();
    (!rows.is_empty()).then(|| ReportTable {
        title: "Đơn vị chưa gửi báo cáo".into(),
        sheet: "Chưa báo cáo".into(),
        columns: vec![
            col("STT", Width::Mm(12.0), Align::Center),
            col("Đơn vị", Width::Fraction(1.0), Align::Left),
        ],
        rows,
        total: None,
    })
}

/// The mark after the name of a unit whose package was edited by hand.
pub const EDITED_MARK: &str = " (*)";

fn unit_cell(row: &UnitRow) -> Value {
    let edited = row.received.as_ref().is_some_and(|r| !r.intact);
    Value::Text(format!(
        "{}{}",
        row.name,
        if edited { EDITED_MARK } else { "" }
    ))
}

/// The annex: one row per unit that reported, with the date its package arrived, then the
/// province's totals.
pub fn units(c: &Consolidation) -> ReportTable {
    let mut columns = vec![
        col("STT", Width::Mm(10.0), Align::Center),
        col("Đơn vị", Width::Fraction(1.0), Align::Left),
        col("Ngày nhận báo cáo", Width::Mm(22.0), Align::Center),
    ];
    let annex: Vec<Key> = ANNEX.iter().filter_map(|(code, _)| key(code)).collect();
    for (code, heading) in ANNEX {
        let money = key(code).is_some_and(|k| k.money);
        let width = if money { 30.0 } else { 17.0 };
        columns.push(col(heading, Width::Mm(width), Align::Right));
    }
    let rows = c
        .reported()
        .enumerate()
        .map(|(i, row)| {
            let arrived = row.received.as_ref().map(|r| r.arrived_at.date());
            let mut cells = vec![
                Value::Count(i as i64 + 1),
                unit_cell(row),
                arrived.map_or(Value::Missing, |d| Value::Text(date_short(d))),
            ];
            cells.extend(annex.iter().map(|k| value(k, row.figure(k.code))));
            cells
        })
        .collect();
    let mut total = vec![Value::Text(format!("Cộng ({} đơn vị)", c.totals.units))];
    total.extend(
        annex
            .iter()
            .map(|k| value(k, c.totals.figures.get(k.code).copied())),
    );
    ReportTable {
        title: format!(
            "Kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {} của các đơn vị",
            c.year
        ),
        sheet: "Các đơn vị".into(),
        columns,
        rows,
        total: Some(total),
    }
}
