//! The report's narrative sections and their default text: sentences built from the figures
//! ("Ngày hội được tổ chức tại 6 điểm với 2.350 lượt người tham gia..."), which the secretary
//! edits. Until a section is edited its default follows the figures.

use super::entered::{Entered, Figure, Group, Standard, percent_text};
use super::{Figures, Report};
use crate::domain::{Form, PointKind};
use crate::text::{date_long, money, thousands};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Purpose,
    Organisation,
    Results,
    Limitations,
    Lessons,
    Proposals,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Purpose,
        Section::Organisation,
        Section::Results,
        Section::Limitations,
        Section::Lessons,
        Section::Proposals,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Section::Purpose => "muc_dich",
            Section::Organisation => "to_chuc",
            Section::Results => "ket_qua",
            Section::Limitations => "han_che",
            Section::Lessons => "bai_hoc",
            Section::Proposals => "de_xuat",
        }
    }

    pub fn from_code(code: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The heading as the report prints it, after its Roman numeral.
    pub fn heading(self) -> &'static str {
        match self {
            Section::Purpose => "MỤC ĐÍCH, YÊU CẦU",
            Section::Organisation => "CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC",
            Section::Results => "KẾT QUẢ ĐẠT ĐƯỢC",
            Section::Limitations => "HẠN CHẾ, TỒN TẠI",
            Section::Lessons => "BÀI HỌC KINH NGHIỆM",
            Section::Proposals => "ĐỀ XUẤT, KIẾN NGHỊ",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Section::Purpose => "Mục đích, yêu cầu",
            Section::Organisation => "Công tác chỉ đạo, tổ chức",
            Section::Results => "Kết quả đạt được",
            Section::Limitations => "Hạn chế, tồn tại",
            Section::Lessons => "Bài học kinh nghiệm",
            Section::Proposals => "Đề xuất, kiến nghị",
        }
    }
}

/// The default text of a section; paragraphs are separated by "\n".
pub fn default_text(report: &Report, section: Section) -> String {
    let this = &report.this.figures;
    let last = report.last.as_ref().map(|l| &l.figures);
    match section {
        Section::Purpose => purpose(report),
        Section::Organisation => organisation(report, this, last),
        Section::Results => results(this, last, &report.this.entered),
        Section::Limitations => limitations(this),
        Section::Lessons => LESSONS.to_string(),
        Section::Proposals => PROPOSALS.to_string(),
    }
}

fn purpose(report: &Report) -> String {
    let year = report.event.year;
    let mut text = format!(
        "Thực hiện Kế hoạch của Ban Chỉ đạo về tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {year}, nhằm phát huy sức mạnh tổng hợp của cả hệ thống chính trị và quần chúng nhân dân trong phong trào toàn dân bảo vệ an ninh Tổ quốc; biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc; nâng cao ý thức cảnh giác, tinh thần trách nhiệm của nhân dân trong phòng ngừa, phát hiện, tố giác tội phạm."
    );
    let theme = report.event.theme.trim();
    text.push_str("\nNgày hội được tổ chức trang trọng, thiết thực, an toàn, tiết kiệm");
    if theme.is_empty() {
        text.push('.');
    } else {
        text.push_str(&format!(", với chủ đề “{theme}”."));
    }
    text
}

fn point_phrase(kind: PointKind, n: usize) -> String {
    let what = match kind {
        PointKind::Main => "điểm chính",
        PointKind::Residential => "điểm tại khu dân cư",
        PointKind::Agency => "điểm tại cơ quan",
        PointKind::Enterprise => "điểm tại doanh nghiệp",
        PointKind::School => "điểm tại trường học",
    };
    format!("{n} {what}")
}

fn organisation(report: &Report, this: &Figures, last: Option<&Figures>) -> String {
    let mut text = String::from(
        "Ban Chỉ đạo đã ban hành kế hoạch, phân công nhiệm vụ cụ thể cho các thành viên; chỉ đạo các khu dân cư, cơ quan, trường học trên địa bàn tổ chức Ngày hội phù hợp với điều kiện thực tế",
    );
    if this.checklist_total > 0 {
        text.push_str(&format!(
            "; hoàn thành {}/{} công việc chuẩn bị theo kế hoạch",
            this.checklist_done, this.checklist_total
        ));
    }
    text.push('.');
    // Running text writes the date in words: "vào ngày 14 tháng 8 năm 2026".
    let date = date_long(report.event.date);
    if this.points.points == 0 {
        text.push_str(&format!("\nNgày hội được tổ chức vào {date}."));
        return text;
    }
    let kinds: Vec<String> = this
        .points_by_kind
        .iter()
        .map(|(kind, t)| point_phrase(*kind, t.points))
        .collect();
    text.push_str(&format!(
        "\nNgày hội được tổ chức vào {date} tại {} điểm ({})",
        this.points.points,
        kinds.join(", ")
    ));
    if this.points.participants > 0 {
        text.push_str(&format!(
            ", với {} lượt người tham gia",
            thousands(i64::from(this.points.participants))
        ));
        if let Some(last) = last.filter(|l| l.points.participants > 0) {
            text.push_str(&format!(
                " ({} so với năm {})",
                change(
                    i64::from(this.points.participants),
                    i64::from(last.points.participants),
                    "lượt"
                ),
                last.year
            ));
        }
    }
    text.push('.');
    text
}

/// "tăng 350 lượt", "giảm 2 điểm", "không thay đổi".
pub fn change(this: i64, last: i64, unit: &str) -> String {
    use std::cmp::Ordering;
    match this.cmp(&last) {
        Ordering::Greater => format!("tăng {} {unit}", thousands(this - last)),
        Ordering::Less => format!("giảm {} {unit}", thousands(last - this)),
        Ordering::Equal => "không thay đổi".to_string(),
    }
}

/// Money compared: "tăng 1.000.000 đ".
fn money_change(this: i64, last: i64) -> String {
    use std::cmp::Ordering;
    match this.cmp(&last) {
        Ordering::Greater => format!("tăng {}", money(this - last)),
        Ordering::Less => format!("giảm {}", money(last - this)),
        Ordering::Equal => "không thay đổi".to_string(),
    }
}

fn results(this: &Figures, last: Option<&Figures>, entered: &Entered) -> String {
    let mut paragraphs = Vec::new();
    if this.activities.activities > 0 {
        let kinds: Vec<String> = this
            .activities_by_kind
            .iter()
            .map(|(kind, t)| format!("{} {}", t.activities, kind.label().to_lowercase()))
            .collect();
        paragraphs.push(format!(
            "Phần hội tổ chức {} hoạt động ({}) với {} lượt đội tham gia; tổng tiền thưởng đã trao {}.",
            this.activities.activities,
            kinds.join(", "),
            thousands(this.activities.teams as i64),
            money(this.activities.prizes)
        ));
    }
    let gifts = &this.gifts;
    if gifts.overall.visits > 0 {
        let mut sentence = format!(
            "Tổ chức thăm hỏi, tặng {} suất quà cho {} hộ gia đình chính sách, gia đình có hoàn cảnh khó khăn, tổng giá trị {}",
            thousands(gifts.overall.gifts as i64),
            thousands(gifts.households as i64),
            money(gifts.overall.value)
        );
        if !gifts.by_source.is_empty() {
            let sources: Vec<String> = gifts
                .by_source
                .iter()
                .map(|(source, t)| format!("{source} {}", money(t.value)))
                .collect();
            sentence.push_str(&format!(" (trong đó: {})", sources.join("; ")));
        }
        sentence.push('.');
        paragraphs.push(sentence);
    }
    let total = &this.commended_total;
    if total.total() > 0 {
        let kinds: Vec<String> = [
            (total.collectives, "tập thể"),
            (total.individuals, "cá nhân"),
            (total.households, "hộ gia đình"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        let forms: Vec<String> = Form::ALL
            .iter()
            .map(|f| (f, this.commended_with(*f)))
            .filter(|(_, n)| *n > 0)
            .map(|(f, n)| format!("{}: {n}", f.label()))
            .collect();
        paragraphs.push(format!(
            "Khen thưởng, biểu dương {} ({}) có thành tích xuất sắc trong phong trào ({}).",
            kinds.join(", "),
            thousands(total.total() as i64),
            forms.join("; ")
        ));
    }
    paragraphs.extend(entered_sentences(entered));
    if let Some(last) = last {
        let mut compared = Vec::new();
        if this.points.participants > 0 && last.points.participants > 0 {
            compared.push(format!(
                "số lượt người tham gia {}",
                change(
                    i64::from(this.points.participants),
                    i64::from(last.points.participants),
                    "lượt"
                )
            ));
        }
        if this.gifts.overall.value > 0 && last.gifts.overall.value > 0 {
            compared.push(format!(
                "giá trị quà tặng {}",
                money_change(this.gifts.overall.value, last.gifts.overall.value)
            ));
        }
        if this.commended_total.total() > 0 && last.commended_total.total() > 0 {
            compared.push(format!(
                "số tập thể, cá nhân được khen thưởng, biểu dương {}",
                change(
                    this.commended_total.total() as i64,
                    last.commended_total.total() as i64,
                    ""
                )
                .trim_end()
            ));
        }
        if !compared.is_empty() {
            paragraphs.push(format!(
                "So với năm {}: {}.",
                last.year,
                compared.join("; ")
            ));
        }
    }
    if paragraphs.is_empty() {
        paragraphs.push(
            "(Chưa có số liệu: hãy nhập điểm tổ chức, phần hội, thăm hỏi và khen thưởng.)".into(),
        );
    }
    paragraphs.join("\n")
}

/// One sentence per group of entered figures that has any.
fn entered_sentences(entered: &Entered) -> Vec<String> {
    let mut out = Vec::new();
    let listed = |figures: &[Figure]| -> Vec<String> {
        figures
            .iter()
            .filter_map(|f| entered.get(*f).map(|v| (f, v)))
            .map(|(f, v)| format!("{} {}", thousands(i64::from(v)), f.label().to_lowercase()))
            .collect()
    };
    let propaganda = listed(Group::Propaganda.figures());
    if !propaganda.is_empty() {
        out.push(format!("Công tác tuyên truyền: {}.", propaganda.join("; ")));
    }
    let models: Vec<String> = [
        (Figure::ModelsMaintained, "duy trì"),
        (Figure::ModelsReplicated, "nhân rộng"),
        (Figure::ModelsNew, "xây dựng mới"),
    ]
    .iter()
    .filter_map(|(f, verb)| entered.get(*f).map(|v| format!("{verb} {v} mô hình")))
    .collect();
    if !models.is_empty() {
        let mut sentence = models.join(", ");
        capitalise(&mut sentence);
        out.push(format!("{sentence} tự quản về an ninh, trật tự."));
    }
    let standards: Vec<String> = Standard::ALL
        .iter()
        .filter_map(|s| {
            entered.ratio(*s).map(|(x, y, p)| {
                format!("{x}/{y} {} ({})", s.label().to_lowercase(), percent_text(p))
            })
        })
        .collect();
    if !standards.is_empty() {
        out.push(format!(
            "Có {} đạt chuẩn “An toàn về an ninh, trật tự”.",
            standards.join(", ")
        ));
    }
    let mut security = Vec::new();
    if let Some(n) = entered.get(Figure::TipsReceived) {
        security.push(format!(
            "tiếp nhận {} tin báo, tố giác tội phạm",
            thousands(n.into())
        ));
    }
    if let Some(n) = entered.get(Figure::CasesSolved) {
        security.push(format!("giải quyết {} vụ việc", thousands(n.into())));
    }
    if let Some(n) = entered.get(Figure::PactsSigned) {
        security.push(format!(
            "ký kết {} bản giao ước thi đua",
            thousands(n.into())
        ));
    }
    if !security.is_empty() {
        let mut sentence = security.join("; ");
        capitalise(&mut sentence);
        out.push(format!("{sentence}."));
    }
    out
}

fn capitalise(s: &mut String) {
    if let Some(first) = s.chars().next() {
        let upper: String = first.to_uppercase().collect();
        s.replace_range(..first.len_utf8(), &upper);
    }
}

fn limitations(this: &Figures) -> String {
    let mut items = Vec::new();
    let uncounted = this.points_uncounted;
    if uncounted > 0 {
        items.push(format!(
            "Còn {uncounted} điểm tổ chức chưa thống kê số người tham gia thực tế."
        ));
    }
    if this.visits_planned > 0 {
        items.push(format!(
            "Còn {} lượt thăm hỏi, tặng quà theo kế hoạch chưa thực hiện.",
            this.visits_planned
        ));
    }
    let open = this.checklist_total - this.checklist_done;
    if open > 0 {
        items.push(format!(
            "Còn {open} công việc chuẩn bị chưa hoàn thành theo kế hoạch."
        ));
    }
    items.push(
        "Công tác tuyên truyền ở một số khu dân cư có lúc chưa thường xuyên, hình thức chưa phong phú; việc huy động nguồn lực xã hội hóa còn hạn chế."
            .to_string(),
    );
    items.join("\n")
}

const LESSONS: &str = "Một là, phải có sự lãnh đạo, chỉ đạo chặt chẽ của cấp ủy, chính quyền; sự phối hợp đồng bộ của Mặt trận Tổ quốc và các đoàn thể, trong đó lực lượng Công an làm nòng cốt.\nHai là, làm tốt công tác tuyên truyền, vận động để nhân dân hiểu rõ ý nghĩa của Ngày hội, tự giác, tích cực tham gia.\nBa là, nội dung, hình thức tổ chức phải phù hợp với điều kiện thực tế của địa phương, thiết thực, tiết kiệm; kịp thời biểu dương, khen thưởng các tập thể, cá nhân điển hình.";

const PROPOSALS: &str = "Đề nghị Ban Chỉ đạo cấp trên tiếp tục quan tâm, hỗ trợ kinh phí và tài liệu tuyên truyền cho phong trào toàn dân bảo vệ an ninh Tổ quốc; kịp thời khen thưởng các tập thể, cá nhân có thành tích xuất sắc; tổ chức tập huấn nghiệp vụ cho lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở.";
