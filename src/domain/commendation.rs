//! Khen thưởng: decisions that commend recipients, and the register numbers of their
//! certificates. The certificate layout lives in `crate::certificate`.

use chrono::{Datelike, NaiveDate};

use super::household::Sex;
use super::{Invalid, required, tidy, tidy_text};
use crate::text::fold;

/// Quyết định khen thưởng.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub id: i64,
    /// "123/QĐ-UBND".
    pub number: String,
    pub date: NaiveDate,
    /// The issuing body, e.g. "Ủy ban nhân dân phường Chợ Quán".
    pub issuer: String,
    /// Its head, who awards: "Chủ tịch" (so the certificate reads "CHỦ TỊCH ỦY BAN NHÂN DÂN
    /// PHƯỜNG CHỢ QUÁN"), "Giám đốc" for a provincial police department.
    pub issuer_head: String,
    /// Signing title, one line per row: "CHỦ TỊCH", or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH".
    pub signer_title: String,
    pub signer_name: String,
}

impl Decision {
    /// A decision of the unit's people's committee, signed by its chairman (the committee's
    /// head by default): what an imported list's unknown decision number starts from.
    pub fn defaults(unit: &super::Unit, number: &str, date: NaiveDate) -> Decision {
        Decision {
            id: 0,
            number: number.to_string(),
            date,
            issuer: unit.people_committee(),
            issuer_head: "Chủ tịch".into(),
            signer_title: "CHỦ TỊCH".into(),
            signer_name: unit.head_name.clone(),
        }
    }

    /// The awarding authority as printed above "TẶNG": "Chủ tịch Ủy ban nhân dân phường Chợ Quán".
    pub fn authority(&self) -> String {
        let head = self.issuer_head.trim();
        let issuer = self.issuer.trim();
        if head.is_empty() {
            issuer.to_string()
        } else {
            format!("{head} {issuer}")
        }
    }

    pub fn year(&self) -> i32 {
        self.date.year()
    }

    /// The register its certificates are numbered in: the issuer (whatever its case) and the
    /// decision's year.
    pub fn register(&self) -> (String, i32) {
        (self.issuer.trim().to_lowercase(), self.year())
    }

    pub fn cleaned(&self) -> Decision {
        let mut d = self.clone();
        tidy([
            &mut d.number,
            &mut d.issuer,
            &mut d.issuer_head,
            &mut d.signer_name,
        ]);
        d.signer_title = tidy_text(&self.signer_title);
        d
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        required(&self.number, "Số quyết định không được để trống.")?;
        required(&self.issuer, "Hãy ghi cơ quan ban hành quyết định.")
    }
}

/// Đối tượng.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecipientKind {
    Individual,
    Collective,
    Household,
}

impl RecipientKind {
    pub const ALL: [RecipientKind; 3] = [
        RecipientKind::Individual,
        RecipientKind::Collective,
        RecipientKind::Household,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RecipientKind::Individual => "Cá nhân",
            RecipientKind::Collective => "Tập thể",
            RecipientKind::Household => "Hộ gia đình",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            RecipientKind::Individual => "ca_nhan",
            RecipientKind::Collective => "tap_the",
            RecipientKind::Household => "ho_gia_dinh",
        }
    }

    pub fn from_code(code: &str) -> Option<RecipientKind> {
        RecipientKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn parse(text: &str) -> Option<RecipientKind> {
        match fold(text.trim()).replace(' ', "").as_str() {
            "canhan" | "cn" => Some(RecipientKind::Individual),
            "tapthe" | "tt" => Some(RecipientKind::Collective),
            "hogiadinh" | "ho" | "giadinh" | "hgd" => Some(RecipientKind::Household),
            _ => None,
        }
    }
}

/// Hình thức khen thưởng.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// Bằng khen (higher level: province, ministry).
    Merit,
    /// Giấy khen.
    Certificate,
    /// Biểu dương: praise, no certificate.
    Praise,
}

impl Form {
    pub const ALL: [Form; 3] = [Form::Merit, Form::Certificate, Form::Praise];

    pub fn label(self) -> &'static str {
        match self {
            Form::Merit => "Bằng khen",
            Form::Certificate => "Giấy khen",
            Form::Praise => "Biểu dương",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Form::Merit => "bang_khen",
            Form::Certificate => "giay_khen",
            Form::Praise => "bieu_duong",
        }
    }

    pub fn from_code(code: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|f| f.code() == code)
    }

    pub fn parse(text: &str) -> Option<Form> {
        match fold(text.trim()).replace(' ', "").as_str() {
            "bangkhen" | "bk" => Some(Form::Merit),
            "giaykhen" | "gk" => Some(Form::Certificate),
            "bieuduong" | "bd" | "khenngoi" => Some(Form::Praise),
            _ => None,
        }
    }

    /// Whether a certificate is printed for it.
    pub fn has_certificate(self) -> bool {
        self != Form::Praise
    }
}

/// Who already holds register number `n` in the register `r` would be numbered in, among
/// the decisions and recipients given (one year's, as a screen has them).
pub fn register_holder<'a>(
    decisions: &[Decision],
    recipients: &'a [Recipient],
    r: &Recipient,
    n: u32,
) -> Option<&'a Recipient> {
    let register_of = |decision_id: i64| {
        decisions
            .iter()
            .find(|d| d.id == decision_id)
            .map(Decision::register)
    };
    let register = register_of(r.decision_id)?;
    recipients.iter().find(|other| {
        other.id != r.id
            && other.register_no == Some(n)
            && register_of(other.decision_id).as_ref() == Some(&register)
    })
}

/// The default achievement text.
pub fn default_achievement(year: i32) -> String {
    format!("Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc năm {year}")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub id: i64,
    pub decision_id: i64,
    pub kind: RecipientKind,
    pub form: Form,
    /// Full name of the person, the collective or the household ("Hộ ông Nguyễn Văn A").
    pub name: String,
    pub sex: Option<Sex>,
    pub birth_year: Option<i32>,
    /// Chức vụ, đơn vị: "Tổ trưởng tổ dân phố 5, Khu phố 2".
    pub position: String,
    pub achievement: String,
    /// Số vào sổ: assigned on save for forms with a certificate; never reused.
    pub register_no: Option<u32>,
}

impl Recipient {
    pub fn new(decision_id: i64, kind: RecipientKind, form: Form, name: &str) -> Recipient {
        Recipient {
            id: 0,
            decision_id,
            kind,
            form,
            name: name.to_string(),
            sex: None,
            birth_year: None,
            position: String::new(),
            achievement: String::new(),
            register_no: None,
        }
    }

    /// The name as printed: "Ông Nguyễn Văn An", "Bà ...", a collective as it is.
    pub fn display_name(&self) -> String {
        match (self.kind, self.sex) {
            (RecipientKind::Individual, Some(sex)) => {
                format!("{} {}", sex.honorific(), self.name.trim())
            }
            _ => self.name.trim().to_string(),
        }
    }

    pub fn cleaned(&self) -> Recipient {
        let mut r = self.clone();
        tidy([&mut r.name, &mut r.position]);
        r.achievement = tidy_text(&self.achievement);
        r
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        if self.name.trim().is_empty() {
            return Err(Invalid(match self.kind {
                RecipientKind::Collective => "Tên tập thể không được để trống.".into(),
                _ => "Họ và tên không được để trống.".into(),
            }));
        }
        if let Some(year) = self.birth_year
            && !(1900..=2100).contains(&year)
        {
            return Err(Invalid(format!("Năm sinh {year} không hợp lệ.")));
        }
        if self.register_no == Some(0) {
            return Err(Invalid("Số vào sổ phải từ 1 trở lên.".into()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision() -> Decision {
        Decision {
            id: 1,
            number: "123/QĐ-UBND".into(),
            date: NaiveDate::from_ymd_opt(2026, 8, 10).unwrap(),
            issuer: "Ủy ban nhân dân phường Chợ Quán".into(),
            issuer_head: "Chủ tịch".into(),
            signer_title: "CHỦ TỊCH".into(),
            signer_name: "Nguyễn Văn Hùng".into(),
        }
    }

    #[test]
    fn authority_joins_head_and_body() {
        assert_eq!(
            decision().authority(),
            "Chủ tịch Ủy ban nhân dân phường Chợ Quán"
        );
    }

    #[test]
    fn a_register_number_is_held_within_the_same_issuer_and_year_only() {
        let d1 = decision();
        let d2 = Decision {
            id: 2,
            issuer: "ỦY BAN NHÂN DÂN PHƯỜNG CHỢ QUÁN".into(),
            ..decision()
        };
        let d3 = Decision {
            id: 3,
            issuer: "Công an phường Chợ Quán".into(),
            ..decision()
        };
        let mut held = Recipient::new(1, RecipientKind::Individual, Form::Certificate, "An");
        held.id = 10;
        held.register_no = Some(7);
        let recipients = vec![held];
        let decisions = [d1, d2, d3];
        let typed = Recipient::new(2, RecipientKind::Individual, Form::Certificate, "Bình");
        let holder = register_holder(&decisions, &recipients, &typed, 7);
        assert_eq!(
            holder.map(|r| r.name.as_str()),
            Some("An"),
            "same issuer, any case"
        );
        let elsewhere = Recipient::new(3, RecipientKind::Individual, Form::Certificate, "Cường");
        assert!(register_holder(&decisions, &recipients, &elsewhere, 7).is_none());
        assert!(register_holder(&decisions, &recipients, &recipients[0], 7).is_none());
    }

    #[test]
    fn forms_and_kinds_parse() {
        assert_eq!(Form::parse("GIẤY KHEN"), Some(Form::Certificate));
        assert_eq!(Form::parse("bang khen"), Some(Form::Merit));
        assert_eq!(Form::parse("Biểu dương"), Some(Form::Praise));
        assert!(!Form::Praise.has_certificate());
        assert_eq!(
            RecipientKind::parse("Tập thể"),
            Some(RecipientKind::Collective)
        );
        assert_eq!(
            RecipientKind::parse("hộ gia đình"),
            Some(RecipientKind::Household)
        );
        assert_eq!(RecipientKind::parse("nhóm"), None);
    }

    #[test]
    fn display_name_takes_honorific_for_people_only() {
        let mut r = Recipient::new(
            1,
            RecipientKind::Individual,
            Form::Certificate,
            "Lê Thị Mai",
        );
        r.sex = Some(Sex::Female);
        assert_eq!(r.display_name(), "Bà Lê Thị Mai");
        r.kind = RecipientKind::Collective;
        r.name = "Tổ dân phố 5".into();
        assert_eq!(r.display_name(), "Tổ dân phố 5");
    }
}
