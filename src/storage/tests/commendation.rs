use chrono::NaiveDate;

use super::support::{ward, ward_store};
use crate::domain::{Decision, Form, Recipient, RecipientKind};
use crate::storage::*;

/// A decision of the ward's committee, signed by its chairman Nguyễn Văn Hùng.
fn decision(number: &str) -> Decision {
    let mut unit = ward();
    unit.head_name = "Nguyễn Văn Hùng".into();
    Decision::defaults(&unit, number, NaiveDate::from_ymd_opt(2026, 8, 10).unwrap())
}

fn person(decision_id: i64, name: &str, form: Form) -> Recipient {
    Recipient::new(decision_id, RecipientKind::Individual, form, name)
}

/// The decision numbered `number`, added to the event.
fn add_decision(store: &mut Store, event_id: i64, number: &str) -> Decision {
    store.add_decision(event_id, &decision(number)).unwrap()
}

/// `name`, commended with `form` by the decision `decision_id`, added: with its register number.
fn add_person(store: &mut Store, decision_id: i64, name: &str, form: Form) -> Recipient {
    store
        .add_recipient(&person(decision_id, name, form))
        .unwrap()
}

#[test]
fn register_numbers_run_per_issuer_and_year_and_are_never_reused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event_id, d1) = with_decision(&dir);
    let d2 = add_decision(&mut store, event_id, "124/QĐ-UBND");
    let a = add_person(&mut store, d1.id, "Nguyễn Văn An", Form::Certificate);
    let b = add_person(&mut store, d1.id, "Lê Thị Bình", Form::Certificate);
    let praise = add_person(&mut store, d1.id, "Võ Văn Cường", Form::Praise);
    let c = add_person(&mut store, d2.id, "Tổ dân phố 5", Form::Certificate);
    assert_eq!(
        [
            a.register_no,
            b.register_no,
            praise.register_no,
            c.register_no
        ],
        [Some(1), Some(2), None, Some(3)],
        "one register for the issuer's year, across decisions; praise gets no number"
    );

    // Undo brings the same number back; a removed number is never handed out again.
    let removed = store.delete_recipient(c.id).unwrap();
    let back = store.add_recipient(&removed).unwrap();
    assert_eq!((back.id, back.register_no), (c.id, Some(3)));
    store.delete_recipient(c.id).unwrap();
    let d = add_person(&mut store, d2.id, "Trần Văn Dũng", Form::Certificate);
    assert_eq!(d.register_no, Some(4));
    assert_eq!(store.recipients(event_id).unwrap().len(), 4);

    // Another issuer has its own register.
    let province = Decision {
        issuer: "Ủy ban nhân dân Thành phố Hồ Chí Minh".into(),
        ..decision("999/QĐ-UBND")
    };
    let p = store.add_decision(event_id, &province).unwrap();
    let e = add_person(&mut store, p.id, "Phạm Thị Én", Form::Merit);
    assert_eq!(e.register_no, Some(1));
}

#[test]
fn a_typed_register_number_must_be_free() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event_id, d) = with_decision(&dir);
    let a = add_person(&mut store, d.id, "Nguyễn Văn An", Form::Certificate);
    let b = add_person(&mut store, d.id, "Lê Thị Bình", Form::Certificate);
    let clash = store.save_recipient(&Recipient {
        register_no: a.register_no,
        ..b.clone()
    });
    let message = clash.unwrap_err().to_string();
    assert!(
        message.contains("Số vào sổ 1 đã cấp cho Nguyễn Văn An"),
        "{message}"
    );
    assert_eq!(store.recipients(event_id).unwrap()[1].register_no, Some(2));

    let moved = store
        .save_recipient(&Recipient {
            register_no: Some(40),
            ..b
        })
        .unwrap();
    assert_eq!(moved.register_no, Some(40));
    let next = add_person(&mut store, d.id, "Mới", Form::Certificate);
    assert_eq!(next.register_no, Some(41));
}

#[test]
fn duplicate_decision_numbers_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event_id, _) = with_decision(&dir);
    let error = store
        .add_decision(event_id, &decision("123/QĐ-UBND"))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Đã có quyết định số 123/QĐ-UBND trong năm này."
    );
}

#[test]
fn removing_a_decision_can_be_undone_with_the_same_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event_id, d) = with_decision(&dir);
    add_person(&mut store, d.id, "Nguyễn Văn An", Form::Certificate);
    add_person(&mut store, d.id, "Lê Thị Bình", Form::Certificate);
    let before = store.recipients(event_id).unwrap();
    let removed = store.delete_decision(d.id).unwrap();
    assert!(store.decisions(event_id).unwrap().is_empty());
    assert!(store.recipients(event_id).unwrap().is_empty());
    store.restore_decision(&removed).unwrap();
    assert_eq!(store.recipients(event_id).unwrap(), before);
}

#[test]
fn imported_recipients_create_missing_decisions_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event_id) = store(&dir);
    let day = NaiveDate::from_ymd_opt(2026, 8, 12).unwrap();
    // A row of the list: the decision's number, its date and the person it commends.
    let row = |number: &str, name: &str, form| (number.to_string(), day, person(0, name, form));
    let rows = vec![
        row("130/QĐ-UBND", "Nguyễn Văn An", Form::Certificate),
        row("130/QĐ-UBND", "Lê Thị Bình", Form::Praise),
        row("131/QĐ-UBND", "Tổ 7", Form::Certificate),
    ];
    let mut bad = rows.clone();
    bad.push(row("131/QĐ-UBND", " ", Form::Certificate));
    let err = store
        .import_recipients(event_id, &decision(""), &bad)
        .unwrap_err()
        .to_string();
    assert_eq!(err, "Họ và tên không được để trống.");
    assert!(store.decisions(event_id).unwrap().is_empty());

    let report = store
        .import_recipients(event_id, &decision(""), &rows)
        .unwrap();
    assert_eq!(report.recipients, 3);
    assert_eq!(report.new_decisions, 2);
    assert_eq!(report.certificates, 2);
    let decisions = store.decisions(event_id).unwrap();
    assert_eq!(decisions[0].date, day);
    assert_eq!(decisions[0].signer_name, "Nguyễn Văn Hùng");
}

#[test]
fn a_decision_never_numbers_the_same_recipient_twice() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, event_id, d1) = with_decision(&dir);
    let d2 = add_decision(&mut store, event_id, "124/QĐ-UBND");
    let mut an = person(d1.id, "Nguyễn Văn An", Form::Certificate);
    an.position = "Tổ trưởng tổ 5".into();
    let first = store.add_recipient(&an).unwrap();
    assert_eq!(first.register_no, Some(1));

    // The same person typed without accents, by hand or in an import: refused, no number.
    let mut again = person(d1.id, "NGUYEN VAN AN", Form::Certificate);
    again.position = "to truong to 5".into();
    let err = store.add_recipient(&again).unwrap_err().to_string();
    assert!(
        err.contains("đã có Nguyễn Văn An (Tổ trưởng tổ 5)"),
        "{err}"
    );
    let rows = [("123/QĐ-UBND".to_string(), decision("").date, again.clone())];
    let err = store
        .import_recipients(event_id, &decision(""), &rows)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "Quyết định số 123/QĐ-UBND đã có Nguyễn Văn An (Tổ trưởng tổ 5); mỗi người chỉ được ghi một lần trong một quyết định (một số vào sổ)."
    );
    assert_eq!(store.recipients(event_id).unwrap(), vec![first.clone()]);

    // Another unit, or another decision, is another commendation.
    again.position = "Tổ phó tổ 5".into();
    assert_eq!(store.add_recipient(&again).unwrap().register_no, Some(2));
    let other = person(d2.id, "Nguyễn Văn An", Form::Certificate);
    assert_eq!(store.add_recipient(&other).unwrap().register_no, Some(3));

    // Editing one into a copy of another is refused too.
    let mut edited = store.recipients(event_id).unwrap()[1].clone();
    edited.position = "Tổ trưởng tổ 5".into();
    let err = store.save_recipient(&edited).unwrap_err().to_string();
    assert_eq!(
        err,
        "Quyết định số 123/QĐ-UBND đã có Nguyễn Văn An (Tổ trưởng tổ 5); mỗi người chỉ được ghi một lần trong một quyết định (một số vào sổ)."
    );
}

fn store(dir: &tempfile::TempDir) -> (Store, i64) {
    ward_store(dir, 2026)
}

/// The ward's 2026 file in `dir` with decision 123/QĐ-UBND: the store, the event's id and the
/// decision.
fn with_decision(dir: &tempfile::TempDir) -> (Store, i64, Decision) {
    let (mut store, event_id) = store(dir);
    let decision = add_decision(&mut store, event_id, "123/QĐ-UBND");
    (store, event_id, decision)
}
