//! `export certificates`, `export decision-list` and `export calibration`.

use std::path::Path;

use super::args::{CalibrationArgs, CertificateArgs, DecisionListArgs};
use crate::certificate::{
    CertificateData, Mode, Paper, PrinterProfile, lay_out_all, overflows_of, render_calibration,
    render_laid,
};
use crate::document::{layout, to_pdf};
use crate::domain::{Decision, Recipient, Unit};
use crate::storage::Store;

/// The unit, and the year's decisions and recipients; `--decision` keeps one decision.
fn commendations(
    store: &Store,
    year: Option<i32>,
    number: Option<&str>,
) -> Result<(Unit, i32, Vec<Decision>, Vec<Recipient>), String> {
    let unit = super::unit_of(store)?;
    let event = super::event_of(store, year)?;
    let year = event.year;
    let mut decisions = store.decisions(event.id).map_err(|e| e.to_string())?;
    if let Some(number) = number {
        let key = crate::text::fold(number);
        decisions.retain(|d| crate::text::fold(&d.number) == key);
        if decisions.is_empty() {
            return Err(format!("năm {year} không có quyết định số “{number}”."));
        }
    }
    let recipients = store.recipients(event.id).map_err(|e| e.to_string())?;
    Ok((unit, year, decisions, recipients))
}

fn printer(store: &Store, name: Option<&str>) -> Result<PrinterProfile, String> {
    let Some(name) = name else {
        return Ok(PrinterProfile::default());
    };
    let printers = store.printers().map_err(|e| e.to_string())?;
    let key = crate::text::fold(name);
    printers
        .into_iter()
        .find(|p| crate::text::fold(&p.name) == key)
        .ok_or_else(|| {
            format!("chưa có máy in tên “{name}”. Hãy thêm máy in trong mục In giấy khen (Máy in và hiệu chỉnh).")
        })
}

pub fn certificates(db: &Path, args: &CertificateArgs) -> Result<(), String> {
    let store = super::open_existing(db)?;
    let (unit, year, decisions, recipients) =
        commendations(&store, args.year, args.decision.as_deref())?;
    let profile = printer(&store, args.printer.as_deref())?;
    let mode = if args.blank_form {
        Mode::Blank
    } else {
        Mode::FullPage
    };
    // Register order within each form; one file per form (their papers differ).
    let mut written = Vec::new();
    for form in [crate::domain::Form::Certificate, crate::domain::Form::Merit] {
        let mut list: Vec<(u32, CertificateData)> = Vec::new();
        for d in &decisions {
            for r in recipients
                .iter()
                .filter(|r| r.decision_id == d.id && r.form == form)
            {
                list.push((
                    r.register_no.unwrap_or(u32::MAX),
                    CertificateData::new(&unit, d, r),
                ));
            }
        }
        if list.is_empty() {
            continue;
        }
        list.sort_by_key(|(n, _)| *n);
        let data: Vec<CertificateData> = list.into_iter().map(|(_, d)| d).collect();
        let template = store.template_for(form, mode).map_err(|e| e.to_string())?;
        // Laid out once: checked here, printed below.
        let laid = lay_out_all(&template, &data);
        let problems = overflows_of(&laid, &data);
        if !problems.is_empty() && !args.force {
            for (who, o) in &problems {
                eprintln!("{}", o.message(who));
            }
            return Err(format!(
                "{} giấy không vừa mẫu (liệt kê ở trên); chưa ghi tệp. Sửa nội dung hoặc mẫu, hoặc thêm --force để vẫn in.",
                problems.len()
            ));
        }
        written.push((form, template, data, laid));
    }
    if written.is_empty() {
        return Err(format!(
            "năm {year} chưa có người được khen bằng giấy khen hoặc bằng khen (biểu dương không in giấy)."
        ));
    }
    let several = written.len() > 1;
    for (form, template, data, laid) in written {
        let bytes = render_laid(&template, laid, &profile)?;
        let out = if several {
            let stem = args
                .out
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("giay-khen");
            let suffix = match form {
                crate::domain::Form::Merit => "bang-khen",
                _ => "giay-khen",
            };
            args.out.with_file_name(format!("{stem}-{suffix}.pdf"))
        } else {
            args.out.clone()
        };
        super::write_out(&out, &bytes)?;
        println!(
            "Đã ghi {} {} ({}) vào tệp {}.",
            data.len(),
            form.label().to_lowercase(),
            template.name,
            out.display()
        );
    }
    Ok(())
}

pub fn decision_list(db: &Path, args: &DecisionListArgs) -> Result<(), String> {
    let store = super::open_existing(db)?;
    let (unit, year, decisions, recipients) =
        commendations(&store, args.year, args.decision.as_deref())?;
    let decision = match decisions.as_slice() {
        [one] => one,
        [] => return Err(format!("năm {year} chưa có quyết định khen thưởng nào.")),
        many => {
            let numbers: Vec<&str> = many.iter().map(|d| d.number.as_str()).collect();
            return Err(format!(
                "năm {year} có {} quyết định ({}); hãy chọn một bằng --decision SỐ.",
                many.len(),
                numbers.join(", ")
            ));
        }
    };
    let doc = crate::certificate::decision_list(&unit, decision, &recipients)
        .ok_or_else(|| format!("quyết định số {} chưa có ai được khen.", decision.number))?;
    let bytes = to_pdf(&layout(&doc)).map_err(|e| super::lower_first(&e.to_string()))?;
    super::write_out(&args.out, &bytes)?;
    println!(
        "Đã ghi danh sách kèm theo Quyết định số {} vào tệp {}.",
        decision.number,
        args.out.display()
    );
    Ok(())
}

pub fn calibration(db: &Path, args: &CalibrationArgs) -> Result<(), String> {
    let profile = match &args.printer {
        Some(name) => printer(&super::open_existing(db)?, Some(name))?,
        None => PrinterProfile::default(),
    };
    let paper = if args.a3 {
        Paper::A3Landscape
    } else {
        Paper::A4Landscape
    };
    let bytes = render_calibration(paper, &profile)?;
    super::write_out(&args.out, &bytes)?;
    println!(
        "Đã ghi trang hiệu chỉnh máy in ({}) vào tệp {}.",
        paper.label(),
        args.out.display()
    );
    Ok(())
}
