//! The province's view of one year: every expected unit with its package (or none yet), the
//! units that sent a package without being expected, the totals of every key over the units
//! that reported, and last year's totals when last year was consolidated too.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;

use super::package::Package;
use crate::domain::Unit;
use crate::text::{compare, fold};

/// How units are matched: their names, whatever the case, accents and spacing.
pub fn unit_key(name: &str) -> String {
    fold(name)
}

/// A unit the province expects a report from, in one year's list (kept per event, as every
/// list of the year is).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExpectedUnit {
    /// 0 for a unit not stored yet.
    pub id: i64,
    /// "Phường Chợ Quán", as the unit writes its own name.
    pub name: String,
}

impl ExpectedUnit {
    pub fn new(name: &str) -> ExpectedUnit {
        ExpectedUnit {
            id: 0,
            name: name.to_string(),
        }
    }

    pub fn cleaned(&self) -> ExpectedUnit {
        ExpectedUnit {
            id: self.id,
            name: crate::domain::tidy_line(&self.name),
        }
    }

    pub fn validate(&self) -> Result<(), crate::domain::Invalid> {
        crate::domain::required(&self.name, "Tên đơn vị không được để trống.")
    }
}

/// A package taken in and kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Received {
    pub id: i64,
    pub package: Package,
    /// False: a row was edited by hand after the unit made the file.
    pub intact: bool,
    pub arrived_at: NaiveDateTime,
    /// The file's name as it arrived (renamed files are common; shown, never trusted).
    pub file_name: String,
    /// The package counted for its unit; a replaced one is kept and can be restored.
    pub current: bool,
}

/// The newest package of the unit named `name` that a later one replaced: what "Khôi phục bản
/// trước" brings back.
pub fn replaced<'a>(packages: &'a [Received], name: &str) -> Option<&'a Received> {
    let key = unit_key(name);
    packages
        .iter()
        .filter(|p| !p.current && unit_key(&p.package.unit) == key)
        .max_by_key(|p| p.arrived_at)
}

/// One row of the table: a unit and what it sent.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow {
    pub name: String,
    pub expected: bool,
    /// The package counted, if the unit reported.
    pub received: Option<Received>,
}

impl UnitRow {
    pub fn figure(&self, key: &str) -> Option<i64> {
        self.received
            .as_ref()
            .and_then(|r| r.package.figures.get(key).copied())
    }
}

/// Totals of one year over the units that reported.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Totals {
    pub year: i32,
    pub units: usize,
    /// By key; a key no unit gave is absent.
    pub figures: BTreeMap<String, i64>,
    /// How many units gave each key (entered figures may be missing in some).
    pub given_by: BTreeMap<String, usize>,
}

impl Totals {
    fn of<'a>(year: i32, packages: impl Iterator<Item = &'a Package>) -> Totals {
        let mut totals = Totals {
            year,
            ..Totals::default()
        };
        for package in packages {
            totals.units += 1;
            for (key, value) in &package.figures {
                *totals.figures.entry(key.clone()).or_default() += value;
                *totals.given_by.entry(key.clone()).or_default() += 1;
            }
        }
        totals
    }
}

/// Everything the consolidated report and the "Tổng hợp" table show.
#[derive(Debug, Clone, PartialEq)]
pub struct Consolidation {
    /// The consolidating unit (the province).
    pub unit: Unit,
    pub year: i32,
    /// Expected units in their order, then the others that reported, by name.
    pub rows: Vec<UnitRow>,
    pub totals: Totals,
    /// Last year's totals, when packages of last year were taken in.
    pub last: Option<Totals>,
}

impl Consolidation {
    /// `received` are the current packages of `year`; `last` the current ones of the year
    /// before, if any.
    pub fn new(
        unit: Unit,
        year: i32,
        expected: &[ExpectedUnit],
        received: &[Received],
        last: &[Received],
    ) -> Consolidation {
        let mut by_unit: BTreeMap<String, &Received> = received
            .iter()
            .filter(|r| r.current && r.package.year == year)
            .map(|r| (unit_key(&r.package.unit), r))
            .collect();
        let mut rows: Vec<UnitRow> = expected
            .iter()
            .map(|e| UnitRow {
                name: e.name.clone(),
                expected: true,
                received: by_unit.remove(&unit_key(&e.name)).cloned(),
            })
            .collect();
        let mut others: Vec<UnitRow> = by_unit
            .into_values()
            .map(|r| UnitRow {
                name: r.package.unit.clone(),
                expected: false,
                received: Some(r.clone()),
            })
            .collect();
        others.sort_by(|a, b| compare(&a.name, &b.name));
        rows.extend(others);
        let totals = Totals::of(
            year,
            rows.iter()
                .filter_map(|r| r.received.as_ref().map(|r| &r.package)),
        );
        let last_packages: Vec<&Package> = last
            .iter()
            .filter(|r| r.current && r.package.year == year - 1)
            .map(|r| &r.package)
            .collect();
        let last =
            (!last_packages.is_empty()).then(|| Totals::of(year - 1, last_packages.into_iter()));
        Consolidation {
            unit,
            year,
            rows,
            totals,
            last,
        }
    }

    /// Expected units without a package yet.
    pub fn missing(&self) -> impl Iterator<Item = &UnitRow> {
        self.rows.iter().filter(|r| r.received.is_none())
    }

    pub fn reported(&self) -> impl Iterator<Item = &UnitRow> {
        self.rows.iter().filter(|r| r.received.is_some())
    }

    pub fn expected_count(&self) -> usize {
        self.rows.iter().filter(|r| r.expected).count()
    }

    /// Reported units whose package was edited by hand.
    pub fn edited(&self) -> impl Iterator<Item = &UnitRow> {
        self.reported()
            .filter(|r| r.received.as_ref().is_some_and(|r| !r.intact))
    }
}
