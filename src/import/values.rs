//! Cell texts to values, with the reason in Vietnamese when a cell cannot be read. Each
//! parser takes the trimmed text; an empty cell is "no value" unless the field is required.

use chrono::{Datelike, NaiveDate};

use super::field::Field;
use crate::domain::{Category, Sex};
use crate::text::{parse_date, parse_money};

/// Earliest birth year accepted (the oldest policy-family members).
pub const FIRST_BIRTH_YEAR: i32 = 1880;

/// Keeps the value or records the reason and gives a default, so a row reports every
/// problem at once.
pub fn take<T: Default>(errors: &mut Vec<String>, result: Result<T, String>) -> T {
    result.unwrap_or_else(|reason| {
        errors.push(reason);
        T::default()
    })
}

pub fn required(errors: &mut Vec<String>, text: &str, field: Field) -> String {
    if text.is_empty() {
        errors.push(format!("Thiếu {}.", field.label().to_lowercase()));
    }
    text.to_string()
}

fn this_year() -> i32 {
    chrono::Local::now().year()
}

/// "1950", a date of birth ("12/03/1950") or "03/1950".
pub fn year(text: &str, field: Field) -> Result<Option<i32>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let found = if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else if let Some(d) = parse_date(text) {
        Some(d.year())
    } else {
        text.split_once(['/', '-', '.'])
            .filter(|(m, y)| {
                m.trim().parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)) && y.trim().len() == 4
            })
            .and_then(|(_, y)| y.trim().parse().ok())
    };
    let Some(year) = found else {
        return Err(format!(
            "{} “{text}” không phải là năm (ví dụ 1950).",
            field.label()
        ));
    };
    let last = this_year();
    if !(FIRST_BIRTH_YEAR..=last).contains(&year) {
        return Err(format!(
            "{} {year} không hợp lệ (từ {FIRST_BIRTH_YEAR} đến {last}).",
            field.label()
        ));
    }
    Ok(Some(year))
}

pub fn sex(text: &str) -> Result<Option<Sex>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    Sex::parse(text)
        .map(Some)
        .ok_or_else(|| format!("Giới tính “{text}” không rõ (ghi Nam hoặc Nữ)."))
}

pub fn category(text: &str) -> Result<Category, String> {
    if text.is_empty() {
        return Err("Thiếu diện (đối tượng).".into());
    }
    Category::parse(text).ok_or_else(|| {
        let accepted: Vec<&str> = Category::ALL.iter().map(|c| c.label()).collect();
        format!(
            "Diện “{text}” không có trong danh sách (nhận: {}).",
            accepted.join(", ")
        )
    })
}

/// An amount in whole đồng: "500.000", "500.000 đ", "500000", "500,000". Empty is 0.
pub fn money(text: &str, field: Field) -> Result<i64, String> {
    if text.is_empty() {
        return Ok(0);
    }
    match parse_money(text) {
        Some(v) if v >= 0 => Ok(v),
        Some(_) => Err(format!("{} “{text}” không được âm.", field.label())),
        None => Err(format!(
            "{} “{text}” không phải số tiền (ví dụ 500.000).",
            field.label()
        )),
    }
}

/// dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd or an Excel date (already dd/mm/yyyy). Empty is none.
pub fn date(text: &str, field: Field) -> Result<Option<NaiveDate>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    parse_date(text).map(Some).ok_or_else(|| {
        format!(
            "{} “{text}” không phải ngày (ghi ngày/tháng/năm, ví dụ 05/08/2026).",
            field.label()
        )
    })
}

/// A count from 1; empty is 1.
pub fn quantity(text: &str) -> Result<u32, String> {
    if text.is_empty() {
        return Ok(1);
    }
    match text.parse::<u32>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!(
            "Số lượng “{text}” không hợp lệ (một số nguyên từ 1 trở lên)."
        )),
    }
}

/// Excel drops the leading zero of a phone number typed as a number: nine digits not
/// starting with 0 get it back ("912345678" is "0912345678").
pub fn phone(text: &str) -> String {
    if text.len() == 9 && text.bytes().all(|b| b.is_ascii_digit()) && !text.starts_with('0') {
        format!("0{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years() {
        assert_eq!(year("1950", Field::BirthYear), Ok(Some(1950)));
        assert_eq!(year("12/03/1950", Field::BirthYear), Ok(Some(1950)));
        assert_eq!(year("03/1950", Field::BirthYear), Ok(Some(1950)));
        assert_eq!(year("", Field::BirthYear), Ok(None));
        assert!(year("1790", Field::BirthYear).unwrap_err().contains("1790"));
        assert!(
            year("2999", Field::BirthYear)
                .unwrap_err()
                .starts_with("Năm sinh 2999 không hợp lệ (từ 1880 đến ")
        );
        assert_eq!(
            year("năm mươi", Field::BirthYear),
            Err("Năm sinh “năm mươi” không phải là năm (ví dụ 1950).".into())
        );
        assert_eq!(
            year("13/1950", Field::BirthYear),
            Err("Năm sinh “13/1950” không phải là năm (ví dụ 1950).".into())
        );
    }

    #[test]
    fn money_variants() {
        for text in [
            "500.000",
            "500.000 đ",
            "500000",
            "500,000",
            "500.000đ",
            "500 000",
        ] {
            assert_eq!(money(text, Field::Value), Ok(500_000), "{text}");
        }
        assert_eq!(money("", Field::Value), Ok(0));
        assert_eq!(
            money("năm trăm", Field::Value),
            Err("Giá trị (đồng) “năm trăm” không phải số tiền (ví dụ 500.000).".into())
        );
        assert!(money("-5", Field::Value).unwrap_err().contains("âm"));
    }

    #[test]
    fn other_values() {
        assert_eq!(quantity(""), Ok(1));
        assert_eq!(quantity("3"), Ok(3));
        assert_eq!(
            quantity("0"),
            Err("Số lượng “0” không hợp lệ (một số nguyên từ 1 trở lên).".into())
        );
        assert_eq!(phone("912345678"), "0912345678");
        assert_eq!(phone("0912345678"), "0912345678");
        assert_eq!(sex("Nữ"), Ok(Some(Sex::Female)));
        assert_eq!(
            sex("?"),
            Err("Giới tính “?” không rõ (ghi Nam hoặc Nữ).".into())
        );
        assert!(category("Cựu chiến binh").unwrap_err().contains("Hộ nghèo"));
        assert_eq!(
            date("5/8/26", Field::VisitDate),
            Err(
                "Ngày thăm “5/8/26” không phải ngày (ghi ngày/tháng/năm, ví dụ 05/08/2026).".into()
            )
        );
    }
}
