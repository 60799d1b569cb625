//! Storage errors, each with the sentence a secretary reads (Vietnamese).

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use crate::domain::Invalid;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The file exists but is not a Ngày hội database (another SQLite file, a spreadsheet...).
    NotOurs(PathBuf),
    /// Written by a newer version of the app: we must not touch it.
    Newer {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// Another program holds the file.
    Locked(PathBuf),
    /// Another window of the app has the file open (see `WindowLock`).
    OpenElsewhere(PathBuf),
    ReadOnly(PathBuf),
    /// The file has a password and none was given.
    NeedsPassword(PathBuf),
    /// The password given does not open the file.
    WrongPassword(PathBuf),
    Damaged(PathBuf),
    DiskFull(PathBuf),
    CannotOpen(PathBuf, String),
    /// A value broke a rule of the domain; nothing was written.
    Invalid(String),
    NotFound(String),
    Other(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::NotOurs(path) => write!(
                f,
                "Tệp “{}” không phải là tệp dữ liệu của Ngày hội. Ứng dụng không thay đổi tệp này.",
                path.display()
            ),
            StoreError::Newer {
                path,
                found,
                supported,
            } => write!(
                f,
                "Tệp “{}” được tạo bởi phiên bản Ngày hội mới hơn (cấu trúc dữ liệu số {found}, phiên bản này chỉ đọc được đến số {supported}). Hãy cập nhật ứng dụng; tệp được giữ nguyên.",
                path.display()
            ),
            StoreError::Locked(path) => write!(
                f,
                "Tệp “{}” đang được một cửa sổ hoặc chương trình khác sử dụng để ghi; ứng dụng đã chờ nhưng chưa ghi được. Dữ liệu không bị mất. Hãy đóng cửa sổ kia hoặc đợi một lát rồi thử lại.",
                path.display()
            ),
            StoreError::OpenElsewhere(path) => write!(
                f,
                "Tệp dữ liệu “{}” đang được mở trong một cửa sổ Ngày hội khác. Mỗi tệp chỉ mở trong một cửa sổ, để không thay đổi nào bị cửa sổ kia ghi đè. Hãy dùng cửa sổ đang mở (xem trên thanh tác vụ), hoặc đóng cửa sổ đó rồi bấm “Thử lại”.",
                path.display()
            ),
            StoreError::ReadOnly(path) => write!(
                f,
                "Tệp “{}” chỉ cho phép đọc nên không ghi được. Hãy chép tệp sang thư mục khác hoặc bỏ thuộc tính chỉ đọc.",
                path.display()
            ),
            StoreError::NeedsPassword(path) => write!(
                f,
                "Tệp dữ liệu “{}” có mật khẩu. Hãy nhập mật khẩu để mở; tệp không thay đổi.",
                path.display()
            ),
            StoreError::WrongPassword(path) => write!(
                f,
                "Mật khẩu không đúng với tệp “{}”; tệp không thay đổi. Hãy gõ lại, chú ý chữ hoa, chữ thường và dấu tiếng Việt.",
                path.display()
            ),
            StoreError::Damaged(path) => write!(
                f,
                "Tệp “{}” bị hỏng và không đọc được. Ứng dụng không ghi đè lên tệp này.",
                path.display()
            ),
            StoreError::DiskFull(path) => write!(
                f,
                "Ổ đĩa chứa tệp “{}” đã đầy nên chưa lưu được thay đổi này; những gì đã lưu trước đó vẫn còn nguyên. Hãy giải phóng dung lượng (xóa bớt tệp không cần) rồi thử lại.",
                path.display()
            ),
            StoreError::CannotOpen(path, reason) => {
                write!(f, "Không mở được tệp “{}”: {reason}", path.display())
            }
            StoreError::Invalid(message) => f.write_str(message),
            StoreError::NotFound(what) => write!(f, "Không tìm thấy {what}."),
            StoreError::Other(message) => write!(f, "Lỗi khi đọc hoặc ghi dữ liệu: {message}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<Invalid> for StoreError {
    fn from(invalid: Invalid) -> Self {
        StoreError::Invalid(invalid.0)
    }
}

/// A rule broken inside a transaction: it travels as a rusqlite error, so the transaction
/// rolls back, and [`classify`] turns it into [`StoreError::Invalid`] with this message.
#[derive(Debug)]
struct Rule(String);

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Rule {}

pub(super) fn rule(message: String) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(Box::new(Rule(message)))
}

/// Turns an SQLite error into the sentence the secretary needs, naming the file.
pub fn classify(path: &Path, error: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    if let rusqlite::Error::ToSqlConversionFailure(inner) = &error
        && let Some(Rule(message)) = inner.downcast_ref::<Rule>()
    {
        return StoreError::Invalid(message.clone());
    }
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotOurs(path),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked(path),
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly(path),
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Damaged(path),
        Some(ErrorCode::DiskFull) => StoreError::DiskFull(path),
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => StoreError::CannotOpen(
            path,
            "không có quyền truy cập hoặc thư mục không tồn tại.".into(),
        ),
        _ => StoreError::Other(error.to_string()),
    }
}
