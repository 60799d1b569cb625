//! Storage jobs for the workspace, built from screen events. Kept apart from the screens so
//! that screens never touch storage, and apart from the workspace so that it stays readable.

use super::data::{Created, Done, Job, Kind, Removed};
use super::records;
use super::screen::{ceremony, certificates, consolidation, guests, honors, report, visits};
use crate::domain::Unit;
use crate::storage::{self, BackupReason, Store};

/// A change that shows the same year afterwards.
pub fn change(mut f: impl FnMut(&mut Store) -> storage::Result<()> + Send + 'static) -> Job {
    Box::new(move |store| {
        f(store)?;
        Ok(Done::default())
    })
}

/// A removal whose rows come back with undo: the job hands back what it took
/// (`Done::removed`), as `removed` calls it.
fn removal<T: 'static>(
    mut f: impl FnMut(&mut Store) -> storage::Result<T> + Send + 'static,
    removed: fn(T) -> Removed,
) -> Job {
    Box::new(move |store| {
        Ok(Done {
            removed: Some(removed(f(store)?)),
            ..Done::default()
        })
    })
}

/// A change that creates a row of `kind`, reported back with its id and `name` so that the
/// screen that asked can offer to undo creating it.
pub fn create(
    kind: Kind,
    label: String,
    mut f: impl FnMut(&mut Store) -> storage::Result<i64> + Send + 'static,
) -> Job {
    Box::new(move |store| {
        let id = f(store)?;
        Ok(Done {
            created: vec![Created {
                kind,
                id,
                label: label.clone(),
            }],
            ..Done::default()
        })
    })
}

/// Writes a change to a list of records (the records part's event): adding (or putting back
/// under its id), saving, removing.
pub fn record<R: records::Record>(event_id: i64, event: records::Event<R>) -> Job {
    match event {
        records::Event::Add(row) => add(row, move |s, row| {
            <R as storage::record::Record>::add(s, event_id, row)
        }),
        records::Event::Save(row) => change(move |s| <R as storage::record::Record>::save(s, &row)),
        records::Event::Remove(id) => {
            change(move |s| <R as storage::record::Record>::remove(s, id))
        }
    }
}

/// Adds a row with `f`: a new one (id 0) is reported with its kind and label, so that adding
/// it can be undone; one put back under its id (undo) is not.
fn add<R: records::Record>(
    row: R,
    f: impl Fn(&mut Store, &R) -> storage::Result<i64> + Send + 'static,
) -> Job {
    if row.id() == 0 {
        create(R::KIND, row.label(), move |s| f(s, &row))
    } else {
        change(move |s| f(s, &row).map(drop))
    }
}

/// Shows another year (no change).
pub fn show_year(year: i32) -> Job {
    Box::new(move |_| {
        Ok(Done {
            year: Some(year),
            ..Done::default()
        })
    })
}

pub fn program(event_id: i64, event: ceremony::Event) -> Job {
    match event {
        ceremony::Event::SaveEvent { base, event } => {
            change(move |s| s.save_event_changes(&base, &event))
        }
        ceremony::Event::Add(index, item) => add(item, move |s, item| {
            s.add_program_item(event_id, index, item)
                .map(|added| added.id)
        }),
        ceremony::Event::Items(event) => record(event_id, event),
        ceremony::Event::Reorder(ids) => change(move |s| s.set_program_order(event_id, &ids)),
    }
}

pub fn guests(event_id: i64, event: guests::Event) -> Job {
    match event {
        guests::Event::Delegates(event) => record(event_id, event),
        guests::Event::Points(event) => record(event_id, event),
    }
}

pub fn visits(event_id: i64, event: visits::Event) -> Job {
    match event {
        visits::Event::Households(event) => record(event_id, event),
        visits::Event::RemoveHousehold(id) => {
            removal(move |s| s.delete_household(id), Removed::Household)
        }
        visits::Event::RestoreHousehold(removed) => change(move |s| s.restore_household(&removed)),
        visits::Event::PurgeHousehold(household) => Box::new(move |s| {
            let purged = s.purge_household(&household)?;
            Ok(Done {
                note: Some(purged.summary()),
                ..Done::default()
            })
        }),
        // Restoring removed visits (undo) keeps their ids; new ones are reported for undo.
        visits::Event::AddVisits(list) if list.iter().all(|v| v.id != 0) => {
            change(move |s| s.add_visits(event_id, &list).map(drop))
        }
        visits::Event::AddVisits(list) => Box::new(move |s| {
            let added = s.add_visits(event_id, &list)?;
            Ok(Done {
                created: added
                    .into_iter()
                    .map(|v| Created {
                        kind: Kind::Visit,
                        id: v.id,
                        label: String::new(),
                    })
                    .collect(),
                ..Done::default()
            })
        }),
        visits::Event::SaveVisits(list) => change(move |s| s.save_visits(&list)),
        visits::Event::RemoveVisits(ids) => change(move |s| s.delete_visits(&ids)),
        visits::Event::ImportHouseholds(rows) => Box::new(move |s| {
            s.backup_before(BackupReason::Import)?;
            // Rows carrying a stored household's id update it; the others are added.
            let updated = rows.iter().filter(|h| h.id != 0).count();
            let saved = s.import_households(&rows)?;
            let added = format!("{} hộ", saved.len() - updated);
            Ok(imported(&added, updated, "hộ"))
        }),
        visits::Event::ImportVisits(rows) => Box::new(move |s| {
            s.backup_before(BackupReason::Import)?;
            let done = s.import_visits(event_id, &rows)?;
            let added = format!("{} lượt thăm ({} hộ mới)", done.visits, done.new_households);
            Ok(imported(&added, done.updated, "lượt thăm"))
        }),
    }
}

/// `None` for opening a file, which is no storage job (the workspace opens it).
pub fn certificates(event: certificates::Event) -> Option<Job> {
    Some(match event {
        certificates::Event::SaveTemplate(t) => change(move |s| s.save_template(&t).map(drop)),
        certificates::Event::SavePrinter(p) => change(move |s| s.save_printer(&p).map(drop)),
        certificates::Event::DeletePrinter(id) => change(move |s| s.delete_printer(id)),
        certificates::Event::Open(_) => return None,
    })
}

/// The unit's fields that differ from `base`, the unit as the screen had it: what another
/// window changed meanwhile in other fields stays.
pub fn save_unit(base: Unit, unit: Unit) -> Job {
    change(move |s| s.save_unit_changes(&base, &unit))
}

/// `None` for opening a file, which is no storage job (the workspace opens it).
pub fn report(event_id: i64, event: report::Event) -> Option<Job> {
    Some(match event {
        report::Event::SetFigures(figures) => {
            change(move |s| s.set_entered_figures(event_id, &figures))
        }
        report::Event::SetSection(section, text) => {
            change(move |s| s.set_report_section(event_id, section, text.as_deref()))
        }
        report::Event::SaveUnit { base, unit } => save_unit(*base, *unit),
        report::Event::Open(_) => return None,
    })
}

pub fn honors(event_id: i64, data: &super::data::Snapshot, event: honors::Event) -> Job {
    match event {
        honors::Event::AddDecision(d) => {
            let label = format!("quyết định số {}", d.number);
            create(Kind::Decision, label, move |s| {
                s.add_decision(event_id, &d).map(|added| added.id)
            })
        }
        honors::Event::SaveDecision(d) => change(move |s| s.save_decision(&d)),
        honors::Event::RemoveDecision(id) => {
            removal(move |s| s.delete_decision(id), Removed::Decision)
        }
        honors::Event::RestoreDecision(removed) => change(move |s| s.restore_decision(&removed)),
        honors::Event::Recipients(event) => record(event_id, event),
        honors::Event::ImportRecipients(rows) => {
            let defaults = crate::domain::Decision::defaults(
                &data.unit,
                "",
                chrono::Local::now().date_naive(),
            );
            Box::new(move |s| {
                s.backup_before(BackupReason::Import)?;
                let done = s.import_recipients(event_id, &defaults, &rows)?;
                let added = format!(
                    "{} người được khen ({} quyết định mới, {} số vào sổ)",
                    done.recipients, done.new_decisions, done.certificates
                );
                Ok(imported(&added, done.updated, "người được khen"))
            })
        }
    }
}

/// What an import wrote, for the screen that imported: "Đã nhập 2 hộ, cập nhật 1 hộ." An
/// import that only updated says so ("Đã cập nhật 1 hộ.").
fn imported(added: &str, updated: usize, what: &str) -> Done {
    let only_updated = updated > 0 && added.starts_with("0 ");
    let mut note = if only_updated {
        format!("Đã cập nhật {updated} {what}.")
    } else if updated > 0 {
        format!("Đã nhập {added}, cập nhật {updated} {what}.")
    } else {
        format!("Đã nhập {added}.")
    };
    note.push_str(" Bản sao lưu trước khi nhập ở trong thư mục sao lưu.");
    Done {
        note: Some(note),
        ..Done::default()
    }
}

/// The Tổng hợp screen's changes: its list of expected units, a list of names added at once,
/// a batch of package files taken in (one line per file in the note), a replaced package
/// brought back. Opening a file writes nothing (`None`).
pub fn consolidation(event_id: i64, year: i32, event: consolidation::Event) -> Option<Job> {
    Some(match event {
        consolidation::Event::Units(event) => record(event_id, event),
        consolidation::Event::AddUnits(names) => Box::new(move |s| {
            let added = s.add_expected_units(event_id, &names)?;
            let note = match added {
                0 => "Các đơn vị này đã có trong danh sách.".to_string(),
                n => format!("Đã thêm {n} đơn vị vào danh sách."),
            };
            Ok(Done {
                note: Some(note),
                ..Done::default()
            })
        }),
        consolidation::Event::TakeIn(paths) => Box::new(move |s| {
            let now = chrono::Local::now().naive_local();
            let intakes = s.take_in_paths(year, &paths, now, false)?;
            let lines: Vec<String> = intakes.iter().map(|i| i.line()).collect();
            Ok(Done {
                note: Some(lines.join("\n")),
                ..Done::default()
            })
        }),
        consolidation::Event::Restore(id) => change(move |s| s.restore_package(id)),
        consolidation::Event::Open(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::{honors, imported, record};
    use crate::domain::{Decision, Delegate, YearEvent};
    use crate::gui::data::{Kind, Snapshot};
    use crate::gui::records;
    use crate::storage::Store;

    fn note(added: &str, updated: usize, what: &str) -> String {
        let note = imported(added, updated, what).note.unwrap();
        note.strip_suffix(" Bản sao lưu trước khi nhập ở trong thư mục sao lưu.")
            .unwrap()
            .to_string()
    }

    #[test]
    fn an_import_counts_updated_rows_apart_from_added_ones() {
        assert_eq!(note("2 hộ", 1, "hộ"), "Đã nhập 2 hộ, cập nhật 1 hộ.");
        assert_eq!(note("0 hộ", 1, "hộ"), "Đã cập nhật 1 hộ.");
        assert_eq!(note("3 hộ", 0, "hộ"), "Đã nhập 3 hộ.");
        assert_eq!(
            note("4 lượt thăm (1 hộ mới)", 2, "lượt thăm"),
            "Đã nhập 4 lượt thăm (1 hộ mới), cập nhật 2 lượt thăm."
        );
    }

    /// The undo notice of a new row ("Đã thêm …") is made of what its job reports.
    #[test]
    fn a_created_row_is_reported_by_what_its_undo_notice_calls_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("ngayhoi.sqlite3")).unwrap();
        let unit = crate::demo::unit();
        let event = store.initialize(&unit, &YearEvent::defaults(2026)).unwrap();
        let data = Snapshot::load(&store, Some(2026)).unwrap().unwrap();
        let decision = Decision::defaults(&unit, "12/QĐ-UBND", event.date);
        let delegate = Delegate {
            id: 0,
            name: "Lê Văn Nghĩa".into(),
            title: "Phó Chủ tịch".into(),
            organisation: "Ủy ban nhân dân phường".into(),
            rank: 1,
            attending: true,
        };
        let mut jobs = [
            honors(
                event.id,
                &data,
                crate::gui::screen::honors::Event::AddDecision(decision),
            ),
            record(event.id, records::Event::Add(delegate)),
        ];
        let created: Vec<_> = jobs
            .iter_mut()
            .flat_map(|job| job(&mut store).unwrap().created)
            .map(|c| (c.kind, c.label))
            .collect();
        assert_eq!(
            created,
            [
                (Kind::Decision, "quyết định số 12/QĐ-UBND".to_string()),
                (Kind::Delegate, "đại biểu Lê Văn Nghĩa".to_string()),
            ]
        );
    }
}
