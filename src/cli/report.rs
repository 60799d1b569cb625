//! `ngayhoi export report --out F.pdf [--xlsx F.xlsx] [--year Y]`: the report to the province
//! as PDF, and its tables as a spreadsheet (both made before either is written, so a failure
//! leaves no file behind); `export report-package`: the package the province takes in
//! (`export::package`). A year without an event writes nothing.

use std::path::{Path, PathBuf};

use super::args::{PackageArgs, UnitReportArgs};
use crate::domain::report::Report;
use crate::papers::report::{self, sheet};

pub fn export(db: &Path, args: &UnitReportArgs) -> Result<(), String> {
    let keep_empty = args.keep_empty;
    let args = &args.report;
    let report = load(db, args.year)?;
    // The secretary's last choice on the Báo cáo screen, unless --keep-empty says keep.
    let empty = match keep_empty {
        true => report::EmptyRows::Keep,
        false => report.unit.empty_rows,
    };
    let year = report.year();
    let pdf = report::render(&report, empty).map_err(|e| super::lower_first(&e))?;
    let xlsx = match &args.xlsx {
        Some(path) => Some((
            path,
            sheet::render(&report).map_err(|e| super::lower_first(&e))?,
        )),
        None => None,
    };
    super::write_out(&args.out, &pdf)?;
    println!(
        "Đã ghi báo cáo kết quả Ngày hội năm {year} vào tệp {}.",
        args.out.display()
    );
    if let Some((path, bytes)) = xlsx {
        super::write_out(path, &bytes)?;
        println!("Đã ghi bảng số liệu vào tệp {}.", path.display());
    }
    Ok(())
}

/// The report of `--year` (else of the latest year), or why there is none.
fn load(db: &Path, year: Option<i32>) -> Result<Report, String> {
    if !db.exists() {
        return Err(format!(
            "chưa có tệp dữ liệu “{}”. Hãy thiết lập bằng lệnh init hoặc demo.",
            db.display()
        ));
    }
    let store = super::password::open(db)?;
    super::unit_of(&store)?;
    let (year, years) = super::year_or_latest(&store, year)?;
    store
        .report(year)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| {
            let known = years
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let mut message = format!(
                "chưa có Ngày hội năm {year} nên không có gì để báo cáo; không ghi tệp nào."
            );
            if !known.is_empty() {
                message.push_str(&format!(" Các năm đã có: {known}."));
            }
            message
        })
}

/// `export report-package`: the package the level above takes in, named
/// "BaoCao-NgayHoi-<year>-<unit>.xlsx" unless `--out` says otherwise.
pub fn package(db: &Path, args: &PackageArgs) -> Result<(), String> {
    let report = load(db, args.year)?;
    let out = args.out.clone().unwrap_or_else(|| {
        PathBuf::from(crate::export::package::file_name(
            report.year(),
            &report.unit.name,
        ))
    });
    crate::export::package::save(
        &out,
        &report,
        chrono::Local::now().naive_local(),
        crate::papers::output::Access::Private,
    )
    .map_err(|e| super::lower_first(&e))?;
    println!(
        "Đã ghi gói báo cáo năm {} của {} vào tệp {}. Gửi tệp này lên cấp trên để tổng hợp.",
        report.year(),
        report.unit.name,
        out.display()
    );
    Ok(())
}
