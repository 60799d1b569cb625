//! Clock times as programs write them: "07:30" on screen and paper; typed as "7:30", "7h30",
//! "7g30" or "7 giờ 30".

use chrono::NaiveTime;

/// "07:30".
pub fn time_short(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// Reads "7:30", "07:30", "7h30", "7h", "7g30", "7 giờ 30", "7 giờ", "19.30".
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let folded = crate::text::fold(s).replace("gio", "h").replace(' ', "");
    let (hours, minutes) = match folded.find([':', 'h', 'g', '.']) {
        Some(i) => (&folded[..i], &folded[i + 1..]),
        None => (folded.as_str(), ""),
    };
    let number = |p: &str| -> Option<u32> {
        (!p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())?
    };
    let minutes = if minutes.is_empty() {
        Some(0)
    } else {
        number(minutes)
    };
    NaiveTime::from_hms_opt(number(hours)?, minutes?, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn times_are_read_as_typed() {
        for typed in [
            "7:30",
            "07:30",
            "7h30",
            "7g30",
            "7 giờ 30",
            " 7H30 ",
            "7.30",
        ] {
            assert_eq!(parse_time(typed), Some(t(7, 30)), "{typed}");
        }
        assert_eq!(parse_time("8h"), Some(t(8, 0)));
        assert_eq!(parse_time("19 giờ"), Some(t(19, 0)));
        for bad in ["25:00", "7:60", "abc", "", "7:3x", "123"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_are_written_with_two_digits() {
        assert_eq!(time_short(t(7, 5)), "07:05");
    }
}
