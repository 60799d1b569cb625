//! The columns the app understands, and the header texts that name them. Headers are
//! compared after folding (case, accents, "đ"), with punctuation as spaces and a part in
//! parentheses optional: "HỌ VÀ TÊN", "Ho va ten", "Họ  và tên chủ hộ", "Giá trị (đồng)".

use crate::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Name,
    CollectiveName,
    BirthYear,
    Sex,
    Address,
    Category,
    Phone,
    Notes,
    VisitDate,
    Delegation,
    Gift,
    Value,
    Quantity,
    Source,
    Status,
    Form,
    Kind,
    Position,
    Workplace,
    Salutation,
    Achievement,
    DecisionNumber,
    DecisionDate,
}

impl Field {
    /// The column's usual header, as the preview names it.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Họ và tên",
            Field::CollectiveName => "Tên tập thể",
            Field::BirthYear => "Năm sinh",
            Field::Sex => "Giới tính",
            Field::Address => "Địa chỉ",
            Field::Category => "Diện",
            Field::Phone => "Số điện thoại",
            Field::Notes => "Ghi chú",
            Field::VisitDate => "Ngày thăm",
            Field::Delegation => "Người thăm",
            Field::Gift => "Quà tặng",
            Field::Value => "Giá trị (đồng)",
            Field::Quantity => "Số lượng",
            Field::Source => "Nguồn kinh phí",
            Field::Status => "Trạng thái",
            Field::Form => "Hình thức",
            Field::Kind => "Đối tượng",
            Field::Position => "Chức vụ, đơn vị",
            Field::Workplace => "Đơn vị công tác",
            Field::Salutation => "Tên gọi (Ông/Bà)",
            Field::Achievement => "Thành tích",
            Field::DecisionNumber => "Số quyết định",
            Field::DecisionDate => "Ngày quyết định",
        }
    }

    /// Header texts, folded, with single spaces and no punctuation.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Name => &[
                "ho va ten",
                "ho ten",
                "ho va ten chu ho",
                "ho ten chu ho",
                "ten chu ho",
                "chu ho",
                "ten",
                "ho va ten nguoi nhan",
                "ho ten nguoi nhan",
                "ten nguoi nhan",
                "nguoi nhan",
                "ho va ten ca nhan",
                "ten ca nhan",
                "ho va ten doi tuong",
                "ten doi tuong",
                // The commendation software's one name column for every kind.
                "ten tap the ca nhan ho gia dinh",
                "ten ca nhan tap the ho gia dinh",
                "ten tap the ca nhan",
                "ten ca nhan tap the",
                "ho ten ten tap the",
                "ten doi tuong khen thuong",
            ],
            Field::CollectiveName => &["ten tap the", "tap the", "ten don vi tap the"],
            Field::BirthYear => &[
                "nam sinh",
                "ns",
                "ngay sinh",
                "ngay thang nam sinh",
                "nam sinh chu ho",
                "sinh nam",
            ],
            Field::Sex => &["gioi tinh", "nam nu", "gioi", "phai", "gt"],
            Field::Address => &[
                "dia chi",
                "thon to",
                "thon",
                "to",
                "khu pho",
                "to dan pho",
                "thon xom",
                "xom",
                "ap",
                "khom",
                "noi o",
                "cho o",
                "dia chi thuong tru",
                "khu dan cu",
                "thon to dan pho",
                "to khu pho",
                "thon khu pho",
            ],
            Field::Category => &[
                "dien",
                "doi tuong",
                "dien chinh sach",
                "dien doi tuong",
                "loai doi tuong",
                "dien gia dinh",
                "dien ho",
                "thanh phan",
                "doi tuong chinh sach",
                "loai ho",
            ],
            Field::Phone => &[
                "so dien thoai",
                "sdt",
                "dien thoai",
                "dt",
                "so dt",
                "dien thoai lien he",
                "phone",
            ],
            Field::Notes => &["ghi chu", "gc"],
            Field::VisitDate => &[
                "ngay tham",
                "ngay",
                "ngay tang qua",
                "ngay trao",
                "ngay trao qua",
                "thoi gian",
                "thoi gian tham",
            ],
            Field::Delegation => &[
                "nguoi tham",
                "doan tham",
                "nguoi di tham",
                "doan cong tac",
                "nguoi trao",
                "nguoi trao qua",
                "thanh phan doan",
                "lanh dao tham",
                "nguoi tang",
            ],
            Field::Gift => &[
                "qua tang",
                "qua",
                "loai qua",
                "noi dung qua",
                "qua tang gom",
                "hien vat",
            ],
            Field::Value => &[
                "gia tri",
                "gia tri dong",
                "so tien",
                "thanh tien",
                "tien",
                "muc qua",
                "gia tri qua",
                "tri gia",
                "don gia",
                "muc ho tro",
                "tien mat",
            ],
            Field::Quantity => &["so luong", "sl"],
            Field::Source => &[
                "nguon kinh phi",
                "nguon",
                "nguon qua",
                "kinh phi",
                "nguon kp",
                "don vi tai tro",
                "nha tai tro",
            ],
            Field::Status => &["trang thai", "tinh trang", "ket qua"],
            Field::Form => &[
                "hinh thuc",
                "hinh thuc khen thuong",
                "hinh thuc khen",
                "loai khen thuong",
                "danh hieu thi dua hinh thuc khen thuong",
                "hinh thuc khen thuong danh hieu thi dua",
                "danh hieu hinh thuc khen thuong",
                "danh hieu hinh thuc",
                "hinh thuc danh hieu",
            ],
            Field::Kind => &[
                "doi tuong",
                "loai",
                "ca nhan tap the",
                "doi tuong khen thuong",
                "loai doi tuong",
                "phan loai khen thuong",
                "phan loai",
                "phan loai doi tuong",
            ],
            Field::Position => &[
                "chuc vu don vi",
                "chuc vu",
                "chuc vu don vi cong tac",
                "chuc vu noi cong tac",
                "chuc danh",
            ],
            Field::Workplace => &[
                "don vi cong tac",
                "don vi",
                "noi cong tac",
                "co quan don vi",
                "co quan cong tac",
            ],
            Field::Salutation => &["ten goi", "danh xung", "xung ho", "ong ba"],
            Field::Achievement => &[
                "thanh tich",
                "noi dung thanh tich",
                "thanh tich khen thuong",
                "ly do khen",
                "ly do",
            ],
            Field::DecisionNumber => &[
                "so quyet dinh",
                "so qd",
                "quyet dinh so",
                "qd so",
                "quyet dinh",
            ],
            Field::DecisionDate => &[
                "ngay quyet dinh",
                "ngay qd",
                "ngay ky",
                "ngay ky quyet dinh",
                "ngay ban hanh",
            ],
        }
    }
}

/// Folded, punctuation as spaces, single spaces.
pub(crate) fn normalize(header: &str) -> String {
    fold(header)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The header without the parts in parentheses: "Giá trị (đồng)" is "Giá trị".
fn without_parentheses(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut depth = 0usize;
    for c in header.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Row-number columns: recognised so that they are never taken for data.
pub(crate) fn is_row_number_header(header: &str) -> bool {
    matches!(
        normalize(header).replace(' ', "").as_str(),
        "stt" | "tt" | "sott" | "sothutu" | "no"
    )
}

/// The field among `fields` a header names: an exact alias first (with and without the part
/// in parentheses), then an alias of two words or more that the header starts with ("Họ và
/// tên người được thăm", "Địa chỉ thường trú").
pub fn match_header(header: &str, fields: &[Field]) -> Option<Field> {
    let full = normalize(header);
    if full.is_empty() {
        return None;
    }
    let short = normalize(&without_parentheses(header));
    for key in [&full, &short] {
        if let Some(f) = fields.iter().find(|f| f.aliases().contains(&key.as_str())) {
            return Some(*f);
        }
    }
    let mut best: Option<(usize, Field)> = None;
    for &field in fields {
        for alias in field.aliases().iter().filter(|a| a.contains(' ')) {
            let prefix = format!("{alias} ");
            if (short.starts_with(&prefix) || full.starts_with(&prefix))
                && best.is_none_or(|(len, _)| alias.len() > len)
            {
                best = Some((alias.len(), field));
            }
        }
    }
    best.map(|(_, f)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::import::preview::Kind;

    const HOUSEHOLD: &[Field] = crate::import::households::Households::FIELDS;

    #[test]
    fn headers_match_tolerantly() {
        for (header, field) in [
            ("Họ và tên", Field::Name),
            ("HỌ VÀ TÊN", Field::Name),
            ("Ho va ten", Field::Name),
            ("Họ  và   tên chủ hộ", Field::Name),
            ("Họ tên", Field::Name),
            ("Tên", Field::Name),
            ("Họ và tên người được thăm", Field::Name),
            ("Địa chỉ", Field::Address),
            ("Thôn, tổ", Field::Address),
            ("Khu phố", Field::Address),
            ("Địa chỉ (thôn, tổ)", Field::Address),
            ("Diện", Field::Category),
            ("Đối tượng", Field::Category),
            ("DIỆN CHÍNH SÁCH", Field::Category),
            ("NS", Field::BirthYear),
            ("Năm sinh", Field::BirthYear),
            ("Nam/Nữ", Field::Sex),
            ("Giới tính", Field::Sex),
            ("SĐT", Field::Phone),
            ("Điện thoại", Field::Phone),
            ("Ghi chú", Field::Notes),
        ] {
            assert_eq!(match_header(header, HOUSEHOLD), Some(field), "{header}");
        }
        assert_eq!(match_header("Ký nhận", HOUSEHOLD), None);
        assert_eq!(match_header("", HOUSEHOLD), None);
        assert_eq!(match_header("Giá trị (đồng)", HOUSEHOLD), None);
    }

    #[test]
    fn the_same_words_mean_what_the_import_needs() {
        let recipients = [Field::Kind, Field::Form, Field::Name];
        assert_eq!(match_header("Đối tượng", &recipients), Some(Field::Kind));
        let visits = [Field::Value, Field::VisitDate, Field::Source];
        assert_eq!(match_header("Giá trị (đồng)", &visits), Some(Field::Value));
        assert_eq!(match_header("Số tiền", &visits), Some(Field::Value));
        assert_eq!(match_header("Thành tiền", &visits), Some(Field::Value));
        assert_eq!(match_header("Nguồn", &visits), Some(Field::Source));
    }

    #[test]
    fn the_commendation_softwares_headers() {
        use crate::import::recipients::Recipients;
        let fields = <Recipients as crate::import::preview::Kind>::FIELDS;
        for (header, field) in [
            ("Phân loại khen thưởng", Field::Kind),
            ("Tên tập thể/cá nhân/hộ gia đình", Field::Name),
            ("Tên gọi (Ông/Bà/Chức danh)", Field::Salutation),
            ("Chức vụ", Field::Position),
            ("Đơn vị công tác", Field::Workplace),
            ("Danh hiệu thi đua/Hình thức khen thưởng", Field::Form),
            ("Tên tập thể", Field::CollectiveName),
        ] {
            assert_eq!(match_header(header, fields), Some(field), "{header}");
        }
    }

    #[test]
    fn row_number_columns() {
        assert!(is_row_number_header("STT"));
        assert!(is_row_number_header("S.T.T"));
        assert!(is_row_number_header("Số TT"));
        assert!(!is_row_number_header("Họ tên"));
    }
}
