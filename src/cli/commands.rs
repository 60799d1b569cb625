//! What each command does, on top of the storage layer.

use std::path::Path;

use chrono::Datelike;

use super::Command;
use super::args::{Export, Import, PaperArgs};
use crate::domain::{Level, Unit, YearEvent};
use crate::papers::{Paper, Sources, output};
use crate::storage::Store;
use crate::text::date_short;

pub fn run(db: &Path, command: Command) -> Result<(), String> {
    match command {
        Command::Backup { out, overwrite } => super::backup::backup(db, &out, overwrite),
        Command::Restore { file } => super::backup::restore(db, &file),
        Command::Password { action } => super::password::run(db, action),
        Command::Consolidate {
            files,
            year,
            dry_run,
        } => super::consolidate::consolidate(db, &files, year, dry_run),
        Command::Import { list } => match list {
            Import::Households(args) => super::import::households(db, &args),
            Import::Visits(args) => super::import::visits(db, &args),
            Import::Recipients(args) => super::import::recipients(db, &args),
        },
        Command::Init {
            unit,
            level,
            province,
            place,
            year,
            committee,
            head,
            secretary,
        } => {
            let level = Level::parse(&level).ok_or_else(|| {
                format!(
                    "cấp “{level}” không hợp lệ. Chọn một trong: tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn, đặc khu."
                )
            })?;
            let mut unit = Unit::new(&unit, level, &province, &place);
            if let Some(committee) = committee {
                unit.committee = committee;
            }
            unit.head_name = head.unwrap_or_default();
            unit.secretary_name = secretary.unwrap_or_default();
            let year = year.unwrap_or_else(|| chrono::Local::now().year());
            let mut store = open(db)?;
            if let Some(existing) = store.unit().map_err(|e| e.to_string())? {
                return Err(format!(
                    "tệp dữ liệu “{}” đã được thiết lập cho {}. Hãy dùng --db để tạo tệp mới.",
                    db.display(),
                    existing.name
                ));
            }
            let event = store
                .initialize(&unit, &YearEvent::defaults(year))
                .map_err(|e| e.to_string())?;
            println!(
                "Đã thiết lập {} với Ngày hội năm {} (ngày {}) trong tệp {}.",
                unit.cleaned().name,
                event.year,
                date_short(event.date),
                db.display()
            );
            Ok(())
        }
        Command::Export { paper } => {
            let (paper, args) = match paper {
                Export::Program(args) => (Paper::Program, args),
                Export::Script(args) => (Paper::Script, args),
                Export::Festival(args) => (Paper::Festival, args),
                Export::VisitPlan(args) => (Paper::VisitPlan, args),
                Export::Receipts(args) => (Paper::Receipts, args),
                Export::Visits(args) => {
                    return super::import::export_visits(db, &args.out, args.year);
                }
                Export::Certificates(args) => return super::certificates::certificates(db, &args),
                Export::DecisionList(args) => {
                    return super::certificates::decision_list(db, &args);
                }
                Export::Calibration(args) => return super::certificates::calibration(db, &args),
                Export::Report(args) => return super::report::export(db, &args),
                Export::ReportPackage(args) => return super::report::package(db, &args),
                Export::Consolidated(args) => return super::consolidate::export(db, &args),
            };
            export(db, paper, &args)
        }
        Command::Demo { province: true } => {
            let mut store = open(db)?;
            let intakes = crate::province_demo::fill(&mut store)?;
            println!(
                "Đã điền ví dụ của {} trong tệp {}: {} đơn vị phải báo cáo, {} gói báo cáo đã nhận (năm 2025 và 2026).",
                crate::province_demo::unit().name,
                db.display(),
                crate::province_demo::UNITS.len(),
                intakes.iter().filter(|i| !i.refused()).count()
            );
            Ok(())
        }
        Command::Demo { province: false } => {
            let mut store = open(db)?;
            let demo = crate::demo::build();
            store.fill_demo(&demo).map_err(|e| e.to_string())?;
            let unit = store
                .unit()
                .map_err(|e| e.to_string())?
                .unwrap_or(demo.unit);
            println!(
                "Đã điền dữ liệu mẫu cho {} (các năm {}) trong tệp {}.",
                unit.name,
                demo.years
                    .iter()
                    .map(|y| y.event.year.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                db.display()
            );
            Ok(())
        }
    }
}

fn open(db: &Path) -> Result<Store, String> {
    super::password::open(db)
}

/// Writes one paper of one year; no file is written when there is nothing to print.
fn export(db: &Path, paper: Paper, args: &PaperArgs) -> Result<(), String> {
    let store = super::open_existing(db)?;
    super::unit_of(&store)?;
    let year = super::event_of(&store, args.year)?.year;
    let sources = Sources::load(&store, year)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("chưa có kế hoạch Ngày hội năm {year}."))?;
    let bytes = output::render(paper, &sources).map_err(|e| super::lower_first(&e))?;
    super::write_out(&args.out, &bytes)?;
    println!(
        "Đã ghi {} năm {year} vào tệp {}.",
        paper.title(),
        args.out.display()
    );
    Ok(())
}
