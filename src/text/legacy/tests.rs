use super::*;

#[path = "../../../tests/support/legacy_tables.rs"]
mod tables;

const STACKED: &str = "Ấấ Ầầ Ẩẩ Ẫẫ Ắắ Ằằ Ẳẳ Ẵẵ Ếế Ềề Ểể Ễễ Ốố Ồồ Ổổ Ỗỗ Ợợ Ựự Ỳỳ Ỹỹ Đđ";
const LOWER: &str = "àáảãạâầấẩẫậăằắẳẵặđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";

#[test]
fn tcvn3_sample_from_the_brief() {
    assert_eq!(
        convert(Legacy::Tcvn3, "Céng hoµ x· héi chñ nghÜa ViÖt Nam"),
        "Cộng hoà xã hội chủ nghĩa Việt Nam"
    );
    assert_eq!(convert(Legacy::Tcvn3, "Tr\u{AD}êng"), "Trường");
}

#[test]
fn vni_sample() {
    assert_eq!(
        convert(Legacy::Vni, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"),
        "Cộng hòa xã hội chủ nghĩa Việt Nam"
    );
    assert_eq!(convert(Legacy::Vni, "Ñaëng Ñöùc Ngöôøi"), "Đặng Đức Người");
}

#[test]
fn every_lower_case_letter_converts_from_the_published_tables() {
    assert_eq!(convert(Legacy::Tcvn3, &tables::to_tcvn3(LOWER)), LOWER);
    assert_eq!(convert(Legacy::Vni, &tables::to_vni(LOWER)), LOWER);
    let upper = LOWER.to_uppercase();
    assert_eq!(convert(Legacy::Vni, &tables::to_vni(&upper)), upper);
}

#[test]
fn the_stacked_marks_survive_both_encodings() {
    assert_eq!(convert(Legacy::Vni, &tables::to_vni(STACKED)), STACKED);
    // TCVN3 has no toned capitals: a mixed-case word keeps the small letter.
    assert_eq!(
        convert(Legacy::Tcvn3, &tables::to_tcvn3(STACKED)),
        "ấấ ầầ ẩẩ ẫẫ ắắ ằằ ẳẳ ẵẵ ếế ềề ểể ễễ ốố ồồ ổổ ỗỗ ợợ ựự ỳỳ ỹỹ Đđ"
    );
}

#[test]
fn vn_time_h_capitals_come_back_as_capitals() {
    let title = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    assert_eq!(convert(Legacy::Tcvn3, &tables::to_tcvn3(title)), title);
    assert_eq!(convert(Legacy::Tcvn3, "NGUYÔN V¡N Lª"), "NGUYỄN VĂN LÊ");
    assert_eq!(convert(Legacy::Tcvn3, "Lª V¨n T¸m"), "Lê Văn Tám");
    assert_eq!(convert(Legacy::Tcvn3, "Hé nghÌo"), "Hộ nghèo");
}

#[test]
fn unicode_and_ascii_cells_are_left_alone() {
    for legacy in Legacy::ALL {
        assert_eq!(convert(legacy, "Nguyễn Văn Đức"), "Nguyễn Văn Đức");
        assert_eq!(convert(legacy, "Tổ 5, Khu phố 2"), "Tổ 5, Khu phố 2");
        assert_eq!(convert(legacy, "Le Van Tam 0912"), "Le Van Tam 0912");
        assert_eq!(convert(legacy, ""), "");
    }
}

fn cells(list: &[&str]) -> Option<Legacy> {
    detect(list.iter().copied())
}

#[test]
fn a_tcvn3_list_is_detected() {
    let names = [
        "Hä vµ tªn",
        "DiÖn",
        "NguyÔn ThÞ H»ng",
        "Lª V¨n T¸m",
        "Gia ®×nh liÖt sÜ",
        "Hé nghÌo",
    ];
    assert_eq!(cells(&names), Some(Legacy::Tcvn3));
}

#[test]
fn a_vni_list_is_detected() {
    let names = [
        "Hoï vaø teân",
        "Dieän",
        "Nguyeãn Thò Haèng",
        "Leâ Vaên Taùm",
        "Gia ñình lieät só",
        "Hoä ngheøo",
    ];
    assert_eq!(cells(&names), Some(Legacy::Vni));
}

#[test]
fn generated_lists_are_detected_as_their_encoding() {
    let list = [
        "Họ và tên",
        "Trần Thị Bích Ngọc",
        "Phạm Văn Đồng",
        "Khu phố 3",
        "Mẹ Việt Nam anh hùng",
        "Người có công",
    ];
    let tcvn3: Vec<String> = list.iter().map(|s| tables::to_tcvn3(s)).collect();
    let vni: Vec<String> = list.iter().map(|s| tables::to_vni(s)).collect();
    assert_eq!(
        detect(tcvn3.iter().map(String::as_str)),
        Some(Legacy::Tcvn3)
    );
    assert_eq!(detect(vni.iter().map(String::as_str)), Some(Legacy::Vni));
    assert_eq!(detect(list.iter().copied()), None);
}

#[test]
fn unicode_ascii_and_european_names_are_never_detected() {
    assert_eq!(
        cells(&["Name", "Address", "John Smith", "12 Main St"]),
        None
    );
    assert_eq!(cells(&[]), None);
    assert_eq!(
        cells(&[
            "Họ và tên",
            "Nguyễn Văn Đức",
            "Hà Tú Lê",
            "Müller",
            "José André",
            "Hoàng Thị Loan"
        ]),
        None
    );
    assert_eq!(
        cells(&[
            "Émile Zola",
            "Jürgen Müller",
            "François Hélène",
            "José García",
            "Noël Bäcker",
            "Zoë Ørsted"
        ]),
        None
    );
    // Unicode words with only Latin-1 accents, which VNI could misread ("Hoà" as "Hồ"),
    // next to real Unicode Vietnamese.
    assert_eq!(
        cells(&["Hoà", "Toàn", "Loan", "Tâm", "Lê Văn Hoà", "Trần Toàn"]),
        None
    );
}

#[test]
fn a_single_legacy_word_is_not_enough() {
    assert_eq!(cells(&["Hé", "Name", "Address"]), None);
}
