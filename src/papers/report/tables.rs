//! The report's tables, once, for both the PDF and the spreadsheet: each cell keeps its value
//! (a count, an amount in đồng, a percentage) and is written as text only by the PDF.

use crate::document::{Align, Width};
pub use crate::domain::report::EmptyRows;
use crate::domain::report::{Entered, Figure, Figures, Group, Report, Standard, percent_text};
use crate::text::{money, thousands};

/// One cell of a report table.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A figure not entered (printed "-").
    Missing,
    Text(String),
    Count(i64),
    /// Whole đồng.
    Money(i64),
    Percent(f64),
    /// This year minus last year.
    Change(i64),
    MoneyChange(i64),
}

impl Value {
    /// As [`Value::text`], sums without their "đ": "22.900.000", "+2.200.000".
    pub fn figure_text(&self) -> String {
        match self {
            Value::Money(n) => Value::Count(*n).text(),
            Value::MoneyChange(n) => Value::Change(*n).text(),
            other => other.text(),
        }
    }

    /// As the PDF prints it: "1.350", "22.900.000 đ", "80,0%", "+100".
    pub fn text(&self) -> String {
        let signed = |n: i64, s: String| if n > 0 { format!("+{s}") } else { s };
        match self {
            Value::Missing => "-".into(),
            Value::Text(s) => s.clone(),
            Value::Count(n) => thousands(*n),
            Value::Money(n) => money(*n),
            Value::Percent(p) => percent_text(*p),
            Value::Change(n) => signed(*n, thousands(*n)),
            Value::MoneyChange(n) => signed(*n, money(*n)),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Col {
    pub title: String,
    pub width: Width,
    pub align: Align,
}

fn col(title: impl Into<String>, width: Width, align: Align) -> Col {
    Col {
        title: title.into(),
        width,
        align,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportTable {
    /// The heading above it in the PDF, e.g. "Thăm hỏi, tặng quà theo diện".
    pub title: String,
    /// The spreadsheet's sheet name (at most 31 characters).
    pub sheet: String,
    pub columns: Vec<Col>,
    pub rows: Vec<Vec<Value>>,
    /// "Tổng cộng" and the sums; its first cell spans the columns it has no cell for.
    pub total: Option<Vec<Value>>,
}

impl ReportTable {
    /// The table without its rows that hold no figure of any year (label and unit, then only
    /// "-"), numbered again from 1 when their first cell is the row number.
    pub fn without_empty_rows(mut self) -> ReportTable {
        let before = self.rows.len();
        self.rows
            .retain(|row| row.iter().skip(3).any(|v| !matches!(v, Value::Missing)));
        if self.rows.len() != before {
            for (i, row) in self.rows.iter_mut().enumerate() {
                if let Some(first @ Value::Count(_)) = row.first_mut() {
                    *first = Value::Count(i as i64 + 1);
                }
            }
        }
        self
    }
}

/// Every table of the report, in the order it prints; tables with nothing to show are left
/// out (the summary always prints).
pub fn tables(report: &Report) -> Vec<ReportTable> {
    let this = &report.this.figures;
    let mut out = vec![summary(report)];
    out.extend(points(this));
    out.extend(festival(this));
    out.extend(gifts_by_category(this));
    out.extend(gifts_by_source(this));
    out.extend(commendations(this));
    out
}

/// Reads one figure from a year.
type Read = Box<dyn Fn(&Figures, &Entered) -> Value>;

/// A row of the summary: the label, its unit and how to read the figure from a year.
struct Line {
    label: String,
    unit: &'static str,
    value: Read,
}

fn line(
    label: impl Into<String>,
    unit: &'static str,
    value: impl Fn(&Figures, &Entered) -> Value + 'static,
) -> Line {
    Line {
        label: label.into(),
        unit,
        value: Box::new(value),
    }
}

fn count(n: usize) -> Value {
    Value::Count(n as i64)
}

fn entered(figure: Figure) -> Line {
    line(figure.label(), figure.unit(), move |_, e| {
        e.get(figure)
            .map_or(Value::Missing, |v| Value::Count(v.into()))
    })
}

/// The summary rows: computed figures first, then entered ones.
fn lines() -> Vec<Line> {
    let mut lines = computed_lines();
    lines.extend(entered_lines());
    lines
}

/// The summary rows the app computes from the data.
fn computed_lines() -> Vec<Line> {
    vec![
        line("Điểm tổ chức Ngày hội", "điểm", |f, _| {
            count(f.points.points)
        }),
        line("Lượt người tham gia", "lượt", |f, _| {
            Value::Count(f.points.participants.into())
        }),
        line("Hoạt động phần hội", "hoạt động", |f, _| {
            count(f.activities.activities)
        }),
        line("Lượt đội tham gia phần hội", "đội", |f, _| {
            count(f.activities.teams)
        }),
        line("Tiền thưởng phần hội", "đồng", |f, _| {
            Value::Money(f.activities.prizes)
        }),
        line(
            "Hộ gia đình được thăm, tặng quà",
            "hộ",
            |f, _| count(f.gifts.households),
        ),
        line("Suất quà đã trao", "suất", |f, _| {
            Value::Count(f.gifts.overall.gifts as i64)
        }),
        line("Giá trị quà tặng", "đồng", |f, _| {
            Value::Money(f.gifts.overall.value)
        }),
        line(
            "Tập thể được khen thưởng, biểu dương",
            "tập thể",
            |f, _| count(f.commended_total.collectives),
        ),
        line(
            "Cá nhân được khen thưởng, biểu dương",
            "cá nhân",
            |f, _| count(f.commended_total.individuals),
        ),
        line(
            "Hộ gia đình được khen thưởng, biểu dương",
            "hộ",
            |f, _| count(f.commended_total.households),
        ),
        line(
            "Công việc chuẩn bị theo kế hoạch",
            "việc",
            |f, _| count(f.checklist_total),
        ),
        line(
            "Công việc chuẩn bị đã hoàn thành",
            "việc",
            |f, _| count(f.checklist_done),
        ),
    ]
}

/// The summary rows of the figures the committee enters, group by group as the Báo cáo
/// screen shows them; each standard's pair is followed by its rate.
fn entered_lines() -> Vec<Line> {
    let mut lines = Vec::new();
    for group in Group::ALL {
        lines.extend(group.figures().iter().map(|&figure| entered(figure)));
        if group != Group::Standard {
            continue;
        }
        for standard in Standard::ALL {
            let (meeting, total) = standard.figures();
            lines.push(entered(meeting));
            lines.push(entered(total));
            lines.push(line(
                format!("Tỷ lệ {} đạt chuẩn", standard.label().to_lowercase()),
                "%",
                move |_, e| {
                    e.ratio(standard)
                        .map_or(Value::Missing, |(_, _, p)| Value::Percent(p))
                },
            ));
        }
    }
    lines
}

fn change(this: &Value, last: &Value) -> Value {
    match (this, last) {
        (Value::Count(a), Value::Count(b)) => Value::Change(a - b),
        (Value::Money(a), Value::Money(b)) => Value::MoneyChange(a - b),
        _ => Value::Missing,
    }
}

/// "Số liệu chủ yếu": every figure, with last year and the change beside it when there is one.
fn summary(report: &Report) -> ReportTable {
    summary_of(report, lines())
}

/// The summary's rows computed from the data only, for the report screen.
pub fn computed_summary(report: &Report) -> ReportTable {
    summary_of(report, computed_lines())
}

fn summary_of(report: &Report, lines: Vec<Line>) -> ReportTable {
    let this = &report.this;
    let last = report.last.as_ref();
    let mut columns = vec![
        col("STT", Width::Mm(12.0), Align::Center),
        col("Nội dung", Width::Fraction(1.0), Align::Left),
        col("Đơn vị tính", Width::Mm(25.0), Align::Center),
    ];
    if let Some(last) = last {
        columns.push(col(
            format!("Năm {}", last.figures.year),
            Width::Mm(27.0),
            Align::Right,
        ));
    }
    columns.push(col(
        format!("Năm {}", this.figures.year),
        Width::Mm(27.0),
        Align::Right,
    ));
    if last.is_some() {
        columns.push(col("Tăng, giảm", Width::Mm(29.0), Align::Right));
    }
    let rows = lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let now = (line.value)(&this.figures, &this.entered);
            let mut row = vec![
                Value::Count(i as i64 + 1),
                Value::Text(line.label),
                Value::Text(line.unit.into()),
            ];
            match last {
                Some(last) => {
                    let before = (line.value)(&last.figures, &last.entered);
                    let delta = change(&now, &before);
                    row.extend([before, now, delta]);
                }
                None => row.push(now),
            }
            row
        })
        .collect();
    let title = match last {
        Some(last) => format!("Số liệu chủ yếu (so sánh với năm {})", last.figures.year),
        None => "Số liệu chủ yếu".to_string(),
    };
    ReportTable {
        title,
        sheet: "Số liệu chủ yếu".into(),
        columns,
        rows,
        total: None,
    }
}

fn total_row(cells: impl IntoIterator<Item = Value>) -> Option<Vec<Value>> {
    Some(
        std::iter::once(Value::Text("Tổng cộng".into()))
            .chain(cells)
            .collect(),
    )
}

fn points(f: &Figures) -> Option<ReportTable> {
    (f.points.points > 0).then(|| ReportTable {
        title: "Điểm tổ chức và người tham gia".into(),
        sheet: "Điểm tổ chức".into(),
        columns: vec![
            col("Loại điểm", Width::Fraction(1.0), Align::Left),
            col("Số điểm", Width::Mm(24.0), Align::Right),
            col("Dự kiến (người)", Width::Mm(32.0), Align::Right),
            col("Tham gia (lượt)", Width::Mm(32.0), Align::Right),
        ],
        rows: f
            .points_by_kind
            .iter()
            .map(|(kind, t)| {
                vec![
                    Value::Text(kind.label().into()),
                    count(t.points),
                    Value::Count(t.expected.into()),
                    Value::Count(t.participants.into()),
                ]
            })
            .collect(),
        total: total_row([
            count(f.points.points),
            Value::Count(f.points.expected.into()),
            Value::Count(f.points.participants.into()),
        ]),
    })
}

fn festival(f: &Figures) -> Option<ReportTable> {
    (f.activities.activities > 0).then(|| ReportTable {
        title: "Phần hội".into(),
        sheet: "Phần hội".into(),
        columns: vec![
            col("Loại hoạt động", Width::Fraction(1.0), Align::Left),
            col("Số hoạt động", Width::Mm(28.0), Align::Right),
            col("Số lượt đội", Width::Mm(28.0), Align::Right),
            col("Tiền thưởng", Width::Mm(34.0), Align::Right),
        ],
        rows: f
            .activities_by_kind
            .iter()
            .map(|(kind, t)| {
                vec![
                    Value::Text(kind.label().into()),
                    count(t.activities),
                    count(t.teams),
                    Value::Money(t.prizes),
                ]
            })
            .collect(),
        total: total_row([
            count(f.activities.activities),
            count(f.activities.teams),
            Value::Money(f.activities.prizes),
        ]),
    })
}

fn tally_columns(first: &str) -> Vec<Col> {
    vec![
        col(first, Width::Fraction(1.0), Align::Left),
        col("Lượt thăm", Width::Mm(24.0), Align::Right),
        col("Suất quà", Width::Mm(24.0), Align::Right),
        col("Giá trị", Width::Mm(34.0), Align::Right),
    ]
}

fn tally_cells(t: &crate::domain::Tally) -> [Value; 3] {
    [
        count(t.visits),
        Value::Count(t.gifts as i64),
        Value::Money(t.value),
    ]
}

fn gifts_by_category(f: &Figures) -> Option<ReportTable> {
    (f.gifts.overall.visits > 0).then(|| ReportTable {
        title: "Thăm hỏi, tặng quà theo diện gia đình".into(),
        sheet: "Quà theo diện".into(),
        columns: tally_columns("Diện"),
        rows: f
            .gifts
            .by_category
            .iter()
            .map(|(category, t)| {
                let mut row = vec![Value::Text(category.label().into())];
                row.extend(tally_cells(t));
                row
            })
            .collect(),
        total: total_row(tally_cells(&f.gifts.overall)),
    })
}

fn gifts_by_source(f: &Figures) -> Option<ReportTable> {
    (f.gifts.overall.visits > 0).then(|| ReportTable {
        title: "Thăm hỏi, tặng quà theo nguồn kinh phí".into(),
        sheet: "Quà theo nguồn kinh phí".into(),
        columns: tally_columns("Nguồn kinh phí"),
        rows: f
            .gifts
            .by_source
            .iter()
            .map(|(source, t)| {
                let mut row = vec![Value::Text(source.clone())];
                row.extend(tally_cells(t));
                row
            })
            .collect(),
        total: total_row(tally_cells(&f.gifts.overall)),
    })
}

fn commendations(f: &Figures) -> Option<ReportTable> {
    let total = &f.commended_total;
    (total.total() > 0).then(|| ReportTable {
        title: "Khen thưởng, biểu dương theo cấp khen và hình thức".into(),
        sheet: "Khen thưởng".into(),
        columns: vec![
            col("Cấp khen", Width::Fraction(1.0), Align::Left),
            // The counts' columns are as wide as their titles, which never break.
            col("Hình thức", Width::Mm(12.0), Align::Left),
            col("Tập thể", Width::Mm(12.0), Align::Right),
            col("Cá nhân", Width::Mm(12.0), Align::Right),
            col("Hộ gia đình", Width::Mm(12.0), Align::Right),
            col("Cộng", Width::Mm(12.0), Align::Right),
        ],
        rows: f
            .commended
            .iter()
            .map(|c| {
                vec![
                    Value::Text(c.issuer.clone()),
                    Value::Text(c.form.label().into()),
                    count(c.collectives),
                    count(c.individuals),
                    count(c.households),
                    count(c.total()),
                ]
            })
            .collect(),
        total: total_row([
            count(total.collectives),
            count(total.individuals),
            count(total.households),
            count(total.total()),
        ]),
    })
}
