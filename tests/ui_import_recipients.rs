//! A list from the commendation software imported in the window: the preview offers the
//! decision for rows without one and the form for rows without one, as pick lists the
//! secretary opens and chooses from; the import then goes through, once.

mod common;

#[path = "support/commendation.rs"]
mod commendation;

use common::*;
use iced::{Event, Point, mouse};
use iced_test::simulator;
use ngayhoi::domain::{Decision, Form, Recipient, RecipientKind};
use ngayhoi::gui::{App, Section};

fn year(dir: &tempfile::TempDir) -> (Vec<Decision>, Vec<Recipient>) {
    of_2026(dir, |store, event| {
        Ok((store.decisions(event)?, store.recipients(event)?))
    })
}

/// The labels beside the preview's two pick lists.
const DECISION: &str = "Dòng không ghi số quyết định đưa vào quyết định:";
const FORM: &str = "Dòng không ghi hình thức khen thưởng ghi là:";

/// Height of one choice in an open pick list: the text's line (13 px at 1.3) and the padding.
const OPTION: f32 = 13.0 * 1.3 + 8.0;

/// Clicks the pick list beside `label` and, in the menu it opens, the choice at `index`, as
/// the mouse would: a pick list draws its text itself, so it is found by its label.
fn choose(app: &mut App, label: &str, index: usize) {
    interact(app, |ui| {
        let beside = ui
            .find(label)?
            .visible_bounds()
            .expect("the label is on screen");
        let list = Point::new(beside.x + beside.width + 40.0, beside.center_y());
        ui.point_at(list);
        let _ = ui.simulate(simulator::click());
        let choice = Point::new(
            list.x,
            list.y + OPTION / 2.0 + OPTION * (index as f32 + 0.5),
        );
        ui.point_at(choice);
        let _ = ui.simulate([Event::Mouse(mouse::Event::CursorMoved { position: choice })]);
        let _ = ui.simulate(simulator::click());
        Ok(())
    });
}

/// Where a form stands in the pick list: after "— Không ghi (báo lỗi) —", in `Form::ALL`'s
/// order.
fn form_index(form: Form) -> usize {
    1 + Form::ALL.iter().position(|f| *f == form).unwrap()
}

fn open(app: &mut App, file: &std::path::Path) {
    import_recipients(app, file);
}

#[test]
fn rows_without_a_decision_or_a_form_get_the_ones_chosen_in_the_preview() {
    let (dir, mut app) = demo_in_new_folder(Section::Honors);
    // A second decision, selected on screen once added: rows would go there by default.
    add_proposed_decision(&mut app);
    let (decisions, before) = year(&dir);
    let d125 = decisions
        .iter()
        .find(|d| d.number == "125/QĐ-UBND")
        .unwrap();
    assert!(decisions.iter().any(|d| d.number == "126/QĐ-UBND"));

    let file = commendation::one_row_header(
        dir.path(),
        "de-nghi-khen-thuong.xlsx",
        &commendation::first_without_a_form(),
    );
    let index_125 = decisions.iter().position(|d| d.id == d125.id).unwrap();
    open(&mut app, &file);
    assert!(shows(&app, DECISION) && shows(&app, FORM));
    assert_shows(
        &app,
        &[
            "Dòng 7: Thiếu hình thức (Giấy khen, Bằng khen, Biểu dương).",
            "Chưa nhập được: hãy sửa các lỗi",
        ],
    );

    choose(&mut app, DECISION, index_125);
    choose(&mut app, FORM, form_index(Form::Certificate));
    assert!(shows(
        &app,
        "2 dòng dữ liệu: 2 dòng mới, 0 dòng đã có, 0 dòng lỗi."
    ));
    click_at_end(&mut app, "Nhập 2 người được khen");
    let (_, after) = year(&dir);
    assert_eq!(after.len(), before.len() + 2);
    let sau = after.iter().find(|r| r.name == "Võ Thị Sáu").unwrap();
    assert_eq!(
        (sau.decision_id, sau.form, sau.kind, sau.position.as_str()),
        (
            d125.id,
            Form::Certificate,
            RecipientKind::Individual,
            "Tổ phó, Tổ dân phố 7"
        )
    );
    let doan = after
        .iter()
        .find(|r| r.name == "Chi đoàn Khu phố 5")
        .unwrap();
    assert_eq!(
        (doan.decision_id, doan.form, doan.kind),
        (d125.id, Form::Merit, RecipientKind::Collective)
    );
    assert!(shows_part(
        &app,
        "Đã nhập 2 người được khen (0 quyết định mới, 2 số vào sổ)."
    ));

    // The same list again, into the same decision with the same form: nothing new.
    open(&mut app, &file);
    assert!(
        shows(
            &app,
            "2 dòng dữ liệu: 1 dòng mới, 0 dòng đã có, 1 dòng lỗi."
        ),
        "into the decision shown (126), without a form, until chosen again"
    );
    choose(&mut app, DECISION, index_125);
    choose(&mut app, FORM, form_index(Form::Certificate));
    assert_shows(
        &app,
        &[
            "2 dòng dữ liệu: 0 dòng mới, 2 dòng đã có, 0 dòng lỗi.",
            "Không có gì mới để nhập",
        ],
    );
    click_at_end(&mut app, "Không có gì mới để nhập");
    assert_eq!(year(&dir).1, after, "nothing is added twice");
}

#[test]
fn a_list_with_an_unknown_code_cannot_be_imported() {
    let (dir, mut app) = demo_in_new_folder(Section::Honors);
    let before = year(&dir);
    let mut rows = commendation::five();
    rows.push(commendation::TITLE_NOT_FORM);
    let file = commendation::two_row_header(dir.path(), "sai-ma.xlsx", &rows);
    open(&mut app, &file);
    assert_shows(
        &app,
        &[
            "6 dòng dữ liệu: 5 dòng mới, 0 dòng đã có, 1 dòng lỗi.",
            "Dòng 14: Mã “LDTT” trong trang danh mục là “Lao động tiên tiến”, không phải hình thức khen thưởng (nhận: Giấy khen, Bằng khen, Biểu dương).",
        ],
    );
    click_at_end(&mut app, "Chưa nhập được: hãy sửa các lỗi");
    assert_eq!(year(&dir), before, "nothing is saved");
}

#[test]
fn a_decision_added_while_the_preview_is_open_is_offered_for_the_rows() {
    let (dir, mut app) = demo_in_new_folder(Section::Honors);
    plan_2027(&mut app);
    let file = commendation::two_row_header(dir.path(), "de-nghi-2027.xlsx", &commendation::five());
    open(&mut app, &file);
    assert!(shows(
        &app,
        "Năm nay chưa có quyết định nào: hãy thêm một quyết định (nút “+ Quyết định mới”), các dòng đó sẽ vào quyết định ấy."
    ));
    assert!(!shows(&app, DECISION));

    add_decision_numbered(&mut app, "12/QĐ-UBND");
    assert!(shows(&app, DECISION), "the new decision is offered");
    assert!(shows(
        &app,
        "5 dòng dữ liệu: 5 dòng mới, 0 dòng đã có, 0 dòng lỗi."
    ));
    click_at_end(&mut app, "Nhập 5 người được khen");
    let store = reopen(&db(&dir));
    let event = store.event(2027).unwrap().unwrap();
    let decisions = store.decisions(event.id).unwrap();
    assert_eq!(decisions.len(), 1);
    let list = store.recipients(event.id).unwrap();
    assert_eq!(list.len(), 5);
    assert!(list.iter().all(|r| r.decision_id == decisions[0].id));
}
