//! Lists from the commendation web software ("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"): the kind as a
//! code, Tên gọi, Chức vụ and Đơn vị công tác apart, the form as text or as a code explained
//! on the DANHMUC sheet, a header on two rows with merged cells, formulas read as the values
//! Excel saved, and what the secretary chooses for rows without a decision or a form.

#[path = "support/commendation.rs"]
mod commendation;
#[path = "support/files.rs"]
mod files;

use chrono::NaiveDate;
use commendation::{C, five, one_row_header, two_row_header};
use ngayhoi::domain::{Decision, Form, Recipient, RecipientKind, Sex};
use ngayhoi::import::recipients::{self, KnownRecipients};
use ngayhoi::import::{Field, Preview, RecipientRow, Stored};

/// Decision `id` of the ward's committee, signed by its chairman Nguyễn Văn Hùng.
fn decision(id: i64, number: &str) -> Decision {
    let mut ward = ngayhoi::demo::unit();
    ward.head_name = "Nguyễn Văn Hùng".into();
    Decision {
        id,
        ..Decision::defaults(&ward, number, NaiveDate::from_ymd_opt(2026, 8, 10).unwrap())
    }
}

/// The year's decisions, rows without a number going to the first.
fn year() -> KnownRecipients {
    KnownRecipients {
        decisions: vec![decision(1, "125/QĐ-UBND"), decision(2, "130/QĐ-UBND")],
        without_number: Some(1),
        ..KnownRecipients::default()
    }
}

type Seen<'a> = (usize, RecipientKind, &'a str, Option<Sex>, &'a str, Form);

fn seen(p: &Preview<RecipientRow>) -> Vec<Seen<'_>> {
    p.rows
        .iter()
        .map(|r| {
            let x = &r.value.recipient;
            (
                r.row,
                x.kind,
                x.name.as_str(),
                x.sex,
                x.position.as_str(),
                x.form,
            )
        })
        .collect()
}

fn reasons(p: &Preview<RecipientRow>) -> Vec<(usize, &str)> {
    p.errors
        .iter()
        .map(|e| (e.row, e.reason.as_str()))
        .collect()
}

#[test]
fn the_template_with_a_two_row_header_codes_and_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let path = two_row_header(dir.path(), "de-nghi-khen-thuong.xlsx", &five());
    let p = recipients::preview(&path, &year()).unwrap();
    assert_eq!(
        p.conversion.sheet_name.as_deref(),
        Some("DANHSACH"),
        "the list, not the code sheet before it"
    );
    assert!(
        p.conversion.notes().contains(
            &"Trang “DANHMUC”: 7 mã dùng để hiểu các ô ghi mã (phân loại, hình thức).".to_string()
        ),
        "{:?}",
        p.conversion.notes()
    );
    assert_eq!(
        (p.mapping.group_row, p.mapping.header_row),
        (Some(5), Some(6))
    );
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    use RecipientKind::*;
    assert_eq!(
        seen(&p),
        vec![
            (
                9,
                Individual,
                "Nguyễn Văn Hải",
                Some(Sex::Male),
                "Tổ trưởng tổ dân phố 3, Khu phố 1",
                Form::Certificate
            ),
            (
                10,
                Individual,
                "Trần Thị Lan",
                Some(Sex::Female),
                "Chi hội trưởng Chi hội Phụ nữ, Khu phố 2",
                Form::Certificate
            ),
            (
                11,
                Collective,
                "Ban bảo vệ dân phố Khu phố 3",
                None,
                "",
                Form::Merit
            ),
            (
                12,
                Household,
                "Hộ ông Lê Văn Tư",
                None,
                "Khu phố 4",
                Form::Praise
            ),
            (
                13,
                Individual,
                "Phạm Minh Tuấn",
                None,
                "Công an viên, Công an phường Chợ Quán",
                Form::Certificate
            ),
        ]
    );
    // The total row and the signature under it are not rows.
    assert_eq!(p.counts.data_rows, 5);
    assert!(p.warnings.iter().any(|w| w.row == 14));
    // Rows without a decision go to the one chosen, under its number and date.
    for row in &p.rows {
        assert_eq!(row.value.decision_number, "125/QĐ-UBND");
        assert_eq!(
            row.value.decision_date,
            NaiveDate::from_ymd_opt(2026, 8, 10)
        );
    }
    let headers: Vec<&str> = p.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers[..4],
        [
            "STT",
            "Phân loại khen thưởng",
            "Tên gọi (Ông/Bà/Chức danh)",
            "Tên tập thể/cá nhân/hộ gia đình"
        ]
    );
    assert_eq!(p.columns[2].field, Some(Field::Salutation));
    assert_eq!(p.columns[5].field, Some(Field::Workplace));
}

#[test]
fn the_one_row_template_with_forms_written_out_and_a_form_chosen_for_empty_cells() {
    use C::*;
    let dir = tempfile::tempdir().unwrap();
    let path = one_row_header(
        dir.path(),
        "danh-sach.xlsx",
        &[
            [
                T("CANHAN"),
                E,
                T("Võ Thị Sáu"),
                T("Tổ phó"),
                T("Tổ dân phố 7"),
                T("Giấy khen"),
            ],
            [
                T("TAPTHE"),
                E,
                T("Chi đoàn Khu phố 5"),
                E,
                E,
                T("Bằng khen của Chủ tịch UBND Thành phố"),
            ],
            [
                T("HOGIADINH"),
                E,
                T("Hộ bà Đinh Thị Mận"),
                E,
                T("Khu phố 6"),
                E,
            ],
        ],
    );
    let p = recipients::preview(&path, &year()).unwrap();
    assert_eq!(p.mapping.header_row, Some(5));
    assert_eq!(
        reasons(&p),
        [(9, "Thiếu hình thức (Giấy khen, Bằng khen, Biểu dương).")]
    );
    assert!(!p.can_save());

    let chosen = KnownRecipients {
        without_form: Some(Form::Praise),
        ..year()
    };
    let p = recipients::preview(&path, &chosen).unwrap();
    assert!(p.can_save(), "{:?}", p.errors);
    use RecipientKind::*;
    assert_eq!(
        seen(&p),
        vec![
            (
                7,
                Individual,
                "Võ Thị Sáu",
                None,
                "Tổ phó, Tổ dân phố 7",
                Form::Certificate
            ),
            (8, Collective, "Chi đoàn Khu phố 5", None, "", Form::Merit),
            (
                9,
                Household,
                "Hộ bà Đinh Thị Mận",
                None,
                "Khu phố 6",
                Form::Praise
            ),
        ],
        "a form written in the file stays; only the empty one gets the choice"
    );
}

#[test]
fn a_list_without_a_form_column_needs_the_form_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ds.csv");
    std::fs::write(
        &path,
        "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG\nSTT;Phân loại khen thưởng;Tên tập thể/cá nhân/hộ gia đình;Chức vụ;Đơn vị công tác\n1;CANHAN;Hồ Văn Mười;Bảo vệ dân phố;Khu phố 1\n",
    )
    .unwrap();
    let p = recipients::preview(&path, &year()).unwrap();
    assert_eq!(p.missing, [Field::Form]);
    let chosen = KnownRecipients {
        without_form: Some(Form::Certificate),
        ..year()
    };
    let p = recipients::preview(&path, &chosen).unwrap();
    assert!(p.missing.is_empty());
    assert_eq!(p.rows[0].value.recipient.form, Form::Certificate);
    assert_eq!(
        p.rows[0].value.recipient.position,
        "Bảo vệ dân phố, Khu phố 1"
    );
}

#[test]
fn unknown_codes_are_refused_with_the_row_and_the_reason() {
    use C::*;
    let dir = tempfile::tempdir().unwrap();
    let mut rows = five();
    rows.push(commendation::UNKNOWN_FORM_CODE);
    rows.push(commendation::TITLE_NOT_FORM);
    rows.push([T("CANHAM"), E, T("Đào Văn Chín"), E, E, T("GKCT")]);
    let path = two_row_header(dir.path(), "sai-ma.xlsx", &rows);
    let p = recipients::preview(&path, &year()).unwrap();
    assert_eq!(
        reasons(&p),
        [
            (
                14,
                "Mã “GKXX” không có trong trang danh mục của tệp (Hình thức; nhận: Giấy khen, Bằng khen, Biểu dương)."
            ),
            (
                15,
                "Mã “LDTT” trong trang danh mục là “Lao động tiên tiến”, không phải hình thức khen thưởng (nhận: Giấy khen, Bằng khen, Biểu dương)."
            ),
            (
                16,
                "Mã “CANHAM” không có trong trang danh mục của tệp (Đối tượng; nhận: Cá nhân, Tập thể, Hộ gia đình, hoặc mã CANHAN, TAPTHE, HOGIADINH)."
            ),
        ]
    );
    assert!(!p.can_save(), "a list with one bad row saves nothing");
}

#[test]
fn the_same_list_again_is_already_stored() {
    let dir = tempfile::tempdir().unwrap();
    let path = two_row_header(dir.path(), "de-nghi.xlsx", &five());
    let first = recipients::preview(&path, &year()).unwrap();
    // What storage would hold after the first import: the rows under decision 1.
    let stored: Vec<Recipient> = first
        .values()
        .enumerate()
        .map(|(i, row)| Recipient {
            id: i as i64 + 1,
            decision_id: 1,
            ..row.recipient.clone()
        })
        .collect();
    let known = KnownRecipients {
        recipients: stored,
        ..year()
    };
    let again = recipients::preview(&path, &known).unwrap();
    assert_eq!(again.counts.same, 5);
    assert!(again.rows.iter().all(|r| r.stored == Stored::Same));
    assert!(again.to_save(Default::default()).is_empty());

    // Put into the other decision, they are new there.
    let other = KnownRecipients {
        without_number: Some(2),
        ..known
    };
    let elsewhere = recipients::preview(&path, &other).unwrap();
    assert_eq!(elsewhere.counts.fresh(), 5);
}

#[test]
fn the_template_as_libreoffice_calc_saves_it() {
    // tests/corpus/make_commendation_xlsx.py: an instructions sheet first, then DANHMUC and
    // DANHSACH, the values of the formulas computed by Calc.
    let p = recipients::preview(&files::corpus("de-nghi-khen-thuong.xlsx"), &year()).unwrap();
    assert_eq!(p.conversion.sheet_name.as_deref(), Some("DANHSACH"));
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    use RecipientKind::*;
    assert_eq!(
        seen(&p),
        vec![
            (
                9,
                Individual,
                "Đặng Văn Lâm",
                Some(Sex::Male),
                "Tổ trưởng tổ dân phố 2, Khu phố 3",
                Form::Certificate
            ),
            (
                10,
                Individual,
                "Huỳnh Thị Ngọc Ánh",
                Some(Sex::Female),
                "Trưởng ban công tác Mặt trận, Khu phố 1",
                Form::Certificate
            ),
            (
                11,
                Collective,
                "Tổ bảo vệ an ninh trật tự Khu phố 6",
                None,
                "",
                Form::Merit
            ),
            (
                12,
                Household,
                "Hộ ông Trịnh Văn Phúc",
                None,
                "Khu phố 2",
                Form::Praise
            ),
            (
                13,
                Individual,
                "Nguyễn Quốc Bảo",
                None,
                "Phó Trưởng Công an phường, Công an phường Chợ Quán",
                Form::Certificate
            ),
        ]
    );
    assert_eq!(p.counts.data_rows, 5);
}
