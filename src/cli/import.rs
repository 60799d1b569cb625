//! `import households|visits|recipients FILE [--dry-run]` and `export visits --out F.xlsx`.
//! A file with any bad row saves nothing: every bad row is listed on stderr with its row
//! number and reason. A copy of the data file is taken before anything is written.

use std::path::Path;

use crate::domain::commendation::default_achievement;
use crate::domain::{Decision, Household, Visit};
use crate::import::{self, Identities, Preview};
use crate::papers::Sources;
use crate::storage::{BackupReason, Store};

use super::args::ImportArgs;

/// What an import would write, reported before (dry run) or after saving.
fn report<T>(preview: &Preview<T>, args: &ImportArgs, what: &str) -> Result<(), String> {
    for note in preview.conversion.notes() {
        println!("{note}");
    }
    for warning in &preview.warnings {
        println!("Cảnh báo, dòng {}: {}", warning.row, warning.reason);
    }
    let problems = preview.problems();
    for problem in &problems {
        eprintln!("{problem}");
    }
    for error in &preview.errors {
        eprintln!("Dòng {}: {}", error.row, error.reason);
    }
    if !preview.can_save() {
        let count = preview.errors.len();
        return Err(if count > 0 {
            format!(
                "tệp “{}” có {count} dòng lỗi (liệt kê ở trên); chưa nhập dòng nào. Hãy sửa tệp rồi nhập lại.",
                args.file.display()
            )
        } else {
            format!(
                "chưa nhập được {what} nào từ tệp “{}”.",
                args.file.display()
            )
        });
    }
    Ok(())
}

fn open_set_up(db: &Path) -> Result<Store, String> {
    let store = super::open_existing(db)?;
    if store.unit().map_err(|e| e.to_string())?.is_none() {
        return Err("tệp dữ liệu chưa có đơn vị tổ chức; hãy chạy lệnh init trước.".into());
    }
    Ok(store)
}

/// The event a visit or recipient list goes to: `--year`, else the latest.
fn event_id(store: &Store, year: Option<i32>) -> Result<(i64, i32), String> {
    super::event_of(store, year).map(|e| (e.id, e.year))
}

fn backup_first(store: &Store) -> Result<(), String> {
    store
        .backup_before(BackupReason::Import)
        .map(drop)
        .map_err(|e| format!("chưa nhập vì không sao lưu được trước khi nhập: {e}"))
}

pub fn households(db: &Path, args: &ImportArgs) -> Result<(), String> {
    let mut store = open_set_up(db)?;
    let existing: Identities = store
        .households()
        .map_err(|e| e.to_string())?
        .iter()
        .map(Household::identity_key)
        .collect();
    let preview = import::households::preview(&args.file, &existing)
        .map_err(|e| super::lower_first(&e.to_string()))?;
    report(&preview, args, "hộ")?;
    let rows: Vec<Household> = preview.values().cloned().collect();
    if args.dry_run {
        println!(
            "Kiểm tra xong: có thể nhập {} hộ. Chưa lưu gì (--dry-run).",
            rows.len()
        );
        return Ok(());
    }
    backup_first(&store)?;
    let saved = store.import_households(&rows).map_err(|e| e.to_string())?;
    println!("Đã nhập {} hộ vào tệp {}.", saved.len(), db.display());
    Ok(())
}

pub fn visits(db: &Path, args: &ImportArgs) -> Result<(), String> {
    let mut store = open_set_up(db)?;
    let (event_id, year) = event_id(&store, args.year)?;
    let existing: Identities = store
        .households()
        .map_err(|e| e.to_string())?
        .iter()
        .map(Household::identity_key)
        .collect();
    let preview = import::visits::preview(&args.file, &existing)
        .map_err(|e| super::lower_first(&e.to_string()))?;
    report(&preview, args, "lượt thăm")?;
    let rows: Vec<(Household, Visit)> = preview
        .values()
        .map(|row| (row.household(), row.visit.clone()))
        .collect();
    let new = preview.values().filter(|row| !row.known).count();
    if args.dry_run {
        println!(
            "Kiểm tra xong: có thể nhập {} lượt thăm năm {year} ({new} hộ mới). Chưa lưu gì (--dry-run).",
            rows.len()
        );
        return Ok(());
    }
    backup_first(&store)?;
    let done = store
        .import_visits(event_id, &rows)
        .map_err(|e| e.to_string())?;
    println!(
        "Đã nhập {} lượt thăm năm {year} ({} hộ mới) vào tệp {}.",
        done.visits,
        done.new_households,
        db.display()
    );
    Ok(())
}

pub fn recipients(db: &Path, args: &ImportArgs) -> Result<(), String> {
    let mut store = open_set_up(db)?;
    let unit = store
        .unit()
        .map_err(|e| e.to_string())?
        .ok_or("tệp dữ liệu chưa có đơn vị tổ chức.")?;
    let (event_id, year) = event_id(&store, args.year)?;
    let preview =
        import::recipients::preview(&args.file).map_err(|e| super::lower_first(&e.to_string()))?;
    report(&preview, args, "người được khen")?;
    let mut rows = Vec::new();
    let mut missing = Vec::new();
    for parsed in &preview.rows {
        let row = &parsed.value;
        let (number, date) = match (row.decision_number.trim(), row.decision_date) {
            ("", _) | (_, None) => {
                missing.push(parsed.row);
                continue;
            }
            (number, Some(date)) => (number.to_string(), date),
        };
        let mut recipient = row.recipient.clone();
        if recipient.achievement.trim().is_empty() {
            recipient.achievement = default_achievement(year);
        }
        rows.push((number, date, recipient));
    }
    if !missing.is_empty() {
        for row in &missing {
            eprintln!("Dòng {row}: thiếu số hoặc ngày quyết định.");
        }
        return Err(format!(
            "tệp “{}” có {} dòng thiếu số hoặc ngày quyết định; chưa nhập dòng nào.",
            args.file.display(),
            missing.len()
        ));
    }
    let certificates = rows
        .iter()
        .filter(|(_, _, r)| r.form.has_certificate())
        .count();
    if args.dry_run {
        println!(
            "Kiểm tra xong: có thể nhập {} người được khen năm {year} ({certificates} giấy khen, bằng khen). Chưa lưu gì (--dry-run).",
            rows.len()
        );
        return Ok(());
    }
    backup_first(&store)?;
    let defaults = Decision::defaults(&unit, "", chrono::Local::now().date_naive());
    let done = store
        .import_recipients(event_id, &defaults, &rows)
        .map_err(|e| e.to_string())?;
    println!(
        "Đã nhập {} người được khen năm {year} ({} quyết định mới, {} số vào sổ) vào tệp {}.",
        done.recipients,
        done.new_decisions,
        done.certificates,
        db.display()
    );
    Ok(())
}

/// `export visits --out F.xlsx [--year]`.
pub fn export_visits(db: &Path, out: &Path, year: Option<i32>) -> Result<(), String> {
    let store = open_set_up(db)?;
    let (_, year) = event_id(&store, year)?;
    let sources = Sources::load(&store, year)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("chưa có kế hoạch Ngày hội năm {year}."))?;
    if sources.gifts.visits.is_empty() {
        return Err(format!(
            "năm {year} chưa có lượt thăm nào, nên không ghi tệp."
        ));
    }
    let table = crate::export::visits_table(&sources);
    let count = table.rows.len();
    crate::export::write_xlsx(out, &[table]).map_err(|e| super::lower_first(&e))?;
    println!(
        "Đã ghi {count} lượt thăm năm {year} vào tệp {}.",
        out.display()
    );
    Ok(())
}
