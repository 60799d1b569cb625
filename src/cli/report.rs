//! `ngayhoi export report --out F.pdf [--xlsx F.xlsx] [--year Y]`: the report to the province
//! as PDF, and its tables as a spreadsheet. Both are made before either is written, so a
//! failure leaves no file behind; a year without an event writes nothing.

use std::path::Path;

use super::args::ReportArgs;
use crate::papers::report::{self, sheet};
use crate::storage::Store;

pub fn export(db: &Path, args: &ReportArgs) -> Result<(), String> {
    if !db.exists() {
        return Err(format!(
            "chưa có tệp dữ liệu “{}”. Hãy thiết lập bằng lệnh init hoặc demo.",
            db.display()
        ));
    }
    let store = Store::open(db).map_err(|e| e.to_string())?;
    store
        .unit()
        .map_err(|e| e.to_string())?
        .ok_or("tệp dữ liệu chưa có đơn vị tổ chức; hãy chạy lệnh init trước.")?;
    let years = store.years().map_err(|e| e.to_string())?;
    let year = match args.year {
        Some(year) => year,
        None => *years.last().ok_or("tệp dữ liệu chưa có Ngày hội nào.")?,
    };
    let report = store
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
        })?;
    let pdf = report::render(&report).map_err(|e| super::lower_first(&e))?;
    let xlsx = match &args.xlsx {
        Some(path) => Some((
            path,
            sheet::render(&report).map_err(|e| super::lower_first(&e))?,
        )),
        None => None,
    };
    crate::papers::output::save(&args.out, &pdf, crate::papers::output::Access::Private)
        .map_err(|e| super::lower_first(&e))?;
    println!(
        "Đã ghi báo cáo kết quả Ngày hội năm {year} vào tệp {}.",
        args.out.display()
    );
    if let Some((path, bytes)) = xlsx {
        crate::papers::output::save(path, &bytes, crate::papers::output::Access::Private)
            .map_err(|e| super::lower_first(&e))?;
        println!("Đã ghi bảng số liệu vào tệp {}.", path.display());
    }
    Ok(())
}
