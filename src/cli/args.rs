//! Argument definitions, with help and errors in Vietnamese (clap's own texts are English).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Parser, Subcommand};

const HELP_TEMPLATE: &str = "{about}\n\nCách dùng: {usage}\n\n{all-args}{after-help}";

#[derive(Debug, Parser)]
#[command(
    name = "ngayhoi",
    about = "Ngày hội toàn dân bảo vệ an ninh Tổ quốc: lập kế hoạch, thăm hỏi, khen thưởng và báo cáo.\nKhông có lệnh: mở cửa sổ ứng dụng.",
    override_usage = "ngayhoi [--db TỆP] [LỆNH]",
    help_template = HELP_TEMPLATE,
    disable_help_flag = true,
    disable_help_subcommand = true,
    disable_version_flag = true,
    subcommand_help_heading = "Lệnh",
    subcommand_value_name = "LỆNH",
    next_help_heading = "Tùy chọn",
    after_help = "\nVí dụ:\n  ngayhoi init --unit \"Phường Chợ Quán\" --level phuong --province \"Thành phố Hồ Chí Minh\" --place \"Chợ Quán\" --year 2026\n  ngayhoi --db thu.sqlite3 demo"
)]
pub struct Cli {
    /// Tệp dữ liệu (mặc định: thư mục dữ liệu của người dùng, hoặc thư mục ngayhoi-data cạnh chương trình)
    #[arg(long, value_name = "TỆP", global = true)]
    pub db: Option<PathBuf>,

    /// In hướng dẫn này
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    help: Option<bool>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Thiết lập đơn vị tổ chức và kế hoạch Ngày hội của năm đầu tiên
    #[command(
        override_usage = "ngayhoi [--db TỆP] init --unit TÊN --level CẤP --province TÊN --place TÊN [--year NĂM]",
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn"
    )]
    Init {
        /// Tên đơn vị, ví dụ "Phường Chợ Quán"
        #[arg(long, value_name = "TÊN")]
        unit: String,
        /// Cấp: tỉnh, thành phố, huyện, quận, thị xã (trước 2025), xã, phường, thị trấn, đặc khu (có dấu hoặc không dấu)
        #[arg(long, value_name = "CẤP")]
        level: String,
        /// Tỉnh/thành phố trực thuộc
        #[arg(long, value_name = "TÊN")]
        province: String,
        /// Địa danh ghi ở dòng ngày tháng, ví dụ "Chợ Quán"
        #[arg(long, value_name = "TÊN")]
        place: String,
        /// Năm tổ chức (mặc định: năm nay)
        #[arg(long, value_name = "NĂM")]
        year: Option<i32>,
        /// Tên Ban Chỉ đạo (mặc định: tên đầy đủ theo đơn vị)
        #[arg(long, value_name = "TÊN")]
        committee: Option<String>,
        /// Trưởng Ban Chỉ đạo
        #[arg(long, value_name = "HỌ TÊN")]
        head: Option<String>,
        /// Thư ký Ban Chỉ đạo
        #[arg(long, value_name = "HỌ TÊN")]
        secretary: Option<String>,
    },
    /// Điền một Ngày hội mẫu đầy đủ (một phường năm 2026; tạo đơn vị nếu chưa có)
    #[command(
        override_usage = "ngayhoi [--db TỆP] demo [--province]",
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn"
    )]
    Demo {
        /// Ví dụ của tỉnh (vào tệp mới): 42 đơn vị, các gói báo cáo 2025 và 2026 đã nhận, có đơn vị chưa gửi, gửi lại, sửa tay
        #[arg(long)]
        province: bool,
    },
    /// Xuất văn bản ra tệp PDF
    #[command(
        override_usage = "ngayhoi [--db TỆP] export <program|script|festival|visit-plan|receipts|visits|certificates|decision-list|calibration|report|report-package|consolidated> --out TỆP [...]",
        help_template = HELP_TEMPLATE,
        subcommand_help_heading = "Văn bản",
        subcommand_value_name = "VĂN BẢN",
        next_help_heading = "Tùy chọn"
    )]
    Export {
        #[command(subcommand)]
        paper: Export,
    },
    /// Sao lưu toàn bộ dữ liệu vào một tệp (không ghi đè tệp đã có, trừ khi thêm --overwrite)
    #[command(
        override_usage = "ngayhoi [--db TỆP] backup --out TỆP [--overwrite]",
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn"
    )]
    Backup {
        /// Tệp sao lưu sẽ ghi, ví dụ "sao-luu-thang-8.sqlite3"
        #[arg(long, value_name = "TỆP")]
        out: PathBuf,
        /// Ghi đè nếu tệp đã có
        #[arg(long)]
        overwrite: bool,
    },
    /// Nhập danh sách từ tệp Excel (.xlsx, .xls) hoặc CSV: nhập tất cả hoặc không nhập gì
    #[command(
        override_usage = "ngayhoi [--db TỆP] import <households|visits|recipients> TỆP [--dry-run] [--update | --allow-duplicates] [--year NĂM]",
        help_template = HELP_TEMPLATE,
        subcommand_help_heading = "Danh sách",
        subcommand_value_name = "DANH SÁCH",
        next_help_heading = "Tùy chọn"
    )]
    Import {
        #[command(subcommand)]
        list: Import,
    },
    /// Tỉnh, thành phố: nhận các gói báo cáo của đơn vị cấp dưới (tệp hoặc cả thư mục) để tổng hợp
    #[command(
        override_usage = "ngayhoi [--db TỆP] consolidate TỆP_HOẶC_THƯ_MỤC... [--year NĂM] [--dry-run]",
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn"
    )]
    Consolidate {
        /// Gói báo cáo .xlsx, hoặc thư mục chứa các gói
        #[arg(value_name = "TỆP_HOẶC_THƯ_MỤC", required = true)]
        files: Vec<PathBuf>,
        /// Năm tổng hợp (mặc định: năm gần nhất có kế hoạch)
        #[arg(long, value_name = "NĂM")]
        year: Option<i32>,
        /// Chỉ kiểm tra từng tệp và báo cáo, không lưu gì
        #[arg(long)]
        dry_run: bool,
    },
    /// Đặt, đổi hoặc bỏ mật khẩu của tệp dữ liệu (mật khẩu lấy từ biến môi trường NGAYHOI_MAT_KHAU, NGAYHOI_MAT_KHAU_MOI hoặc được hỏi, không bao giờ ghi trên dòng lệnh)
    #[command(
        override_usage = "ngayhoi [--db TỆP] password <set|change|remove>",
        help_template = HELP_TEMPLATE,
        subcommand_help_heading = "Việc",
        subcommand_value_name = "VIỆC",
        next_help_heading = "Tùy chọn"
    )]
    Password {
        #[command(subcommand)]
        action: PasswordAction,
    },
    /// Khôi phục dữ liệu từ một bản sao lưu (trạng thái hiện tại được sao lưu trước)
    #[command(
        override_usage = "ngayhoi [--db TỆP] restore TỆP",
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn"
    )]
    Restore {
        /// Bản sao lưu, ví dụ một tệp trong thư mục sao-luu
        #[arg(value_name = "TỆP")]
        file: PathBuf,
    },
}

/// What `password` does.
#[derive(Debug, Subcommand)]
pub enum PasswordAction {
    /// Đặt mật khẩu cho tệp chưa có (mật khẩu mới: NGAYHOI_MAT_KHAU_MOI, hoặc được hỏi hai lần). Quên mật khẩu thì không mở lại được dữ liệu
    #[command(help_template = HELP_TEMPLATE)]
    Set,
    /// Đổi mật khẩu (mật khẩu hiện tại: NGAYHOI_MAT_KHAU; mật khẩu mới: NGAYHOI_MAT_KHAU_MOI; hoặc được hỏi)
    #[command(help_template = HELP_TEMPLATE)]
    Change,
    /// Bỏ mật khẩu: tệp và các bản sao lưu mở được mà không cần mật khẩu
    #[command(help_template = HELP_TEMPLATE)]
    Remove,
}

/// The lists `import` reads.
#[derive(Debug, Subcommand)]
pub enum Import {
    /// Danh sách hộ gia đình chính sách, hộ khó khăn (Họ và tên, Địa chỉ, Diện...)
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    Households(ImportArgs),
    /// Danh sách thăm hỏi, tặng quà; hộ chưa có trong dữ liệu được thêm từ dòng đó
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    Visits(ImportArgs),
    /// Danh sách khen thưởng (Hình thức, Đối tượng, Họ và tên, Số và Ngày quyết định...)
    #[command(
        override_usage = "ngayhoi [--db TỆP] import recipients TỆP [--decision SỐ] [--form HÌNH_THỨC] [--dry-run] [--update] [--year NĂM]",
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn"
    )]
    Recipients(RecipientArgs),
}

/// `import recipients`: the common options and the two choices for rows that leave the
/// decision or the form empty.
#[derive(Debug, clap::Args)]
pub struct RecipientArgs {
    #[command(flatten)]
    pub import: ImportArgs,
    /// Dòng không ghi số quyết định vào quyết định số này của năm (phải có sẵn)
    #[arg(long, value_name = "SỐ")]
    pub decision: Option<String>,
    /// Hình thức của dòng không ghi hình thức, ví dụ "Giấy khen"
    #[arg(long, value_name = "HÌNH_THỨC")]
    pub form: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Tệp .xlsx, .xls hoặc .csv
    #[arg(value_name = "TỆP")]
    pub file: PathBuf,
    /// Chỉ kiểm tra và báo cáo, không lưu gì
    #[arg(long)]
    pub dry_run: bool,
    /// Dòng đã có trong dữ liệu nhưng khác thông tin: cập nhật bản đã lưu (mặc định: bỏ qua)
    #[arg(long)]
    pub update: bool,
    /// Vẫn nhập cả những dòng đã có trong dữ liệu, thành bản ghi mới (hộ, lượt thăm)
    #[arg(long, conflicts_with = "update")]
    pub allow_duplicates: bool,
    /// Năm của Ngày hội nhận danh sách (mặc định: năm gần nhất có kế hoạch)
    #[arg(long, value_name = "NĂM")]
    pub year: Option<i32>,
}

/// The papers `export` writes.
#[derive(Debug, Subcommand)]
pub enum Export {
    /// Chương trình Ngày hội (phần lễ và lịch phần hội)
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    Program(PaperArgs),
    /// Kịch bản dẫn chương trình, có giới thiệu đại biểu theo thứ tự nghi thức
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    Script(PaperArgs),
    /// Lịch thi đấu và kết quả phần hội
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    Festival(PaperArgs),
    /// Kế hoạch thăm hỏi, tặng quà theo khu dân cư (lộ trình của từng đoàn)
    #[command(
        name = "visit-plan",
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn"
    )]
    VisitPlan(PaperArgs),
    /// Danh sách ký nhận quà, có cột ký nhận và tổng tiền bằng số và bằng chữ
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    Receipts(PaperArgs),
    /// Danh sách thăm hỏi ra tệp Excel (.xlsx), giá trị là số
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    Visits(SheetArgs),
    /// Giấy khen, bằng khen: mỗi người một trang, theo số vào sổ
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    Certificates(CertificateArgs),
    /// Danh sách tập thể, cá nhân được khen kèm theo quyết định
    #[command(
        name = "decision-list",
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn"
    )]
    DecisionList(DecisionListArgs),
    /// Trang hiệu chỉnh máy in (thước đo và dấu chữ thập) để đo độ lệch
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tùy chọn")]
    Calibration(CalibrationArgs),
    /// Báo cáo kết quả tổ chức Ngày hội gửi cấp trên (PDF, kèm bảng số liệu Excel nếu muốn)
    #[command(
        override_usage = "ngayhoi [--db TỆP] export report --out TỆP.pdf [--xlsx TỆP.xlsx] [--year NĂM] [--keep-empty]",
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn"
    )]
    Report(UnitReportArgs),
    /// Gói báo cáo gửi cấp trên (.xlsx: các bảng số liệu và trang dữ liệu để cấp trên tổng hợp)
    #[command(
        name = "report-package",
        override_usage = "ngayhoi [--db TỆP] export report-package [--out TỆP.xlsx] [--year NĂM]",
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn"
    )]
    ReportPackage(PackageArgs),
    /// Báo cáo tổng hợp của tỉnh, thành phố từ các gói báo cáo đã nhận (PDF, kèm bảng Excel nếu muốn)
    #[command(
        override_usage = "ngayhoi [--db TỆP] export consolidated --out TỆP.pdf [--xlsx TỆP.xlsx] [--year NĂM]",
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tùy chọn"
    )]
    Consolidated(ReportArgs),
}

#[derive(Debug, clap::Args)]
pub struct CertificateArgs {
    /// Tệp PDF sẽ ghi (có cả giấy khen và bằng khen thì ghi hai tệp ...-giay-khen.pdf, ...-bang-khen.pdf)
    #[arg(long, value_name = "TỆP.pdf")]
    pub out: PathBuf,
    /// In trên phôi in sẵn: chỉ in các ô thay đổi
    #[arg(long)]
    pub blank_form: bool,
    /// Hồ sơ máy in đã hiệu chỉnh (độ lệch và tỉ lệ)
    #[arg(long, value_name = "TÊN")]
    pub printer: Option<String>,
    /// Chỉ in giấy của một quyết định, ví dụ "125/QĐ-UBND"
    #[arg(long, value_name = "SỐ")]
    pub decision: Option<String>,
    /// Vẫn in khi có nội dung không vừa ô (chữ nhỏ hơn cỡ tối thiểu)
    #[arg(long)]
    pub force: bool,
    /// Năm của Ngày hội (mặc định: năm gần nhất có kế hoạch)
    #[arg(long, value_name = "NĂM")]
    pub year: Option<i32>,
}

#[derive(Debug, clap::Args)]
pub struct DecisionListArgs {
    /// Tệp PDF sẽ ghi
    #[arg(long, value_name = "TỆP.pdf")]
    pub out: PathBuf,
    /// Số quyết định (bắt buộc khi năm có nhiều quyết định)
    #[arg(long, value_name = "SỐ")]
    pub decision: Option<String>,
    /// Năm của Ngày hội (mặc định: năm gần nhất có kế hoạch)
    #[arg(long, value_name = "NĂM")]
    pub year: Option<i32>,
}

#[derive(Debug, clap::Args)]
pub struct CalibrationArgs {
    /// Tệp PDF sẽ ghi
    #[arg(long, value_name = "TỆP.pdf")]
    pub out: PathBuf,
    /// Hồ sơ máy in cần kiểm tra (in qua độ lệch đã lưu)
    #[arg(long, value_name = "TÊN")]
    pub printer: Option<String>,
    /// Khổ A3 ngang (mặc định A4 ngang)
    #[arg(long)]
    pub a3: bool,
}

#[derive(Debug, clap::Args)]
pub struct SheetArgs {
    /// Tệp Excel sẽ ghi
    #[arg(long, value_name = "TỆP.xlsx")]
    pub out: PathBuf,
    /// Năm của Ngày hội (mặc định: năm gần nhất có kế hoạch)
    #[arg(long, value_name = "NĂM")]
    pub year: Option<i32>,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Tệp PDF sẽ ghi
    #[arg(long, value_name = "TỆP.pdf")]
    pub out: PathBuf,
    /// Tệp Excel (.xlsx) sẽ ghi, cùng các bảng số liệu của báo cáo
    #[arg(long, value_name = "TỆP.xlsx")]
    pub xlsx: Option<PathBuf>,
    /// Năm của Ngày hội (mặc định: năm gần nhất có kế hoạch)
    #[arg(long, value_name = "NĂM")]
    pub year: Option<i32>,
}

#[derive(Debug, clap::Args)]
pub struct UnitReportArgs {
    #[command(flatten)]
    pub report: ReportArgs,
    /// In cả các dòng số liệu chưa nhập (in “-”); mặc định theo lựa chọn lần trước ở màn hình Báo cáo (ban đầu: bỏ các dòng đó)
    #[arg(long)]
    pub keep_empty: bool,
}

#[derive(Debug, clap::Args)]
pub struct PackageArgs {
    /// Tệp Excel sẽ ghi (mặc định: BaoCao-NgayHoi-<năm>-<đơn vị>.xlsx trong thư mục hiện tại)
    #[arg(long, value_name = "TỆP.xlsx")]
    pub out: Option<PathBuf>,
    /// Năm của Ngày hội (mặc định: năm gần nhất có kế hoạch)
    #[arg(long, value_name = "NĂM")]
    pub year: Option<i32>,
}

#[derive(Debug, clap::Args)]
pub struct PaperArgs {
    /// Tệp PDF sẽ ghi
    #[arg(long, value_name = "TỆP.pdf")]
    pub out: PathBuf,
    /// Năm của Ngày hội (mặc định: năm gần nhất có kế hoạch)
    #[arg(long, value_name = "NĂM")]
    pub year: Option<i32>,
}

/// Prints clap's verdict in Vietnamese: help on stdout (exit 0), errors as one line (exit 2).
pub fn report(error: clap::Error) -> ExitCode {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        print!("{}", error.render());
        return ExitCode::SUCCESS;
    }
    eprintln!("Lỗi: {}", describe(&error));
    ExitCode::from(super::EXIT_USAGE)
}

fn describe(error: &clap::Error) -> String {
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(value)) => value.clone(),
        Some(ContextValue::Strings(values)) => values.join(", "),
        _ => String::new(),
    };
    let hint = "Xem hướng dẫn: ngayhoi --help";
    match error.kind() {
        ErrorKind::UnknownArgument => format!(
            "tham số không hợp lệ “{}”. {hint}",
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::InvalidSubcommand => format!(
            "không có lệnh “{}”. Các lệnh: init, demo, import, export, consolidate, backup, restore, password. {hint}",
            context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => format!(
            "thiếu tham số bắt buộc: {}. {hint}",
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!(
            "giá trị “{}” không hợp lệ cho {}. {hint}",
            context(ContextKind::InvalidValue),
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::ArgumentConflict => format!(
            "tham số “{}” được dùng hai lần hoặc mâu thuẫn nhau. {hint}",
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues => {
            format!(
                "số giá trị của “{}” không đúng. {hint}",
                context(ContextKind::InvalidArg)
            )
        }
        _ => format!("dòng lệnh không hợp lệ. {hint}"),
    }
}
