//! The household list as the secretary searches it: sorted the Vietnamese way once, with a
//! folded search text per household so that each keystroke is a scan of plain ASCII-ish
//! strings (10,000 households filter well within a frame; see benches/households.rs).

use std::collections::HashMap;

use super::{Category, Household, Visit, VisitStatus};
use crate::text::{compare_names, fold};

/// Where a household stands this year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VisitMark {
    NotVisited,
    Planned,
    Done,
    Cancelled,
}

impl VisitMark {
    pub const ALL: [VisitMark; 4] = [
        VisitMark::NotVisited,
        VisitMark::Planned,
        VisitMark::Done,
        VisitMark::Cancelled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            VisitMark::NotVisited => "Chưa có lượt thăm",
            VisitMark::Planned => "Dự kiến",
            VisitMark::Done => "Đã thăm",
            VisitMark::Cancelled => "Đã hủy",
        }
    }

    /// A done visit wins over a planned one, which wins over a cancelled one.
    pub fn of(visits: &[&Visit]) -> VisitMark {
        let has = |s| visits.iter().any(|v| v.status == s);
        if has(VisitStatus::Done) {
            VisitMark::Done
        } else if has(VisitStatus::Planned) {
            VisitMark::Planned
        } else if has(VisitStatus::Cancelled) {
            VisitMark::Cancelled
        } else {
            VisitMark::NotVisited
        }
    }
}

/// What the secretary narrowed the list to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words typed in the search box; every word must appear (accents and case ignored).
    pub query: String,
    pub category: Option<Category>,
    /// Index into the unit's areas.
    pub area: Option<usize>,
    pub visit: Option<VisitMark>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Roster {
    /// In Vietnamese name order.
    households: Vec<Household>,
    /// Folded "name address phone notes category", one per household.
    haystacks: Vec<String>,
    /// The area each household's address names, if any.
    areas: Vec<Option<usize>>,
    by_id: HashMap<i64, usize>,
}

impl Roster {
    pub fn new(mut households: Vec<Household>, area_names: &[String]) -> Roster {
        households.sort_by(|a, b| compare_names(&a.name, &b.name).then(a.id.cmp(&b.id)));
        let folded_areas: Vec<String> = area_names.iter().map(|a| fold(a)).collect();
        let mut haystacks = Vec::with_capacity(households.len());
        let mut areas = Vec::with_capacity(households.len());
        for h in &households {
            let address = fold(&h.address);
            areas.push(area_in(&address, &folded_areas));
            haystacks.push(format!(
                "{} {address} {} {} {}",
                fold(&h.name),
                h.phone,
                fold(&h.notes),
                fold(h.category.label())
            ));
        }
        let by_id = households
            .iter()
            .enumerate()
            .map(|(i, h)| (h.id, i))
            .collect();
        Roster {
            households,
            haystacks,
            areas,
            by_id,
        }
    }

    pub fn len(&self) -> usize {
        self.households.len()
    }

    pub fn is_empty(&self) -> bool {
        self.households.is_empty()
    }

    /// All households, in Vietnamese name order.
    pub fn all(&self) -> &[Household] {
        &self.households
    }

    pub fn get(&self, id: i64) -> Option<&Household> {
        self.by_id.get(&id).map(|&i| &self.households[i])
    }

    /// The area (index into the unit's areas) the household's address names.
    pub fn area_of(&self, id: i64) -> Option<usize> {
        self.by_id.get(&id).and_then(|&i| self.areas[i])
    }

    /// The households that pass the filter, in name order. `mark` tells where a household
    /// stands this year.
    pub fn filter<'a>(
        &'a self,
        filter: &Filter,
        mark: impl Fn(i64) -> VisitMark,
    ) -> Vec<&'a Household> {
        let folded = fold(&filter.query);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        self.households
            .iter()
            .enumerate()
            .filter(|&(i, h)| {
                filter.category.is_none_or(|c| h.category == c)
                    && filter.area.is_none_or(|a| self.areas[i] == Some(a))
                    && words.iter().all(|w| self.haystacks[i].contains(w))
                    && filter.visit.is_none_or(|v| mark(h.id) == v)
            })
            .map(|(_, h)| h)
            .collect()
    }
}

/// The first area whose folded name appears in the folded address as whole words, so that
/// "khu pho 1" is not found in "khu pho 12".
fn area_in(address: &str, areas: &[String]) -> Option<usize> {
    areas.iter().position(|area| {
        !area.is_empty()
            && address.match_indices(area.as_str()).any(|(at, _)| {
                let before = address[..at].chars().next_back();
                let after = address[at + area.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster() -> Roster {
        let mut list = vec![
            Household::new("Nguyễn Thị Hằng", "Tổ 3, Khu phố 1", Category::Martyr),
            Household::new("Trần Văn Đức", "Khu phố 12", Category::Poor),
            Household::new("Lê Văn Dũng", "khu pho 2", Category::Martyr),
            Household::new("Phạm Thị Ánh", "Ấp Mới", Category::Hardship),
        ];
        for (i, h) in list.iter_mut().enumerate() {
            h.id = i as i64 + 1;
        }
        let areas: Vec<String> = ["Khu phố 1", "Khu phố 2", "Khu phố 12"]
            .map(String::from)
            .to_vec();
        Roster::new(list, &areas)
    }

    fn names(found: Vec<&Household>) -> Vec<&str> {
        found.into_iter().map(|h| h.name.as_str()).collect()
    }

    #[test]
    fn sorted_by_given_name_the_vietnamese_way() {
        let r = roster();
        let order: Vec<&str> = r.all().iter().map(|h| h.name.as_str()).collect();
        assert_eq!(
            order,
            [
                "Phạm Thị Ánh",
                "Lê Văn Dũng",
                "Trần Văn Đức",
                "Nguyễn Thị Hằng"
            ]
        );
    }

    #[test]
    fn search_ignores_accents_case_and_word_order() {
        let r = roster();
        let find = |q: &str| {
            names(r.filter(
                &Filter {
                    query: q.into(),
                    ..Filter::default()
                },
                |_| VisitMark::NotVisited,
            ))
        };
        assert_eq!(find("nguyen thi hang"), ["Nguyễn Thị Hằng"]);
        assert_eq!(find("HANG nguyen"), ["Nguyễn Thị Hằng"]);
        assert_eq!(find("đức"), ["Trần Văn Đức"]);
        assert_eq!(find("liet si"), ["Lê Văn Dũng", "Nguyễn Thị Hằng"]);
        assert!(find("nguyen van").is_empty());
    }

    #[test]
    fn filters_by_category_area_and_visit() {
        let r = roster();
        let only = |filter: Filter| {
            names(r.filter(&filter, |id| {
                if id == 3 {
                    VisitMark::Done
                } else {
                    VisitMark::NotVisited
                }
            }))
        };
        assert_eq!(
            only(Filter {
                category: Some(Category::Martyr),
                ..Filter::default()
            }),
            ["Lê Văn Dũng", "Nguyễn Thị Hằng"]
        );
        assert_eq!(
            only(Filter {
                area: Some(0),
                ..Filter::default()
            }),
            ["Nguyễn Thị Hằng"]
        );
        assert_eq!(
            only(Filter {
                area: Some(2),
                ..Filter::default()
            }),
            ["Trần Văn Đức"]
        );
        assert_eq!(
            only(Filter {
                visit: Some(VisitMark::Done),
                ..Filter::default()
            }),
            ["Lê Văn Dũng"]
        );
        assert_eq!(r.area_of(4), None);
    }
}
