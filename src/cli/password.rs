//! The data file's password on the command line: read from the environment
//! (`NGAYHOI_MAT_KHAU`, and `NGAYHOI_MAT_KHAU_MOI` for a new one) or, at a terminal, asked
//! for without echo; never taken from an argument, where other users could read it in the
//! process list and the shell keeps it in its history. And `password set|change|remove`.

use std::io::IsTerminal;
use std::path::Path;

use super::args::PasswordAction;
use crate::storage::{Password, Store, StoreError, WindowLock, password::is_sealed};

/// The variable a script gives the data file's password in.
pub const PASSWORD_VAR: &str = "NGAYHOI_MAT_KHAU";
/// The variable a script gives a new password in (`password set`, `password change`).
pub const NEW_PASSWORD_VAR: &str = "NGAYHOI_MAT_KHAU_MOI";

/// Opens the data file, with its password when it has one.
pub fn open(db: &Path) -> Result<Store, String> {
    let password = key_for(&[db])?;
    Store::open_with_password(db, password.as_ref()).map_err(|e| e.to_string())
}

/// The password when one of `files` (the data file, a backup) has one; asked once.
pub fn key_for(files: &[&Path]) -> Result<Option<Password>, String> {
    match files.iter().find(|file| is_sealed(file)) {
        Some(file) => current(file).map(Some),
        None => Ok(None),
    }
}

/// The password of the file `db`: from [`PASSWORD_VAR`], else asked at the terminal.
fn current(db: &Path) -> Result<Password, String> {
    if let Ok(value) = std::env::var(PASSWORD_VAR) {
        return Password::typed(&value).ok_or_else(|| {
            format!("biến môi trường {PASSWORD_VAR} trống; tệp dữ liệu không thay đổi.")
        });
    }
    if !std::io::stdin().is_terminal() {
        let needs = super::lower_first(&StoreError::NeedsPassword(db.to_path_buf()).to_string());
        return Err(format!(
            "{needs} Khi chạy trong tập lệnh, hãy đặt mật khẩu vào biến môi trường {PASSWORD_VAR}."
        ));
    }
    let typed = ask(&format!("Mật khẩu của tệp {}: ", db.display()))?;
    Password::typed(&typed).ok_or_else(|| "chưa nhập mật khẩu; tệp dữ liệu không thay đổi.".into())
}

/// A new password: from [`NEW_PASSWORD_VAR`], else asked twice at the terminal.
fn new_password() -> Result<Password, String> {
    let chosen = |first: &str, again: &str| {
        Password::chosen(first, again)
            .map_err(|e| format!("{} Tệp dữ liệu không thay đổi.", super::lower_first(&e)))
    };
    if let Ok(value) = std::env::var(NEW_PASSWORD_VAR) {
        return chosen(&value, &value);
    }
    if !std::io::stdin().is_terminal() {
        return Err(format!(
            "chưa có mật khẩu mới: hãy đặt nó vào biến môi trường {NEW_PASSWORD_VAR}, hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi. Tệp dữ liệu không thay đổi."
        ));
    }
    let first = ask("Mật khẩu mới: ")?;
    let again = ask("Nhập lại mật khẩu mới: ")?;
    chosen(&first, &again)
}

fn ask(prompt: &str) -> Result<String, String> {
    rpassword::prompt_password(prompt).map_err(|e| format!("không đọc được mật khẩu ({e})."))
}

/// `password set|change|remove`.
pub fn run(db: &Path, action: PasswordAction) -> Result<(), String> {
    let mut store = super::open_existing(db)?;
    // The file is replaced by a new one: a window holding the old one would go on writing
    // into it, so the command refuses while a window has the file open.
    let _window = WindowLock::acquire(db).map_err(|_| {
        "tệp dữ liệu đang mở trong cửa sổ Ngày hội: hãy làm việc này trong cửa sổ đó (Cài đặt → Mật khẩu tệp dữ liệu), hoặc đóng cửa sổ rồi chạy lại lệnh. Tệp dữ liệu không thay đổi.".to_string()
    })?;
    let new = match (action, store.has_password()) {
        (PasswordAction::Set, true) => {
            return Err(
                "tệp dữ liệu đã có mật khẩu; dùng “password change” để đổi. Tệp dữ liệu không thay đổi."
                    .into(),
            );
        }
        (PasswordAction::Change | PasswordAction::Remove, false) => {
            return Err(
                "tệp dữ liệu chưa có mật khẩu; dùng “password set” để đặt. Tệp dữ liệu không thay đổi."
                    .into(),
            );
        }
        (PasswordAction::Set | PasswordAction::Change, _) => Some(new_password()?),
        (PasswordAction::Remove, _) => None,
    };
    let rekeyed = store
        .set_password(new.as_ref())
        .map_err(|e| e.to_string())?;
    println!("{}", rekeyed.summary(new.is_some()));
    if new.is_some() {
        println!(
            "Hãy ghi nhớ mật khẩu: quên mật khẩu thì không ai mở lại được dữ liệu, kể cả các bản sao lưu."
        );
    }
    Ok(())
}
