//! Đại biểu: the guests of the ceremony, introduced by the MC in protocol order.

use std::cmp::Ordering;

use super::{Invalid, required, tidy};
use crate::text::compare_names;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delegate {
    pub id: i64,
    pub name: String,
    /// Position, e.g. "Phó Giám đốc".
    pub title: String,
    /// Where from, e.g. "Công an Thành phố Hồ Chí Minh".
    pub organisation: String,
    /// Protocol rank: 1 is introduced first.
    pub rank: u32,
    pub attending: bool,
}

impl Delegate {
    pub fn cleaned(&self) -> Delegate {
        let mut d = self.clone();
        tidy([&mut d.name, &mut d.title, &mut d.organisation]);
        d
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        required(&self.name, "Họ tên đại biểu không được để trống.")?;
        if self.rank == 0 {
            return Err(Invalid(format!(
                "Thứ tự nghi thức của đại biểu {} phải từ 1 trở lên.",
                self.name.trim()
            )));
        }
        Ok(())
    }

    /// "đồng chí Nguyễn Văn A, Phó Giám đốc Công an Thành phố": how the MC names a delegate.
    pub fn introduction(&self) -> String {
        let role = [self.title.trim(), self.organisation.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if role.is_empty() {
            format!("đồng chí {}", self.name)
        } else {
            format!("đồng chí {}, {role}", self.name)
        }
    }
}

/// Protocol order: by rank, then by name the Vietnamese way.
pub fn protocol_order(a: &Delegate, b: &Delegate) -> Ordering {
    a.rank
        .cmp(&b.rank)
        .then_with(|| compare_names(&a.name, &b.name))
}

/// The attending delegates as the MC introduces them.
pub fn introductions(delegates: &[Delegate]) -> Vec<String> {
    let mut present: Vec<&Delegate> = delegates.iter().filter(|d| d.attending).collect();
    present.sort_by(|a, b| protocol_order(a, b));
    present.into_iter().map(Delegate::introduction).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delegate(name: &str, rank: u32, attending: bool) -> Delegate {
        Delegate {
            id: 0,
            name: name.into(),
            title: "Phó Chủ tịch".into(),
            organisation: "UBND phường".into(),
            rank,
            attending,
        }
    }

    #[test]
    fn delegates_are_introduced_in_protocol_order_and_only_if_present() {
        let list = vec![
            delegate("Trần Văn Bình", 2, true),
            delegate("Lê Thị Hoa", 1, true),
            delegate("Nguyễn Văn Đức", 2, true),
            delegate("Phạm Văn An", 1, false),
        ];
        assert_eq!(
            introductions(&list),
            vec![
                "đồng chí Lê Thị Hoa, Phó Chủ tịch UBND phường",
                "đồng chí Trần Văn Bình, Phó Chủ tịch UBND phường",
                "đồng chí Nguyễn Văn Đức, Phó Chủ tịch UBND phường",
            ]
        );
    }

    #[test]
    fn a_delegate_needs_a_name_and_a_rank() {
        assert_eq!(
            delegate("", 1, true).validate().unwrap_err().0,
            "Họ tên đại biểu không được để trống."
        );
        assert_eq!(
            delegate("Lê Thị Hoa", 0, true).validate().unwrap_err().0,
            "Thứ tự nghi thức của đại biểu Lê Thị Hoa phải từ 1 trở lên."
        );
        assert!(delegate("Lê Thị Hoa", 1, true).validate().is_ok());
    }
}
