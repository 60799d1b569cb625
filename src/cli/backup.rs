//! `backup --out FILE` and `restore FILE`.

use std::path::Path;

use crate::storage::backup::Replacing;
use crate::storage::{self, BackupInfo, Store, StoreError, inspect};

/// Writes a consistent copy of the data file to `out`. An existing file is replaced only with
/// `--overwrite`, and then whole: the copy is written beside it first and renamed over it.
pub fn backup(db: &Path, out: &Path, overwrite: bool) -> Result<(), String> {
    if !db.exists() {
        return Err(format!(
            "chưa có tệp dữ liệu “{}”. Hãy thiết lập bằng lệnh init hoặc demo.",
            db.display()
        ));
    }
    if same(db, out) {
        return Err("tệp sao lưu phải khác tệp dữ liệu đang dùng.".into());
    }
    if out.exists() && !overwrite {
        return Err(format!(
            "tệp “{}” đã có nên không ghi đè. Hãy chọn tên khác, hoặc thêm --overwrite nếu muốn thay tệp đó.",
            out.display()
        ));
    }
    let store = super::password::open(db)?;
    store.backup_replacing(out).map_err(|e| match e {
        Replacing::Copy(e) => e.to_string(),
        Replacing::Rename(e) => {
            super::lower_first(&crate::papers::output::write_error(out, &e, cfg!(windows)))
        }
    })?;
    let info = inspect(out, store.password()).map_err(|e| e.to_string())?;
    println!(
        "Đã sao lưu vào tệp {} ({}): {}.",
        out.display(),
        storage::backup::size_text(std::fs::metadata(out).map(|m| m.len()).unwrap_or(0)),
        info.summary()
    );
    Ok(())
}

/// Replaces the data file's content with the backup `file`, after copying the current state.
/// A file that is not a valid backup is refused before anything is touched.
pub fn restore(db: &Path, file: &Path) -> Result<(), String> {
    let key = super::password::key_for(&[db, file])?;
    inspect(file, key.as_ref()).map_err(|e| e.to_string())?;
    if same(db, file) {
        return Err(
            "không thể khôi phục tệp dữ liệu từ chính nó: hãy chọn một bản sao lưu.".into(),
        );
    }
    if !db.exists() {
        let recovered =
            storage::replace_unusable(db, file, key.as_ref()).map_err(|e| e.to_string())?;
        print_brought_back(file, &recovered.info, db);
        return Ok(());
    }
    match Store::open_with_password(db, key.as_ref()) {
        Ok(mut store) => {
            let restored = store.restore_from(file).map_err(|e| e.to_string())?;
            print_brought_back(file, &restored.info, db);
            match restored.previous {
                Some(previous) => println!(
                    "Trạng thái trước khi khôi phục được lưu ở {}.",
                    previous.display()
                ),
                None => println!("Tệp dữ liệu chưa có gì nên không cần lưu trạng thái trước."),
            }
            Ok(())
        }
        // A file that cannot be opened is moved aside whole, never overwritten.
        Err(why @ (StoreError::Damaged(_) | StoreError::Newer { .. })) => {
            let recovered =
                storage::replace_unusable(db, file, key.as_ref()).map_err(|e| e.to_string())?;
            print_brought_back(file, &recovered.info, db);
            if let Some(aside) = recovered.set_aside {
                println!(
                    "Tệp dữ liệu cũ không mở được ({why}) nên được giữ nguyên ở {}.",
                    aside.display()
                );
            }
            Ok(())
        }
        Err(e) => Err(e.to_string()),
    }
}

fn print_brought_back(file: &Path, info: &BackupInfo, db: &Path) {
    println!(
        "Đã khôi phục từ bản sao lưu {} (lúc {}) vào tệp {}: {}.",
        file.display(),
        info.taken_at_text(),
        db.display(),
        info.summary()
    );
}

fn same(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
