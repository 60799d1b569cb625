//! Totals of a year's gift visits: by category, area, source of funds and status. What the
//! visits screen always shows, what the receipt list sums and what the report quotes.

use std::collections::{BTreeMap, HashMap};

use super::{Category, Roster, Visit, VisitMark, VisitStatus};
use crate::text::compare;

/// Visits, gifts (quantities) and their value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub visits: usize,
    pub gifts: u64,
    pub value: i64,
}

impl Tally {
    fn add(&mut self, v: &Visit) {
        self.visits += 1;
        self.gifts += u64::from(v.quantity);
        self.value = self.value.saturating_add(v.total());
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GiftSummary {
    /// Planned and done visits (what is or will be given); cancelled ones are left out.
    pub overall: Tally,
    /// Households with at least one visit that is not cancelled.
    pub households: usize,
    pub by_category: Vec<(Category, Tally)>,
    /// By area name; households whose address names no area are under "Khác".
    pub by_area: Vec<(String, Tally)>,
    /// By source of funds; an empty source is "Chưa ghi nguồn".
    pub by_source: Vec<(String, Tally)>,
    /// Every visit, cancelled included.
    pub by_status: Vec<(VisitStatus, Tally)>,
}

/// A year's visits with the household list, indexed once per reload for the screens.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct YearGifts {
    pub roster: Roster,
    pub visits: Vec<Visit>,
    pub summary: GiftSummary,
    marks: HashMap<i64, VisitMark>,
}

impl YearGifts {
    pub fn new(roster: Roster, visits: Vec<Visit>, areas: &[String]) -> YearGifts {
        let mut by_household: HashMap<i64, Vec<&Visit>> = HashMap::new();
        for v in &visits {
            by_household.entry(v.household_id).or_default().push(v);
        }
        let marks = by_household
            .into_iter()
            .map(|(id, list)| (id, VisitMark::of(&list)))
            .collect();
        let summary = summarize(&roster, areas, &visits);
        YearGifts {
            roster,
            visits,
            summary,
            marks,
        }
    }

    /// Where a household stands this year.
    pub fn mark(&self, household_id: i64) -> VisitMark {
        self.marks
            .get(&household_id)
            .copied()
            .unwrap_or(VisitMark::NotVisited)
    }
}

pub const NO_AREA: &str = "Khác";
pub const NO_SOURCE: &str = "Chưa ghi nguồn";

pub fn summarize(roster: &Roster, areas: &[String], visits: &[Visit]) -> GiftSummary {
    let mut summary = GiftSummary::default();
    let mut by_category: BTreeMap<Category, Tally> = BTreeMap::new();
    let mut by_area: BTreeMap<Option<usize>, Tally> = BTreeMap::new();
    let mut by_source: Vec<(String, Tally)> = Vec::new();
    let mut by_status: BTreeMap<VisitStatus, Tally> = BTreeMap::new();
    let mut households = std::collections::HashSet::new();
    for v in visits {
        by_status.entry(v.status).or_default().add(v);
        if !v.counts() {
            continue;
        }
        summary.overall.add(v);
        households.insert(v.household_id);
        if let Some(h) = roster.get(v.household_id) {
            by_category.entry(h.category).or_default().add(v);
        }
        by_area
            .entry(roster.area_of(v.household_id))
            .or_default()
            .add(v);
        let source = match v.source.trim() {
            "" => NO_SOURCE,
            s => s,
        };
        let key = crate::text::fold(source);
        match by_source
            .iter_mut()
            .find(|(name, _)| crate::text::fold(name) == key)
        {
            Some((_, tally)) => tally.add(v),
            None => {
                let mut tally = Tally::default();
                tally.add(v);
                by_source.push((source.to_string(), tally));
            }
        }
    }
    by_source.sort_by(|a, b| compare(&a.0, &b.0));
    summary.by_source = by_source;
    summary.households = households.len();
    summary.by_category = by_category.into_iter().collect();
    // Areas in the unit's order, then the addresses that name none.
    let mut areas_sorted: Vec<(Option<usize>, Tally)> = by_area.into_iter().collect();
    areas_sorted.sort_by_key(|(a, _)| a.map_or(usize::MAX, |i| i));
    summary.by_area = areas_sorted
        .into_iter()
        .map(|(a, t)| {
            let name = a
                .and_then(|i| areas.get(i).cloned())
                .unwrap_or_else(|| NO_AREA.to_string());
            (name, t)
        })
        .collect();
    summary.by_status = by_status.into_iter().collect();
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Household;

    #[test]
    fn totals_leave_out_cancelled_visits_but_count_them_by_status() {
        let mut a = Household::new("Nguyễn Văn A", "Khu phố 1", Category::Martyr);
        a.id = 1;
        let mut b = Household::new("Lê Thị B", "Ấp Mới", Category::Poor);
        b.id = 2;
        let areas = vec!["Khu phố 1".to_string()];
        let roster = Roster::new(vec![a, b], &areas);
        let mut v1 = Visit::new(1, "Tiền mặt", 500_000);
        v1.quantity = 2;
        v1.source = "Ngân sách".into();
        let mut v2 = Visit::new(2, "Quà", 300_000);
        v2.source = "ngân sách".into();
        v2.status = VisitStatus::Done;
        let mut v3 = Visit::new(2, "Quà", 1_000_000);
        v3.status = VisitStatus::Cancelled;
        let s = summarize(&roster, &areas, &[v1, v2, v3]);
        assert_eq!(s.overall.value, 1_300_000);
        assert_eq!(s.overall.gifts, 3);
        assert_eq!(s.households, 2);
        assert_eq!(
            s.by_category[0],
            (
                Category::Martyr,
                Tally {
                    visits: 1,
                    gifts: 2,
                    value: 1_000_000
                }
            )
        );
        assert_eq!(s.by_area[0].0, "Khu phố 1");
        assert_eq!(s.by_area[1].0, NO_AREA);
        assert_eq!(s.by_source.len(), 1, "sources match whatever their case");
        assert_eq!(s.by_source[0].1.value, 1_300_000);
        assert_eq!(s.by_status.len(), 3);
        assert_eq!(s.by_status[2].1.value, 1_000_000);
    }
}
