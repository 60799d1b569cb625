//! The cells of a commendation list that name a kind, a form or a salutation, as the lists
//! write them: "Giấy khen", "Giấy khen của Chủ tịch UBND phường", the commendation software's
//! codes ("CANHAN", "GKCT") with their meaning on the workbook's "DANHMUC" sheet, "Ông"/"Bà".

use super::codes::is_code;
use super::preview::Cells;
use crate::domain::{Form, RecipientKind, Sex};
use crate::text::fold;

const FORMS: &str = "Giấy khen, Bằng khen, Biểu dương";

/// A form named by its label or short form ("Giấy khen", "GK"), or by a longer title that
/// starts with it ("Giấy khen của Chủ tịch UBND phường", "Bằng khen của Thủ tướng Chính
/// phủ"). Titles of emulation (Lao động tiên tiến, Chiến sĩ thi đua) are not forms.
pub fn form_named(text: &str) -> Option<Form> {
    if let Some(form) = Form::parse(text) {
        return Some(form);
    }
    let key = fold(text);
    [
        ("giay khen ", Form::Certificate),
        ("bang khen ", Form::Merit),
        ("bieu duong ", Form::Praise),
        ("khen ngoi ", Form::Praise),
    ]
    .into_iter()
    .find(|(start, _)| key.starts_with(start))
    .map(|(_, form)| form)
}

/// The form of a cell: its text, or what its code means on the workbook's code sheet. Empty:
/// `default` (the secretary's choice for rows without a form), else an error.
pub(crate) fn form(cells: &Cells<'_>, text: &str, default: Option<Form>) -> Result<Form, String> {
    if text.is_empty() {
        return default.ok_or_else(|| format!("Thiếu hình thức ({FORMS})."));
    }
    if let Some(meaning) = cells.meaning(text) {
        return form_named(meaning).ok_or_else(|| {
            format!(
                "Mã “{text}” trong trang danh mục là “{meaning}”, không phải hình thức khen thưởng (nhận: {FORMS})."
            )
        });
    }
    form_named(text).ok_or_else(|| unknown(cells, text, "Hình thức", FORMS))
}

/// The kind of a cell ("Cá nhân", "CANHAN", or a code the workbook explains); empty is none
/// (the caller infers it from the name).
pub(crate) fn kind(cells: &Cells<'_>, text: &str) -> Result<Option<RecipientKind>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let named = cells.meaning(text).unwrap_or(text);
    RecipientKind::parse(named).map(Some).ok_or_else(|| {
        unknown(
            cells,
            text,
            "Đối tượng",
            "Cá nhân, Tập thể, Hộ gia đình, hoặc mã CANHAN, TAPTHE, HOGIADINH",
        )
    })
}

/// Why a cell is not understood; a code the workbook does not explain says so.
fn unknown(cells: &Cells<'_>, text: &str, what: &str, accepted: &str) -> String {
    if is_code(text) && cells.has_codes() {
        format!("Mã “{text}” không có trong trang danh mục của tệp ({what}; nhận: {accepted}).")
    } else {
        format!("{what} “{text}” không rõ (nhận: {accepted}).")
    }
}

/// "Tên gọi (Ông/Bà/Chức danh)": Ông and Bà give the sex the certificate prints them with;
/// another title ("Đồng chí", "Thượng tá") tells nothing the app keeps and is not an error.
pub(crate) fn salutation(text: &str) -> Option<Sex> {
    Sex::parse(text).filter(|_| matches!(fold(text).as_str(), "ong" | "ba"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_by_their_titles() {
        assert_eq!(form_named("Giấy khen"), Some(Form::Certificate));
        assert_eq!(
            form_named("Giấy khen của Chủ tịch UBND phường Chợ Quán"),
            Some(Form::Certificate)
        );
        assert_eq!(
            form_named("BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"),
            Some(Form::Merit)
        );
        assert_eq!(form_named("Lao động tiên tiến"), None);
        assert_eq!(form_named("Giấy khenx"), None);
    }

    #[test]
    fn salutations() {
        assert_eq!(salutation("Ông"), Some(Sex::Male));
        assert_eq!(salutation("bà"), Some(Sex::Female));
        assert_eq!(salutation("Đồng chí"), None);
        assert_eq!(salutation("Nam"), None);
    }
}
