//! Each table's description: its columns, its order, and how a row is read and bound.

use rusqlite::{Connection, Row, ToSql, Transaction, params};

use super::{Rule, Table};
use crate::consolidation::{ExpectedUnit, unit_key};
use crate::domain::delegate::protocol_order;
use crate::domain::{
    Activity, ActivityKind, Category, ChecklistItem, Decision, Delegate, EventPoint, Household,
    PointKind, ProgramItem, Sex, Visit, VisitStatus,
};
use crate::storage::event::{date_text, read_date, read_time, time_text};
use crate::storage::festival;

impl Table for ChecklistItem {
    const NAME: &'static str = "checklist_item";
    const COLUMNS: &'static [&'static str] = &["title", "offset_days", "done", "note"];
    const ORDER: &'static str = "offset_days, id";
    const CLEANED: fn(&Self) -> Self = Self::cleaned;
    const VALIDATE: Rule<Self> = Self::validate;

    fn id(&self) -> i64 {
        self.id
    }

    fn with_id(self, id: i64) -> Self {
        Self { id, ..self }
    }

    fn what(&self) -> String {
        "công việc này trong kế hoạch".into()
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(ChecklistItem {
            id: row.get(0)?,
            title: row.get(1)?,
            offset_days: row.get(2)?,
            done: row.get(3)?,
            note: row.get(4)?,
        })
    }

    fn bind<T>(&self, f: impl FnOnce(&[&dyn ToSql]) -> T) -> T {
        f(params![self.title, self.offset_days, self.done, self.note])
    }
}

impl Table for ProgramItem {
    const NAME: &'static str = "program_item";
    const COLUMNS: &'static [&'static str] = &[
        "title",
        "presenter",
        "duration_min",
        "fixed_time",
        "notes",
        "script",
        "introduces_delegates",
    ];
    const ORDER: &'static str = "position, id";
    const CLEANED: fn(&Self) -> Self = Self::cleaned;
    const VALIDATE: Rule<Self> = Self::validate;

    fn id(&self) -> i64 {
        self.id
    }

    fn with_id(self, id: i64) -> Self {
        Self { id, ..self }
    }

    fn what(&self) -> String {
        "mục này trong chương trình".into()
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(ProgramItem {
            id: row.get(0)?,
            title: row.get(1)?,
            presenter: row.get(2)?,
            duration_min: row.get(3)?,
            fixed_time: read_time(row, 4)?,
            notes: row.get(5)?,
            script: row.get(6)?,
            introduces_delegates: row.get(7)?,
        })
    }

    fn bind<T>(&self, f: impl FnOnce(&[&dyn ToSql]) -> T) -> T {
        f(params![
            self.title,
            self.presenter,
            self.duration_min,
            self.fixed_time.map(time_text),
            self.notes,
            self.script,
            self.introduces_delegates
        ])
    }
}

/// Delegates are listed in protocol order, which SQL cannot sort (names the Vietnamese way).
impl Table for Delegate {
    const NAME: &'static str = "delegate";
    const COLUMNS: &'static [&'static str] =
        &["name", "title", "organisation", "rank", "attending"];
    const ORDER: &'static str = "id";
    const CLEANED: fn(&Self) -> Self = Self::cleaned;
    const VALIDATE: Rule<Self> = Self::validate;

    fn id(&self) -> i64 {
        self.id
    }

    fn with_id(self, id: i64) -> Self {
        Self { id, ..self }
    }

    fn what(&self) -> String {
        "đại biểu này".into()
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Delegate {
            id: row.get(0)?,
            name: row.get(1)?,
            title: row.get(2)?,
            organisation: row.get(3)?,
            rank: row.get(4)?,
            attending: row.get(5)?,
        })
    }

    fn bind<T>(&self, f: impl FnOnce(&[&dyn ToSql]) -> T) -> T {
        f(params![
            self.name,
            self.title,
            self.organisation,
            self.rank,
            self.attending
        ])
    }

    fn finish(_conn: &Connection, rows: &mut [Self]) -> rusqlite::Result<()> {
        rows.sort_by(protocol_order);
        Ok(())
    }
}

/// The main venue first, then by date.
impl Table for EventPoint {
    const NAME: &'static str = "event_point";
    const COLUMNS: &'static [&'static str] =
        &["name", "kind", "date", "host", "expected", "actual"];
    const ORDER: &'static str = "kind <> 'chinh', date, id";
    const CLEANED: fn(&Self) -> Self = Self::cleaned;
    const VALIDATE: Rule<Self> = Self::validate;

    fn id(&self) -> i64 {
        self.id
    }

    fn with_id(self, id: i64) -> Self {
        Self { id, ..self }
    }

    fn what(&self) -> String {
        "điểm tổ chức này".into()
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let kind: String = row.get(2)?;
        Ok(EventPoint {
            id: row.get(0)?,
            name: row.get(1)?,
            kind: PointKind::from_code(&kind).unwrap_or(PointKind::Residential),
            date: read_date(row, 3)?,
            host: row.get(4)?,
            expected: row.get(5)?,
            actual: row.get(6)?,
        })
    }

    fn bind<T>(&self, f: impl FnOnce(&[&dyn ToSql]) -> T) -> T {
        f(params![
            self.name,
            self.kind.code(),
            date_text(self.date),
            self.host,
            self.expected,
            self.actual
        ])
    }
}

/// An activity's teams and prizes are written and read with it (see `festival`).
impl Table for Activity {
    const NAME: &'static str = "activity";
    const COLUMNS: &'static [&'static str] = &["kind", "name", "venue", "start"];
    const ORDER: &'static str = "position, id";
    const CLEANED: fn(&Self) -> Self = Self::cleaned;
    const VALIDATE: Rule<Self> = Self::validate;

    fn id(&self) -> i64 {
        self.id
    }

    fn with_id(self, id: i64) -> Self {
        Self { id, ..self }
    }

    fn what(&self) -> String {
        format!("hoạt động “{}”", self.name)
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let kind: String = row.get(1)?;
        Ok(Activity {
            id: row.get(0)?,
            kind: ActivityKind::from_code(&kind).unwrap_or(ActivityKind::Other),
            name: row.get(2)?,
            venue: row.get(3)?,
            start: read_time(row, 4)?,
            teams: Vec::new(),
            prizes: Vec::new(),
        })
    }

    fn bind<T>(&self, f: impl FnOnce(&[&dyn ToSql]) -> T) -> T {
        f(params![
            self.kind.code(),
            self.name,
            self.venue,
            self.start.map(time_text)
        ])
    }

    fn write_parts(&self, tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
        festival::write_parts(tx, id, self)
    }

    fn finish(conn: &Connection, rows: &mut [Self]) -> rusqlite::Result<()> {
        festival::read_parts(conn, rows)
    }
}

impl Table for Decision {
    const NAME: &'static str = "decision";
    const COLUMNS: &'static [&'static str] = &[
        "number",
        "date",
        "issuer",
        "issuer_head",
        "signer_title",
        "signer_name",
    ];
    const ORDER: &'static str = "date, number, id";
    const CLEANED: fn(&Self) -> Self = Self::cleaned;
    const VALIDATE: Rule<Self> = Self::validate;

    fn id(&self) -> i64 {
        self.id
    }

    fn with_id(self, id: i64) -> Self {
        Self { id, ..self }
    }

    fn what(&self) -> String {
        "quyết định này".into()
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let date: String = row.get(2)?;
        Ok(Decision {
            id: row.get(0)?,
            number: row.get(1)?,
            date: date.parse().map_err(|_| {
                rusqlite::Error::FromSqlConversionFailure(
                    2,
                    rusqlite::types::Type::Text,
                    date.into(),
                )
            })?,
            issuer: row.get(3)?,
            issuer_head: row.get(4)?,
            signer_title: row.get(5)?,
            signer_name: row.get(6)?,
        })
    }

    fn bind<T>(&self, f: impl FnOnce(&[&dyn ToSql]) -> T) -> T {
        f(params![
            self.number,
            self.date.to_string(),
            self.issuer,
            self.issuer_head,
            self.signer_title,
            self.signer_name
        ])
    }
}

/// The key (accents and case folded) is what makes a unit listed twice.
impl Table for ExpectedUnit {
    const NAME: &'static str = "expected_unit";
    const COLUMNS: &'static [&'static str] = &["name", "unit_key"];
    const ORDER: &'static str = "id";
    const CLEANED: fn(&Self) -> Self = Self::cleaned;
    const VALIDATE: Rule<Self> = Self::validate;

    fn id(&self) -> i64 {
        self.id
    }

    fn with_id(self, id: i64) -> Self {
        Self { id, ..self }
    }

    fn what(&self) -> String {
        "đơn vị này trong danh sách".into()
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(ExpectedUnit {
            id: row.get(0)?,
            name: row.get(1)?,
        })
    }

    fn bind<T>(&self, f: impl FnOnce(&[&dyn ToSql]) -> T) -> T {
        f(params![self.name, unit_key(&self.name)])
    }
}

/// Households belong to the file, not to an event: they are placed by no key.
impl Table for Household {
    const NAME: &'static str = "household";
    const COLUMNS: &'static [&'static str] = &[
        "name",
        "birth_year",
        "sex",
        "address",
        "category",
        "phone",
        "notes",
    ];
    const ORDER: &'static str = "id";
    const CLEANED: fn(&Self) -> Self = Self::cleaned;
    const VALIDATE: Rule<Self> = Self::validate;

    fn id(&self) -> i64 {
        self.id
    }

    fn with_id(self, id: i64) -> Self {
        Self { id, ..self }
    }

    fn what(&self) -> String {
        "hộ gia đình này".into()
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let sex: Option<String> = row.get(3)?;
        let category: String = row.get(5)?;
        Ok(Household {
            id: row.get(0)?,
            name: row.get(1)?,
            birth_year: row.get(2)?,
            sex: sex.as_deref().and_then(Sex::from_code),
            address: row.get(4)?,
            category: Category::from_code(&category).unwrap_or(Category::Other),
            phone: row.get(6)?,
            notes: row.get(7)?,
        })
    }

    fn bind<T>(&self, f: impl FnOnce(&[&dyn ToSql]) -> T) -> T {
        f(params![
            self.name,
            self.birth_year,
            self.sex.map(Sex::code),
            self.address,
            self.category.code(),
            self.phone,
            self.notes
        ])
    }
}

impl Table for Visit {
    const NAME: &'static str = "visit";
    const COLUMNS: &'static [&'static str] = &[
        "household_id",
        "date",
        "delegation",
        "gift",
        "value",
        "quantity",
        "source",
        "status",
    ];
    const ORDER: &'static str = "id";
    const CLEANED: fn(&Self) -> Self = Self::cleaned;
    const VALIDATE: Rule<Self> = Self::validate;

    fn id(&self) -> i64 {
        self.id
    }

    fn with_id(self, id: i64) -> Self {
        Self { id, ..self }
    }

    fn what(&self) -> String {
        "lượt thăm này".into()
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let date: Option<String> = row.get(2)?;
        let status: String = row.get(8)?;
        Ok(Visit {
            id: row.get(0)?,
            household_id: row.get(1)?,
            date: date.and_then(|d| d.parse().ok()),
            delegation: row.get(3)?,
            gift: row.get(4)?,
            value: row.get(5)?,
            quantity: row.get(6)?,
            source: row.get(7)?,
            status: VisitStatus::from_code(&status).unwrap_or(VisitStatus::Planned),
        })
    }

    fn bind<T>(&self, f: impl FnOnce(&[&dyn ToSql]) -> T) -> T {
        f(params![
            self.household_id,
            self.date.map(|d| d.to_string()),
            self.delegation,
            self.gift,
            self.value,
            self.quantity,
            self.source,
            self.status.code()
        ])
    }
}
