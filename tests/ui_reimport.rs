//! The same list opened twice in the window: the preview says how many rows are already
//! stored and skips them; a changed row is updated only when the secretary ticks the box;
//! duplicates are added only on purpose.

mod common;

use common::*;
use ngayhoi::domain::Household;
use ngayhoi::gui::{App, Section};
use ngayhoi::storage::Store;

const LIST: &str = "STT;Họ và tên;Năm sinh;Địa chỉ;Diện;Số điện thoại\n\
    1;Hồ Văn Mười;1950;Tổ 1, Khu phố 3;Hộ nghèo;\n\
    2;Đinh Thị Tư;1948;Tổ 2, Khu phố 4;Gia đình liệt sĩ;0912345678\n\
    3;Lý Văn Năm;;Tổ 3, Khu phố 1;Khác;\n";

fn households(dir: &tempfile::TempDir) -> Vec<Household> {
    reopen(&db(dir)).households().unwrap()
}

fn open(app: &mut App, file: &std::path::Path) {
    import_households(app, file);
}

/// `LIST` saved as "ho.csv" and opened for import; the file.
fn open_list(app: &mut App, dir: &tempfile::TempDir) -> std::path::PathBuf {
    let file = saved(dir, "ho.csv", LIST);
    open(app, &file);
    file
}

#[test]
fn the_same_list_imported_twice_is_skipped_and_the_preview_says_so() {
    let (dir, mut app) = demo_in_new_folder(Section::Visits);
    let file = open_list(&mut app, &dir);
    assert!(shows(
        &app,
        "3 dòng dữ liệu: 3 dòng mới, 0 dòng đã có, 0 dòng lỗi."
    ));
    click(&mut app, "Nhập 3 hộ");
    let once = households(&dir);
    assert_eq!(once.len(), 19);

    // The same file again: every row is already stored.
    open(&mut app, &file);
    assert_shows(
        &app,
        &[
            "3 dòng dữ liệu: 0 dòng mới, 3 dòng đã có, 0 dòng lỗi.",
            "Bỏ qua 3 dòng đã có trong dữ liệu (không nhập hai lần).",
            "Không có gì mới để nhập",
        ],
    );
    click(&mut app, "Không có gì mới để nhập");
    assert_eq!(households(&dir), once, "nothing is added twice");

    // Added again only on purpose.
    click(&mut app, "Vẫn nhập 3 dòng đã có thành hộ mới (nhập trùng)");
    click(&mut app, "Nhập 3 hộ");
    assert_eq!(households(&dir).len(), 22);
}

#[test]
fn a_changed_row_updates_the_household_only_when_ticked() {
    let (dir, mut app) = demo_in_new_folder(Section::Visits);
    open_list(&mut app, &dir);
    click(&mut app, "Nhập 3 hộ");
    let once = households(&dir);

    // Typed again without accents, with a phone number for one of them.
    let changed = saved(
        &dir,
        "ho-2.csv",
        "Ho va ten;Nam sinh;Dia chi;Dien;So dien thoai\n\
         HO VAN MUOI;1950;To 1, Khu pho 3;Ho ngheo;0987654321\n\
         Dinh Thi Tu;1948;To 2, Khu pho 4;Gia dinh liet si;\n",
    );
    open(&mut app, &changed);
    assert_shows(
        &app,
        &[
            "2 dòng dữ liệu: 0 dòng mới, 2 dòng đã có, 0 dòng lỗi.",
            "Bỏ qua 1 dòng đã có trong dữ liệu (không nhập hai lần).",
            "Dòng 2: Số điện thoại: (trống) → “0987654321”.",
            "Không có gì mới để nhập",
        ],
    );
    click(&mut app, "Cập nhật 1 hộ đã có với thông tin mới");
    click(&mut app, "Cập nhật 1 hộ");
    assert!(
        shows(
            &app,
            "Đã cập nhật 1 hộ. Bản sao lưu trước khi nhập ở trong thư mục sao lưu."
        ),
        "an updated household is not counted as imported"
    );
    let after = households(&dir);
    assert_eq!(after.len(), once.len(), "an update adds no household");
    let muoi = after.iter().find(|h| h.name == "Hồ Văn Mười").unwrap();
    assert_eq!(muoi.phone, "0987654321");
    assert!(
        after
            .iter()
            .any(|h| h.name == "Đinh Thị Tư" && h.phone == "0912345678"),
        "the unchanged row keeps its stored phone"
    );
}

#[test]
fn a_recipient_list_opened_again_keeps_its_register_numbers() {
    let (dir, mut app) = demo_in_new_folder(Section::Honors);
    assert_eq!(app.section(), Some(Section::Honors));
    let numbers = || {
        let mut out: Vec<(String, Option<u32>)> = of_2026(&dir, Store::recipients)
            .into_iter()
            .map(|r| (r.name, r.register_no))
            .collect();
        out.sort();
        out
    };
    let file = saved(
        &dir,
        "khen.csv",
        "Hình thức;Đối tượng;Họ và tên;Chức vụ, đơn vị;Số quyết định;Ngày quyết định\n\
         Giấy khen;Cá nhân;Võ Văn Kiệt;Tổ viên tổ dân phố 9;130/QĐ-UBND;20/08/2026\n\
         Giấy khen;Cá nhân;Lê Thị Riêng;Tổ phó tổ dân phố 2;130/QĐ-UBND;20/08/2026\n",
    );
    let open = |app: &mut App| import_recipients(app, &file);
    open(&mut app);
    click(&mut app, "Nhập 2 người được khen");
    let once = numbers();
    assert!(once.contains(&("Võ Văn Kiệt".to_string(), Some(6))));

    open(&mut app);
    assert_shows(
        &app,
        &[
            "2 dòng dữ liệu: 0 dòng mới, 2 dòng đã có, 0 dòng lỗi.",
            "Bỏ qua 2 dòng đã có trong dữ liệu (không nhập hai lần).",
            "Không có gì mới để nhập",
        ],
    );
    assert!(
        !shows(
            &app,
            "Vẫn nhập 2 dòng đã có thành người được khen mới (nhập trùng)"
        ),
        "recipients are never added twice"
    );
    click(&mut app, "Không có gì mới để nhập");
    assert_eq!(numbers(), once, "no second register number");
}
