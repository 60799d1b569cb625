//! `ngayhoi consolidate FILE_OR_FOLDER... [--year Y] [--dry-run]`: a province takes in its
//! units' report packages, one line per file (taken, replaced, or refused and why), exit code
//! 1 if any was refused; `export consolidated`: the consolidated report as PDF and .xlsx.

use std::path::{Path, PathBuf};

use super::args::ReportArgs;
use crate::consolidation::intake::{Outcome, may_consolidate};
use crate::papers::consolidated::{self, sheet};
use crate::storage::Store;

/// `--year`, else the latest year with an event.
fn year_of(store: &Store, year: Option<i32>) -> Result<i32, String> {
    match year {
        Some(y) => Ok(y),
        None => store
            .years()
            .map_err(|e| e.to_string())?
            .last()
            .copied()
            .ok_or_else(|| "tệp dữ liệu chưa có Ngày hội nào; hãy ghi rõ --year.".to_string()),
    }
}

pub fn consolidate(
    db: &Path,
    paths: &[PathBuf],
    year: Option<i32>,
    dry_run: bool,
) -> Result<(), String> {
    let mut store = super::open_existing(db)?;
    let year = year_of(&store, year)?;
    let intakes = store
        .take_in_paths(year, paths, chrono::Local::now().naive_local(), dry_run)
        .map_err(|e| super::lower_first(&e.to_string()))?;
    let count = |f: fn(&Outcome) -> bool| intakes.iter().filter(|i| f(&i.outcome)).count();
    for intake in &intakes {
        println!("{}", intake.line());
    }
    let refused = count(|o| matches!(o, Outcome::Refused(_)));
    println!(
        "{}Năm {year}: nhận {} tệp, trong đó {} bản gửi lại thay bản trước; không nhận {refused} tệp.",
        if dry_run {
            "Chạy thử, không lưu gì. "
        } else {
            ""
        },
        count(|o| !matches!(o, Outcome::Refused(_))),
        count(|o| matches!(o, Outcome::Replaced(_))),
    );
    if refused > 0 {
        return Err(format!(
            "{refused} tệp không được nhận; lý do ở từng dòng trên."
        ));
    }
    Ok(())
}

pub fn export(db: &Path, args: &ReportArgs) -> Result<(), String> {
    let store = super::open_existing(db)?;
    let year = year_of(&store, args.year)?;
    let c = store
        .consolidation(year)
        .map_err(|e| e.to_string())?
        .ok_or("tệp dữ liệu chưa có đơn vị tổ chức; hãy chạy lệnh init trước.")?;
    may_consolidate(&c.unit, year)?;
    if c.totals.units == 0 {
        return Err(format!(
            "chưa nhận gói báo cáo nào của năm {year}; hãy dùng lệnh consolidate trước. Không ghi tệp nào."
        ));
    }
    // The province's own report sections are those of its consolidated report.
    let edited = match store.event(year).map_err(|e| e.to_string())? {
        Some(event) => store.report_sections(event.id).map_err(|e| e.to_string())?,
        None => Default::default(),
    };
    let today = chrono::Local::now().date_naive();
    let pdf = consolidated::render(&c, &edited, today).map_err(|e| super::lower_first(&e))?;
    let xlsx = match &args.xlsx {
        Some(path) => Some((path, sheet::render(&c).map_err(|e| super::lower_first(&e))?)),
        None => None,
    };
    super::write_out(&args.out, &pdf)?;
    println!(
        "Đã ghi báo cáo tổng hợp năm {year} ({}/{} đơn vị đã báo cáo) vào tệp {}.",
        c.totals.units,
        c.expected_count().max(c.totals.units),
        args.out.display()
    );
    if let Some((path, bytes)) = xlsx {
        super::write_out(path, &bytes)?;
        println!("Đã ghi bảng tổng hợp vào tệp {}.", path.display());
    }
    Ok(())
}
