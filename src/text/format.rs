//! Dates and money as Vietnamese offices write them: "05/08/2026" on screen, "ngày 05 tháng 8
//! năm 2026" in documents, "1.500.000 đ" with a dot between thousands. Parsing accepts what
//! secretaries type and what spreadsheets export, and refuses anything ambiguous rather than
//! guess.

use chrono::{Datelike, NaiveDate};

use super::fold::fold;

/// "05/08/2026": day first, as everywhere in Vietnam, zero-padded so columns line up.
pub fn date_short(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// "19/8": day and month without padding, for short mentions in running text.
pub fn day_month(d: NaiveDate) -> String {
    format!("{}/{}", d.day(), d.month())
}

/// "ngày 05 tháng 8 năm 2026". Decree 30/2020 pads a day below 10 and the months 1 and 2
/// ("tháng 01", "tháng 02") with a zero, so that nobody can add a digit; other months are not
/// padded.
pub fn date_long(d: NaiveDate) -> String {
    let (day, month, year) = (d.day(), d.month(), d.year());
    if month < 3 {
        format!("ngày {day:02} tháng {month:02} năm {year}")
    } else {
        format!("ngày {day:02} tháng {month} năm {year}")
    }
}

/// "Chợ Quán, ngày 05 tháng 8 năm 2026", the place-and-date line of an official document.
/// Without a place the line starts with a capital: "Ngày 05 tháng 8 năm 2026".
pub fn place_date(place: &str, d: NaiveDate) -> String {
    let place = place.trim();
    if place.is_empty() {
        let long = date_long(d);
        format!("N{}", &long[1..])
    } else {
        format!("{place}, {}", date_long(d))
    }
}

/// An ASCII number of `min..=max` digits.
fn number(part: &str, min: usize, max: usize) -> Option<u32> {
    let part = part.trim();
    if !(min..=max).contains(&part.len()) || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

/// Reads "5/8/2026", "05/08/2026", "5-8-2026", "5.8.2026" (day first) or "2026-08-05"
/// (ISO, year first), with spaces around. The year must have four digits: "5/8/26" could be
/// 1926 or 2026 and is refused, as are dates that do not exist ("31/02/2026") and mixed
/// separators ("5/8-2026").
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let sep = s.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let mut parts = s.split(sep);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (year, month, day) = if a.trim().len() == 4 {
        (number(a, 4, 4)?, number(b, 1, 2)?, number(c, 1, 2)?)
    } else {
        (number(c, 4, 4)?, number(b, 1, 2)?, number(a, 1, 2)?)
    };
    if year < 1000 {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// "1.500.000", negative "-1.500": the dot is the Vietnamese thousands separator.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// "1.500.000 đ": amounts are whole đồng.
pub fn money(n: i64) -> String {
    format!("{} đ", thousands(n))
}

/// Separators people put between thousands: dot (Vietnamese), comma (English-locale Excel),
/// and plain, no-break or narrow no-break spaces.
fn is_group_separator(c: char) -> bool {
    matches!(c, '.' | ',' | ' ' | '\u{00A0}' | '\u{202F}')
}

/// Reads an amount in whole đồng as typed or exported: "500.000", "500000", "500,000",
/// "500 000", optionally followed by "đ", "đồng", "VNĐ", "VND" or "₫", and with a leading "-"
/// for a negative amount. A separator must be followed by exactly three digits and be the same
/// throughout, so decimals ("1.5", "1.500,50") and mixed separators are refused rather than
/// misread a thousand times too large or small.
pub fn parse_money(s: &str) -> Option<i64> {
    let s = s.trim();
    let end = s.rfind(|c: char| c.is_ascii_digit())? + 1;
    let (number, unit) = s.split_at(end);
    let unit = unit.trim();
    if !unit.is_empty() && !matches!(fold(unit).as_str(), "d" | "dong" | "vnd" | "₫") {
        return None;
    }
    let (negative, digits) = match number.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, number),
    };
    let separator = digits.chars().find(|&c| is_group_separator(c));
    let mut value: i64 = 0;
    for (i, group) in digits.split(|c: char| Some(c) == separator).enumerate() {
        let len_ok = match (separator, i) {
            (None, _) => !group.is_empty(),
            (Some(_), 0) => (1..=3).contains(&group.len()),
            (Some(_), _) => group.len() == 3,
        };
        if !len_ok || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        for b in group.bytes() {
            value = value.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
        }
    }
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn long_dates_follow_decree_30() {
        assert_eq!(date_long(d(2026, 8, 5)), "ngày 05 tháng 8 năm 2026");
        assert_eq!(date_long(d(2026, 8, 19)), "ngày 19 tháng 8 năm 2026");
        assert_eq!(date_long(d(2026, 1, 9)), "ngày 09 tháng 01 năm 2026");
        assert_eq!(date_long(d(2026, 2, 28)), "ngày 28 tháng 02 năm 2026");
        assert_eq!(date_long(d(2026, 3, 10)), "ngày 10 tháng 3 năm 2026");
        assert_eq!(date_long(d(2026, 10, 1)), "ngày 01 tháng 10 năm 2026");
        assert_eq!(date_long(d(2026, 12, 31)), "ngày 31 tháng 12 năm 2026");
    }

    #[test]
    fn place_and_date_line() {
        assert_eq!(
            place_date("Chợ Quán", d(2026, 8, 5)),
            "Chợ Quán, ngày 05 tháng 8 năm 2026"
        );
        assert_eq!(
            place_date("  Phường Bến Thành ", d(2027, 1, 2)),
            "Phường Bến Thành, ngày 02 tháng 01 năm 2027"
        );
        assert_eq!(place_date(" ", d(2026, 8, 5)), "Ngày 05 tháng 8 năm 2026");
    }

    #[test]
    fn short_dates() {
        assert_eq!(date_short(d(2026, 8, 5)), "05/08/2026");
        assert_eq!(date_short(d(2026, 12, 31)), "31/12/2026");
        assert_eq!(date_short(d(999, 1, 1)), "01/01/0999");
        assert_eq!(day_month(d(2026, 8, 19)), "19/8");
        assert_eq!(day_month(d(2026, 1, 5)), "5/1");
        assert_eq!(day_month(d(2026, 12, 25)), "25/12");
    }

    #[test]
    fn dates_are_read_as_typed() {
        for typed in [
            "5/8/2026",
            "05/08/2026",
            " 5-8-2026 ",
            "5.8.2026",
            "05.08.2026",
            "2026-08-05",
            "2026-8-5",
            "\t05/08/2026\n",
            "5 / 8 / 2026",
        ] {
            assert_eq!(parse_date(typed), Some(d(2026, 8, 5)), "{typed:?}");
        }
        assert_eq!(parse_date("29/02/2028"), Some(d(2028, 2, 29)));
        assert_eq!(parse_date("31/12/1999"), Some(d(1999, 12, 31)));
    }

    #[test]
    fn impossible_or_ambiguous_dates_are_refused() {
        for bad in [
            "31/02/2026",
            "29/02/2026",
            "31/04/2026",
            "32/1/2026",
            "0/1/2026",
            "1/13/2026",
            "1/0/2026",
            "5/8/26",
            "05/08/026",
            "5/8/0026",
            "5/8/20266",
            "5/8",
            "5/8/2026/1",
            "5/8-2026",
            "2026/8",
            "005/8/2026",
            "+5/8/2026",
            "5/8/2026 10:00",
            "abc",
            "",
            "  ",
            "2026-08-05T00:00",
            "ngày 5 tháng 8",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn dates_round_trip() {
        let mut day = d(2024, 1, 1);
        while day.year() < 2026 {
            assert_eq!(parse_date(&date_short(day)), Some(day));
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn thousands_have_dots() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1.000");
        assert_eq!(thousands(15_000), "15.000");
        assert_eq!(thousands(150_000), "150.000");
        assert_eq!(thousands(1_500_000), "1.500.000");
        assert_eq!(thousands(-1500), "-1.500");
        assert_eq!(thousands(-999), "-999");
        assert_eq!(thousands(i64::MAX), "9.223.372.036.854.775.807");
        assert_eq!(thousands(i64::MIN), "-9.223.372.036.854.775.808");
    }

    #[test]
    fn money_has_a_unit() {
        assert_eq!(money(1_500_000), "1.500.000 đ");
        assert_eq!(money(22_900_000), "22.900.000 đ");
        assert_eq!(money(0), "0 đ");
        assert_eq!(money(-200_000), "-200.000 đ");
    }

    #[test]
    fn money_is_read_as_committees_write_it() {
        for typed in [
            "500.000",
            "500.000 đ",
            "500000",
            "500,000",
            "500.000đ",
            "500.000 VNĐ",
            "500.000 VND",
            "500.000 vnđ",
            "500.000 đồng",
            "500.000 Đồng",
            "500.000₫",
            "500 000",
            "500\u{00A0}000 đ",
            " 500.000 ",
            "0500000",
        ] {
            assert_eq!(parse_money(typed), Some(500_000), "{typed:?}");
        }
        assert_eq!(parse_money(" 1.500.000 "), Some(1_500_000));
        assert_eq!(parse_money("1,500,000"), Some(1_500_000));
        assert_eq!(parse_money("22.900.000 đ"), Some(22_900_000));
        assert_eq!(parse_money("0"), Some(0));
        assert_eq!(parse_money("-200.000"), Some(-200_000));
        assert_eq!(parse_money("- 200.000 đ"), Some(-200_000));
        assert_eq!(parse_money("-0"), Some(0));
        assert_eq!(parse_money("9.223.372.036.854.775.807"), Some(i64::MAX));
    }

    #[test]
    fn ambiguous_or_foreign_amounts_are_refused() {
        for bad in [
            "abc",
            "1.5",
            "1.50",
            "1,5",
            "1.500,50",
            "1.500.000,00",
            "1.000.00",
            "1..000",
            "1.000.",
            ".500",
            "5000.000",
            "1.500,000",
            "1 500.000",
            "",
            " ",
            "đ",
            "-",
            "--5",
            "+500",
            "500 USD",
            "500k",
            "500.000 đ/người",
            "đ 500.000",
            "1e6",
            "9.223.372.036.854.775.808",
            "99999999999999999999",
        ] {
            assert_eq!(parse_money(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn money_round_trips() {
        for n in [
            0,
            5,
            999,
            1000,
            105_000,
            1_500_000,
            22_900_000,
            -1500,
            i64::MAX,
        ] {
            assert_eq!(parse_money(&money(n)), Some(n));
            assert_eq!(parse_money(&thousands(n)), Some(n));
        }
    }
}
