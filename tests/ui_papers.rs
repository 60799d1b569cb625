//! Printing as a secretary does it: Ctrl+P shows the paper as it will print, saving writes the
//! PDF; a paper with nothing to print says so. And the residential areas the festival's teams
//! come from, edited in settings.

mod common;

use common::*;
use iced::keyboard::{Modifiers, key::Named};
use ngayhoi::gui::screen::papers;
use ngayhoi::gui::workspace::Message as Ws;
use ngayhoi::gui::{App, Message, Section};
use ngayhoi::papers::Paper;

/// "In ấn" in the sidebar, then the paper's tab.
fn open_paper(app: &mut App, paper: Paper) {
    click(app, "In ấn");
    assert_eq!(app.section(), Some(Section::Papers));
    interact(app, |ui| ui.click(paper.title()).map(drop));
}

#[test]
fn ctrl_p_on_the_ceremony_shows_the_program_as_it_will_print() {
    let (_dir, mut app) = demo_in_new_folder(Section::Ceremony);
    ctrl_key(&mut app, "p");
    assert_eq!(app.section(), Some(Section::Papers));
    assert_shows(
        &app,
        &["In ấn · Năm 2026", "Trang 1 / 2", "Lưu PDF để in… (Ctrl+P)"],
    );
}

#[test]
fn saving_writes_the_pdf_and_offers_to_open_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    open_paper(&mut app, Paper::Festival);
    let target = dir.path().join("phan-hoi.pdf");
    through_dialog(
        &mut app,
        "Lưu PDF để in… (Ctrl+P)",
        |m| matches!(m, Message::Workspace(Ws::Papers(papers::Message::Save))),
        Ws::Papers(papers::Message::Chosen(Some(target.clone()))),
    );
    let bytes = std::fs::read(&target).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert!(shows(&app, &format!("Đã lưu “{}”.", target.display())));
    assert!(shows(&app, "Mở để in"));
}

#[test]
fn a_paper_with_nothing_to_print_says_what_to_fill_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::boot(db(&dir), today());
    welcome(&mut app, "Xã Tân Phú", "Tỉnh Đồng Nai", None);
    open_paper(&mut app, Paper::Festival);
    assert!(shows(
        &app,
        "Phần hội chưa có hoạt động nào, nên chưa có gì để in."
    ));
    // The standard program of a new unit is there to print at once.
    interact(&mut app, |ui| ui.click(Paper::Program.title()).map(drop));
    assert!(shows(&app, "Trang 1 / 1"));
}

#[test]
fn residential_areas_are_edited_in_settings_and_undone() {
    let (dir, mut app) = demo_in_new_folder(Section::Settings);
    // At the end of the list (Ctrl+End), a new line and the new area.
    interact(&mut app, |ui| {
        click_field(ui, "settings-areas");
        let _ = ui.simulate([iced::Event::Keyboard(key(Named::End, Modifiers::CTRL))]);
        let _ = ui.tap_key(Named::Enter);
        let _ = ui.typewrite("Khu phố 6");
        Ok(())
    });
    let areas = reopen(&db(&dir)).areas().unwrap();
    assert_eq!(areas.last().unwrap(), "Khu phố 6");
    assert_eq!(areas.len(), 6);
    undo(&mut app);
    assert_eq!(reopen(&db(&dir)).areas().unwrap().len(), 5);
}
