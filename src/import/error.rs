//! Why a file could not be read at all, in Vietnamese. Problems with single rows are
//! [`super::RowError`]s instead.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file name does not end in .xlsx, .xls or .csv and its content is none of them.
    Unsupported {
        extension: String,
    },
    NotFound,
    NoPermission,
    /// Any other failure to read the file from disk.
    Io(String),
    /// The content is not the workbook its name promises.
    Damaged,
    /// A web page saved with an .xls name, as some online systems export.
    Html,
    Password,
    /// No sheet has a single non-empty cell.
    Empty,
    TooManyRows(usize),
    /// More cells than [`super::MAX_CELLS`] (a value far to the right on many rows).
    TooManyCells,
    TooLarge(u64),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Unsupported { extension } if extension.is_empty() => f.write_str(
                "Không nhận dạng được tệp: chỉ nhập được tệp Excel (.xlsx, .xls) hoặc CSV (.csv).",
            ),
            ImportError::Unsupported { extension } => write!(
                f,
                "Không nhập được tệp “.{extension}”: chỉ nhập được tệp Excel (.xlsx, .xls) hoặc CSV (.csv)."
            ),
            ImportError::NotFound => f.write_str("Không tìm thấy tệp."),
            ImportError::NoPermission => f.write_str("Không có quyền đọc tệp này."),
            ImportError::Io(detail) => write!(f, "Không đọc được tệp ({detail})."),
            ImportError::Damaged => f.write_str(
                "Tệp bị hỏng hoặc không đúng định dạng Excel. Hãy mở bằng Excel, lưu lại dạng .xlsx rồi nhập lại.",
            ),
            ImportError::Html => f.write_str(
                "Tệp này là trang web (HTML) mang tên .xls, không phải tệp Excel thật. Hãy mở bằng Excel và lưu lại dạng .xlsx.",
            ),
            ImportError::Password => f.write_str(
                "Tệp được đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu rồi lưu và nhập lại.",
            ),
            ImportError::Empty => f.write_str("Tệp không có dữ liệu."),
            ImportError::TooManyRows(rows) => write!(
                f,
                "Tệp có {} dòng, quá giới hạn {} dòng. Hãy chia thành nhiều tệp nhỏ hơn.",
                crate::text::thousands(i64::try_from(*rows).unwrap_or(i64::MAX)),
                crate::text::thousands(super::MAX_ROWS as i64)
            ),
            ImportError::TooManyCells => write!(
                f,
                "Tệp có quá nhiều ô (hơn {} ô), thường do có chữ ở những cột rất xa bên phải. Hãy xoá các cột thừa rồi nhập lại.",
                crate::text::thousands(super::MAX_CELLS as i64)
            ),
            ImportError::TooLarge(bytes) => write!(
                f,
                "Tệp nặng {} MB, quá giới hạn {} MB.",
                bytes / 1_000_000,
                super::MAX_BYTES / 1_000_000
            ),
        }
    }
}

impl std::error::Error for ImportError {}

impl From<std::io::Error> for ImportError {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::NotFound => ImportError::NotFound,
            std::io::ErrorKind::PermissionDenied => ImportError::NoPermission,
            _ => ImportError::Io(e.to_string()),
        }
    }
}
