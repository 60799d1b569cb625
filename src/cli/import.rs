//! `import households|visits|recipients FILE [--dry-run] [--update | --allow-duplicates]`
//! (recipients also `--decision SỐ` and `--form HÌNH_THỨC` for rows that leave them empty) and
//! `export visits --out F.xlsx`. A file with any bad row saves nothing: every bad row is
//! listed on stderr with its row number and reason. A row already stored is skipped and
//! counted; one stored with other values is listed and updated only with `--update`. A copy
//! of the data file is taken before anything is written.

use std::path::Path;

use crate::domain::commendation::default_achievement;
use crate::domain::{Decision, Form, Household, KnownHouseholds, Visit};
use crate::import::recipients::KnownRecipients;
use crate::import::visits::KnownVisits;
use crate::import::{self, Choice, Preview};
use crate::papers::Sources;
use crate::storage::{BackupReason, Store};

use super::args::{ImportArgs, RecipientArgs};

/// What an import would write, reported before (dry run) or after saving.
fn report<T>(preview: &Preview<T>, args: &ImportArgs, what: &str) -> Result<(), String> {
    for note in preview.notes() {
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

fn choice(args: &ImportArgs) -> Choice {
    Choice {
        update: args.update,
        allow_duplicates: args.allow_duplicates,
    }
}

/// What happens to the rows already stored; returns how many rows are skipped.
fn report_stored<T>(preview: &Preview<T>, args: &ImportArgs) -> usize {
    let counts = preview.counts;
    if args.allow_duplicates {
        let stored = counts.same + counts.changed;
        if stored > 0 {
            println!(
                "{stored} dòng đã có trong dữ liệu vẫn được nhập thành bản ghi mới (--allow-duplicates)."
            );
        }
        return 0;
    }
    for (row, changes) in preview.changes() {
        let changes = changes.join("; ");
        if args.update {
            println!("Dòng {row}: cập nhật bản đã lưu ({changes}).");
        } else {
            println!("Dòng {row}: khác với dữ liệu đã lưu ({changes}).");
        }
    }
    if counts.same > 0 {
        println!(
            "Bỏ qua {} dòng đã có trong dữ liệu (không nhập hai lần).",
            counts.same
        );
    }
    if counts.changed > 0 && !args.update {
        println!(
            "Bỏ qua {} dòng khác với dữ liệu đã lưu, dùng --update để cập nhật.",
            counts.changed
        );
    }
    counts.same + if args.update { 0 } else { counts.changed }
}

/// ", cập nhật 2 hộ, bỏ qua 3 dòng đã có": what is done besides adding.
fn besides(updated: usize, skipped: usize, noun: &str) -> String {
    let mut out = String::new();
    if updated > 0 {
        out.push_str(&format!(", cập nhật {updated} {noun}"));
    }
    if skipped > 0 {
        out.push_str(&format!(", bỏ qua {skipped} dòng đã có"));
    }
    out
}

/// Nothing to write: said plainly, and the file is not touched (no backup either).
fn nothing_new(skipped: usize) {
    println!("Không có gì mới để nhập: cả {skipped} dòng đều đã có trong dữ liệu. Không lưu gì.");
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
    let existing = KnownHouseholds::new(&store.households().map_err(|e| e.to_string())?);
    let preview = import::households::preview(&args.file, &existing)
        .map_err(|e| super::lower_first(&e.to_string()))?;
    report(&preview, args, "hộ")?;
    let skipped = report_stored(&preview, args);
    let rows: Vec<Household> = preview.to_save(choice(args));
    let updated = rows.iter().filter(|h| h.id != 0).count();
    let added = rows.len() - updated;
    let besides = besides(updated, skipped, "hộ");
    if rows.is_empty() {
        nothing_new(skipped);
        return Ok(());
    }
    if args.dry_run {
        println!("Kiểm tra xong: có thể nhập {added} hộ{besides}. Chưa lưu gì (--dry-run).");
        return Ok(());
    }
    backup_first(&store)?;
    store.import_households(&rows).map_err(|e| e.to_string())?;
    println!("Đã nhập {added} hộ vào tệp {}{besides}.", db.display());
    Ok(())
}

pub fn visits(db: &Path, args: &ImportArgs) -> Result<(), String> {
    let mut store = open_set_up(db)?;
    let (event_id, year) = event_id(&store, args.year)?;
    let existing = KnownVisits::new(
        &store.households().map_err(|e| e.to_string())?,
        &store.visits(event_id).map_err(|e| e.to_string())?,
    );
    let preview = import::visits::preview(&args.file, &existing)
        .map_err(|e| super::lower_first(&e.to_string()))?;
    report(&preview, args, "lượt thăm")?;
    let skipped = report_stored(&preview, args);
    let chosen = preview.to_save(choice(args));
    let updated = chosen.iter().filter(|row| row.visit.id != 0).count();
    let added = chosen.len() - updated;
    let new = chosen.iter().filter(|row| !row.known).count();
    let besides = besides(updated, skipped, "lượt thăm");
    if chosen.is_empty() {
        nothing_new(skipped);
        return Ok(());
    }
    if args.dry_run {
        println!(
            "Kiểm tra xong: có thể nhập {added} lượt thăm năm {year} ({new} hộ mới){besides}. Chưa lưu gì (--dry-run)."
        );
        return Ok(());
    }
    let rows: Vec<(Household, Visit)> = chosen
        .into_iter()
        .map(|row| (row.household(), row.visit))
        .collect();
    backup_first(&store)?;
    let done = store
        .import_visits(event_id, &rows)
        .map_err(|e| e.to_string())?;
    println!(
        "Đã nhập {} lượt thăm năm {year} ({} hộ mới) vào tệp {}{besides}.",
        done.visits,
        done.new_households,
        db.display()
    );
    Ok(())
}

/// `--decision SỐ`: the id of that decision of the year, or why there is none.
fn decision_named(decisions: &[Decision], number: &str, year: i32) -> Result<i64, String> {
    let key = crate::text::fold(number);
    if let Some(d) = decisions
        .iter()
        .find(|d| crate::text::fold(&d.number) == key)
    {
        return Ok(d.id);
    }
    let known: Vec<&str> = decisions.iter().map(|d| d.number.as_str()).collect();
    let have = if known.is_empty() {
        format!("năm {year} chưa có quyết định nào")
    } else {
        format!("các quyết định của năm: {}", known.join(", "))
    };
    Err(format!(
        "năm {year} không có quyết định số “{}” ({have}). Hãy thêm quyết định đó trước; chưa nhập dòng nào.",
        number.trim()
    ))
}

/// `--form "Giấy khen"`.
fn form_named(text: &str) -> Result<Form, String> {
    import::recipient_values::form_named(text).ok_or_else(|| {
        format!("hình thức “{text}” không rõ (nhận: Giấy khen, Bằng khen, Biểu dương).")
    })
}

pub fn recipients(db: &Path, choices: &RecipientArgs) -> Result<(), String> {
    let args = &choices.import;
    if args.allow_duplicates {
        return Err(
            "người được khen không nhập trùng được: mỗi người chỉ có một số vào sổ trong một quyết định. Hãy bỏ --allow-duplicates."
                .into(),
        );
    }
    let without_form = choices.form.as_deref().map(form_named).transpose()?;
    let mut store = open_set_up(db)?;
    let unit = super::unit_of(&store)?;
    let (event_id, year) = event_id(&store, args.year)?;
    let decisions = store.decisions(event_id).map_err(|e| e.to_string())?;
    let without_number = choices
        .decision
        .as_deref()
        .map(|number| decision_named(&decisions, number, year))
        .transpose()?;
    let existing = KnownRecipients {
        decisions,
        recipients: store.recipients(event_id).map_err(|e| e.to_string())?,
        without_number,
        without_form,
    };
    let preview = import::recipients::preview(&args.file, &existing)
        .map_err(|e| super::lower_first(&e.to_string()))?;
    report(&preview, args, "người được khen")?;
    let skipped = report_stored(&preview, args);
    let mut rows = Vec::new();
    let missing: Vec<usize> = preview
        .rows
        .iter()
        .filter(|p| p.value.decision_number.trim().is_empty() || p.value.decision_date.is_none())
        .map(|p| p.row)
        .collect();
    if !missing.is_empty() {
        for row in &missing {
            eprintln!("Dòng {row}: thiếu số hoặc ngày quyết định.");
        }
        return Err(format!(
            "tệp “{}” có {} dòng thiếu số hoặc ngày quyết định; chưa nhập dòng nào (--decision SỐ đưa các dòng không ghi số vào một quyết định đã có).",
            args.file.display(),
            missing.len()
        ));
    }
    for row in preview.to_save(choice(args)) {
        let (Some(date), number) = (row.decision_date, row.decision_number.trim()) else {
            continue;
        };
        let mut recipient = row.recipient;
        if recipient.achievement.trim().is_empty() {
            recipient.achievement = default_achievement(year);
        }
        rows.push((number.to_string(), date, recipient));
    }
    let updated = rows.iter().filter(|(_, _, r)| r.id != 0).count();
    let added = rows.len() - updated;
    let besides = besides(updated, skipped, "người");
    if rows.is_empty() {
        nothing_new(skipped);
        return Ok(());
    }
    let certificates = rows
        .iter()
        .filter(|(_, _, r)| r.id == 0 && r.form.has_certificate())
        .count();
    if args.dry_run {
        println!(
            "Kiểm tra xong: có thể nhập {added} người được khen năm {year} ({certificates} giấy khen, bằng khen){besides}. Chưa lưu gì (--dry-run)."
        );
        return Ok(());
    }
    backup_first(&store)?;
    let defaults = Decision::defaults(&unit, "", chrono::Local::now().date_naive());
    let done = store
        .import_recipients(event_id, &defaults, &rows)
        .map_err(|e| e.to_string())?;
    println!(
        "Đã nhập {} người được khen năm {year} ({} quyết định mới, {} số vào sổ) vào tệp {}{besides}.",
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
    crate::export::write_xlsx(out, &[table], crate::papers::output::Access::Private)
        .map_err(|e| super::lower_first(&e))?;
    println!(
        "Đã ghi {count} lượt thăm năm {year} vào tệp {}.",
        out.display()
    );
    Ok(())
}
