//! Independent legacy-encoding tables for building test fixtures: written out from the
//! published TCVN3 (VN3) and VNI-Windows tables as plain text, not derived from the app's
//! converter. Each entry is "Unicode letter, legacy bytes (as Windows-1252 characters)".

#![allow(dead_code)]

/// TCVN3: letter, then the byte in hex.
pub const TCVN3: &str = "à b5|á b8|ả b6|ã b7|ạ b9|â a9|ầ c7|ấ ca|ẩ c8|ẫ c9|ậ cb|ă a8|ằ bb|ắ be|ẳ bc|ẵ bd|ặ c6|đ ae|è cc|é d0|ẻ ce|ẽ cf|ẹ d1|ê aa|ề d2|ế d5|ể d3|ễ d4|ệ d6|ì d7|í dd|ỉ d8|ĩ dc|ị de|ò df|ó e3|ỏ e1|õ e2|ọ e4|ô ab|ồ e5|ố e8|ổ e6|ỗ e7|ộ e9|ơ ac|ờ ea|ớ ed|ở eb|ỡ ec|ợ ee|ù ef|ú f3|ủ f1|ũ f2|ụ f4|ư ad|ừ f5|ứ f8|ử f6|ữ f7|ự f9|ỳ fa|ý fd|ỷ fb|ỹ fc|ỵ fe|Ă a1|Â a2|Ê a3|Ô a4|Ơ a5|Ư a6|Đ a7";

/// VNI-Windows: letter, then its one or two characters.
pub const VNI: &str = "à aø|á aù|ả aû|ã aõ|ạ aï|â aâ|ầ aà|ấ aá|ẩ aå|ẫ aã|ậ aä|ă aê|ằ aè|ắ aé|ẳ aú|ẵ aü|ặ aë|đ ñ|è eø|é eù|ẻ eû|ẽ eõ|ẹ eï|ê eâ|ề eà|ế eá|ể eå|ễ eã|ệ eä|ì ì|í í|ỉ æ|ĩ ó|ị ò|ò oø|ó où|ỏ oû|õ oõ|ọ oï|ô oâ|ồ oà|ố oá|ổ oå|ỗ oã|ộ oä|ơ ô|ờ ôø|ớ ôù|ở ôû|ỡ ôõ|ợ ôï|ù uø|ú uù|ủ uû|ũ uõ|ụ uï|ư ö|ừ öø|ứ öù|ử öû|ữ öõ|ự öï|ỳ yø|ý yù|ỷ yû|ỹ yõ|ỵ î|À AØ|Á AÙ|Ả AÛ|Ã AÕ|Ạ AÏ|Â AÂ|Ầ AÀ|Ấ AÁ|Ẩ AÅ|Ẫ AÃ|Ậ AÄ|Ă AÊ|Ằ AÈ|Ắ AÉ|Ẳ AÚ|Ẵ AÜ|Ặ AË|Đ Ñ|È EØ|É EÙ|Ẻ EÛ|Ẽ EÕ|Ẹ EÏ|Ê EÂ|Ề EÀ|Ế EÁ|Ể EÅ|Ễ EÃ|Ệ EÄ|Ì Ì|Í Í|Ỉ Æ|Ĩ Ó|Ị Ò|Ò OØ|Ó OÙ|Ỏ OÛ|Õ OÕ|Ọ OÏ|Ô OÂ|Ồ OÀ|Ố OÁ|Ổ OÅ|Ỗ OÃ|Ộ OÄ|Ơ Ô|Ờ ÔØ|Ớ ÔÙ|Ở ÔÛ|Ỡ ÔÕ|Ợ ÔÏ|Ù UØ|Ú UÙ|Ủ UÛ|Ũ UÕ|Ụ UÏ|Ư Ö|Ừ ÖØ|Ứ ÖÙ|Ử ÖÛ|Ữ ÖÕ|Ự ÖÏ|Ỳ YØ|Ý YÙ|Ỷ YÛ|Ỹ YÕ|Ỵ Î";

fn table(text: &str, hex: bool) -> Vec<(char, String)> {
    text.split('|')
        .map(|entry| {
            let (letter, legacy) = entry.split_once(' ').expect("letter and code");
            let legacy = if hex {
                char::from(u8::from_str_radix(legacy, 16).expect("hex byte")).to_string()
            } else {
                legacy.to_string()
            };
            (letter.chars().next().expect("a letter"), legacy)
        })
        .collect()
}

fn encode(text: &str, table: &[(char, String)]) -> String {
    text.chars()
        .map(|c| {
            let small = c.to_lowercase().next().unwrap_or(c);
            table
                .iter()
                .find(|(letter, _)| *letter == c)
                .or_else(|| table.iter().find(|(letter, _)| *letter == small))
                .map_or_else(|| c.to_string(), |(_, code)| code.clone())
        })
        .collect()
}

/// Unicode (NFC) text as a .VnTime font user typed it, read back as Windows-1252.
/// Capitals with a tone do not exist in TCVN3: they are written with the small letter.
pub fn to_tcvn3(text: &str) -> String {
    encode(text, &table(TCVN3, true))
}

/// Unicode (NFC) text as a VNI-Times user typed it, read back as Windows-1252.
pub fn to_vni(text: &str) -> String {
    encode(text, &table(VNI, false))
}

/// The Windows-1252 bytes of legacy text (every character is at most U+00FF).
pub fn bytes(legacy: &str) -> Vec<u8> {
    legacy
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a single-byte character"))
        .collect()
}
