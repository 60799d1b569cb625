//! Decisions, recipients and the certificate registers (số vào sổ).
//!
//! A register runs per issuer and year. Numbers are handed out from `register.last_no`, which
//! only grows, so removing a recipient never frees a number that may already be printed.
//! A recipient keeps the register it was numbered in even if its decision is edited later.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, ToSql, Transaction, params};

use super::table::{Table, checked, insert, joined, list, select, update};
use super::{Result, Store};
use crate::domain::{Decision, Form, Recipient, RecipientKind, Sex};

/// What makes two rows of one decision the same recipient ([`Recipient::identity`]).
type Identity = (RecipientKind, String, String);

/// A decision removed with its recipients, kept by the caller to undo the removal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedDecision {
    pub event_id: i64,
    pub decision: Decision,
    pub recipients: Vec<Recipient>,
}

/// What a recipients import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RecipientImport {
    /// Recipients added.
    pub recipients: usize,
    pub new_decisions: usize,
    /// Register numbers issued to the recipients added.
    pub certificates: usize,
    /// Stored recipients updated with the list's values (they keep their numbers).
    pub updated: usize,
}

impl Store {
    /// The decisions of an event, by date then number.
    pub fn decisions(&self, event_id: i64) -> Result<Vec<Decision>> {
        self.list(event_id)
    }

    pub fn add_decision(&mut self, event_id: i64, decision: &Decision) -> Result<Decision> {
        self.add_row_if(&[("event_id", &event_id)], decision, |tx, d| {
            check_number_free(tx, event_id, d)
        })
    }

    pub fn save_decision(&mut self, decision: &Decision) -> Result<()> {
        let d = checked(decision)?;
        self.write_one(d.what(), |tx| {
            check_number_free(tx, event_of(tx, d.id)?, &d)?;
            update(tx, &d)
        })
    }

    /// Removes a decision and its recipients; returns them for undo.
    pub fn delete_decision(&mut self, id: i64) -> Result<RemovedDecision> {
        self.write(|tx| {
            let event_id = event_of(tx, id)?;
            let decision = decision_by_id(tx, id)?;
            let recipients = load_recipients(tx, "decision_id = ?1", id)?;
            tx.execute("DELETE FROM decision WHERE id = ?1", [id])?;
            Ok(RemovedDecision {
                event_id,
                decision,
                recipients,
            })
        })
    }

    pub fn restore_decision(&mut self, removed: &RemovedDecision) -> Result<()> {
        self.write(|tx| {
            insert(tx, &[("event_id", &removed.event_id)], &removed.decision)?;
            for r in &removed.recipients {
                insert_recipient(tx, &removed.decision, r)?;
            }
            Ok(())
        })
    }

    /// Every recipient of an event's decisions, by decision then position.
    pub fn recipients(&self, event_id: i64) -> Result<Vec<Recipient>> {
        load_recipients(
            &self.conn,
            "decision_id IN (SELECT id FROM decision WHERE event_id = ?1)",
            event_id,
        )
        .map_err(|e| self.fail(e))
    }

    /// Adds a recipient at the end of its decision. A form with a certificate and no register
    /// number gets the next number of the decision's register; a given number (undo, or
    /// typed by the secretary) is checked for uniqueness. An id of 0 gets a new id.
    pub fn add_recipient(&mut self, recipient: &Recipient) -> Result<Recipient> {
        let r = recipient.cleaned();
        r.validate()?;
        self.write(|tx| {
            let decision = decision_by_id(tx, r.decision_id)?;
            insert_recipient(tx, &decision, &r)
        })
    }

    /// Saves a recipient; a changed register number must be free in its register.
    pub fn save_recipient(&mut self, recipient: &Recipient) -> Result<Recipient> {
        let r = recipient.cleaned();
        r.validate()?;
        self.write(|tx| update_recipient(tx, &r))
    }

    pub fn delete_recipient(&mut self, id: i64) -> Result<Recipient> {
        self.write(|tx| {
            let removed = load_recipients(tx, "id = ?1", id)?
                .pop()
                .ok_or(rusqlite::Error::QueryReturnedNoRows)?;
            tx.execute("DELETE FROM recipient WHERE id = ?1", [id])?;
            Ok(removed)
        })
    }

    /// Imports recipients whose decisions are named by number and date: an existing decision
    /// of the event (same number) is used, a new one is created from `defaults` (the unit's
    /// issuer and signer) with the row's number and date. A recipient with an id other than
    /// 0 updates the stored one, which keeps its register number. A recipient the decision
    /// already has (same kind, name and unit) refuses the whole import. All or nothing.
    pub fn import_recipients(
        &mut self,
        event_id: i64,
        defaults: &Decision,
        rows: &[(String, NaiveDate, Recipient)],
    ) -> Result<RecipientImport> {
        let rows = checked_recipient_rows(defaults, rows)?;
        self.write(|tx| write_recipient_rows(tx, event_id, rows))
    }
}

/// Each row's decision (the defaults with the row's number and date) and recipient, cleaned
/// and validated.
pub(super) fn checked_recipient_rows(
    defaults: &Decision,
    rows: &[(String, NaiveDate, Recipient)],
) -> Result<Vec<(Decision, Recipient)>> {
    rows.iter()
        .map(|(number, date, r)| {
            let r = r.cleaned();
            r.validate()?;
            let decision = checked(&Decision {
                id: 0,
                number: number.clone(),
                date: *date,
                ..defaults.clone()
            })?;
            Ok((decision, r))
        })
        .collect()
}

/// Writes checked rows: an existing decision of the event with the same number is used, a
/// missing one is created.
pub(super) fn write_recipient_rows(
    tx: &Transaction<'_>,
    event_id: i64,
    mut rows: Vec<(Decision, Recipient)>,
) -> rusqlite::Result<RecipientImport> {
    let mut report = RecipientImport::default();
    let mut decisions: Vec<Decision> = list(tx, event_id)?;
    // Each decision's recipients by identity, read once when the first new row reaches it:
    // checking every new row against the stored list made a 10,000-row import quadratic.
    let mut listed: HashMap<i64, HashMap<Identity, Recipient>> = HashMap::new();
    // Updates first: a row added first could take the id of a recipient removed meanwhile,
    // and the update would overwrite it.
    rows.sort_by_key(|(_, r)| r.id == 0);
    for (wanted, r) in rows {
        let key = crate::text::fold(&wanted.number);
        let decision = match decisions
            .iter()
            .find(|d| crate::text::fold(&d.number) == key)
        {
            Some(d) => d.clone(),
            None => {
                let id = insert(tx, &[("event_id", &event_id)], &wanted)?;
                report.new_decisions += 1;
                let created = wanted.with_id(id);
                decisions.push(created.clone());
                created
            }
        };
        let r = Recipient {
            decision_id: decision.id,
            ..r
        };
        if r.id != 0 {
            update_recipient(tx, &r)?;
            report.updated += 1;
            continue;
        }
        let seen = match listed.entry(decision.id) {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => {
                let stored = load_recipients(tx, "decision_id = ?1", decision.id)?;
                entry.insert(stored.into_iter().map(|s| (s.identity(), s)).collect())
            }
        };
        if let Some(other) = seen.get(&r.identity()) {
            return Err(already_listed(&decision, other));
        }
        let saved = insert_listed(tx, &decision, &r)?;
        seen.insert(saved.identity(), saved.clone());
        report.recipients += 1;
        report.certificates += usize::from(saved.register_no.is_some());
    }
    Ok(report)
}

/// Saves a stored recipient (see `Store::save_recipient`).
fn update_recipient(tx: &Transaction<'_>, r: &Recipient) -> rusqlite::Result<Recipient> {
    let decision = decision_by_id(tx, r.decision_id)?;
    check_not_listed(tx, &decision, r)?;
    let (issuer, year) = register_of(tx, r.id)?.unwrap_or_else(|| decision.register());
    let number = number_for(tx, &issuer, year, r)?;
    let changed = bind_recipient(r, (&issuer, year), number, |values| {
        tx.execute(
            "UPDATE recipient SET kind = ?2, form = ?3, name = ?4, sex = ?5, birth_year = ?6,
             position_unit = ?7, achievement = ?8, register_issuer = ?9, register_year = ?10,
             register_no = ?11 WHERE id = ?1",
            joined(&[&r.id], values).as_slice(),
        )
    })?;
    if changed == 0 {
        return Err(invalid("Không tìm thấy người được khen này."));
    }
    Ok(Recipient {
        register_no: number,
        ..r.clone()
    })
}

/// A decision lists each recipient (same kind, name and unit, folded) once, so a register
/// number is never issued twice to the same recipient of the same decision.
fn check_not_listed(
    tx: &Transaction<'_>,
    decision: &Decision,
    r: &Recipient,
) -> rusqlite::Result<()> {
    let identity = r.identity();
    let listed = load_recipients(tx, "decision_id = ?1", decision.id)?
        .into_iter()
        .find(|other| other.id != r.id && other.identity() == identity);
    match listed {
        Some(other) => Err(already_listed(decision, &other)),
        None => Ok(()),
    }
}

/// The decision already lists `other`, whom a row names again.
fn already_listed(decision: &Decision, other: &Recipient) -> rusqlite::Error {
    invalid(&format!(
        "Quyết định số {} đã có {}{}; mỗi người chỉ được ghi một lần trong một quyết định (một số vào sổ).",
        decision.number,
        other.display_name(),
        if other.position.is_empty() {
            String::new()
        } else {
            format!(" ({})", other.position)
        }
    ))
}

fn invalid(message: &str) -> rusqlite::Error {
    super::error::rule(message.to_string())
}

fn check_number_free(tx: &Transaction<'_>, event_id: i64, d: &Decision) -> rusqlite::Result<()> {
    let clash: Option<i64> = tx
        .query_row(
            "SELECT id FROM decision WHERE event_id = ?1 AND number = ?2 AND id != ?3",
            params![event_id, d.number, d.id],
            |row| row.get(0),
        )
        .optional()?;
    match clash {
        Some(_) => Err(invalid(&format!(
            "Đã có quyết định số {} trong năm này.",
            d.number
        ))),
        None => Ok(()),
    }
}

/// The register number a recipient gets: none without a certificate, the typed one if it is
/// free, otherwise the next one.
fn number_for(
    tx: &Transaction<'_>,
    issuer: &str,
    year: i32,
    r: &Recipient,
) -> rusqlite::Result<Option<u32>> {
    if !r.form.has_certificate() {
        return Ok(None);
    }
    let last: u32 = tx
        .query_row(
            "SELECT last_no FROM register WHERE issuer = ?1 AND year = ?2",
            params![issuer, year],
            |row| row.get(0),
        )
        .optional()?
        .unwrap_or(0);
    let number = match r.register_no {
        Some(n) => {
            let holder: Option<String> = tx
                .query_row(
                    "SELECT name FROM recipient WHERE register_issuer = ?1 AND register_year = ?2
                     AND register_no = ?3 AND id != ?4",
                    params![issuer, year, n, r.id],
                    |row| row.get(0),
                )
                .optional()?;
            if let Some(holder) = holder {
                return Err(invalid(&format!(
                    "Số vào sổ {n} đã cấp cho {holder}; hãy chọn số khác."
                )));
            }
            n
        }
        None => last + 1,
    };
    tx.execute(
        "INSERT INTO register (issuer, year, last_no) VALUES (?1, ?2, ?3)
         ON CONFLICT (issuer, year) DO UPDATE SET last_no = max(last_no, excluded.last_no)",
        params![issuer, year, number],
    )?;
    Ok(Some(number))
}

fn register_of(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<Option<(String, i32)>> {
    Ok(tx
        .query_row(
            "SELECT register_issuer, register_year FROM recipient WHERE id = ?1",
            [id],
            |row| {
                Ok((
                    row.get::<_, Option<String>>(0)?,
                    row.get::<_, Option<i32>>(1)?,
                ))
            },
        )
        .optional()?
        .and_then(|(issuer, year)| Some((issuer?, year?))))
}

fn event_of(tx: &Transaction<'_>, decision_id: i64) -> rusqlite::Result<i64> {
    tx.query_row(
        "SELECT event_id FROM decision WHERE id = ?1",
        [decision_id],
        |row| row.get(0),
    )
}

fn decision_by_id(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<Decision> {
    select(tx, "id = ?1", [id])?
        .pop()
        .ok_or_else(|| invalid("Không tìm thấy quyết định của người được khen."))
}

/// Inserts at the end of the decision, numbering it in the decision's register. A new
/// recipient (id 0) the decision already lists is refused; one put back under its old id
/// (undo) keeps its number and is not checked.
fn insert_recipient(
    tx: &Transaction<'_>,
    decision: &Decision,
    r: &Recipient,
) -> rusqlite::Result<Recipient> {
    if r.id == 0 {
        check_not_listed(tx, decision, r)?;
    }
    insert_listed(tx, decision, r)
}

/// Inserts a recipient the caller has checked the decision does not list yet.
fn insert_listed(
    tx: &Transaction<'_>,
    decision: &Decision,
    r: &Recipient,
) -> rusqlite::Result<Recipient> {
    let (issuer, year) = decision.register();
    let number = number_for(tx, &issuer, year, r)?;
    let position: i64 = tx.query_row(
        "SELECT COALESCE(MAX(position), 0) + 1 FROM recipient WHERE decision_id = ?1",
        [decision.id],
        |row| row.get(0),
    )?;
    let id = (r.id != 0).then_some(r.id);
    bind_recipient(r, (&issuer, year), number, |values| {
        tx.prepare_cached(
            "INSERT INTO recipient (id, decision_id, position, kind, form, name, sex, birth_year,
             position_unit, achievement, register_issuer, register_year, register_no)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(joined(&[&id, &decision.id, &position], values).as_slice())
    })?;
    Ok(Recipient {
        id: tx.last_insert_rowid(),
        decision_id: decision.id,
        register_no: number,
        ..r.clone()
    })
}

/// Calls `f` with a recipient's stored columns from its kind to its register number (with the
/// register it is numbered in, when it has a number).
fn bind_recipient<T>(
    r: &Recipient,
    (issuer, year): (&str, i32),
    number: Option<u32>,
    f: impl FnOnce(&[&dyn ToSql]) -> T,
) -> T {
    f(params![
        r.kind.code(),
        r.form.code(),
        r.name,
        r.sex.map(Sex::code),
        r.birth_year,
        r.position,
        r.achievement,
        number.map(|_| issuer),
        number.map(|_| year),
        number
    ])
}

fn load_recipients(
    conn: &Connection,
    condition: &str,
    value: i64,
) -> rusqlite::Result<Vec<Recipient>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT r.id, r.decision_id, r.kind, r.form, r.name, r.sex, r.birth_year,
         r.position_unit, r.achievement, r.register_no
         FROM recipient r WHERE {condition} ORDER BY r.decision_id, r.position, r.id"
    ))?;
    stmt.query_map([value], recipient_from_row)?.collect()
}

fn recipient_from_row(row: &Row<'_>) -> rusqlite::Result<Recipient> {
    let kind: String = row.get(2)?;
    let form: String = row.get(3)?;
    let sex: Option<String> = row.get(5)?;
    Ok(Recipient {
        id: row.get(0)?,
        decision_id: row.get(1)?,
        kind: RecipientKind::from_code(&kind).unwrap_or(RecipientKind::Individual),
        form: Form::from_code(&form).unwrap_or(Form::Certificate),
        name: row.get(4)?,
        sex: sex.as_deref().and_then(Sex::from_code),
        birth_year: row.get(6)?,
        position: row.get(7)?,
        achievement: row.get(8)?,
        register_no: row.get(9)?,
    })
}
