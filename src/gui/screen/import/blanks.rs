//! What rows that leave a column empty get, chosen in the preview: for a commendation list,
//! the decision of rows without a decision number and the form of rows without a form (the
//! window's `--decision` and `--form`). Households and visits have no such choice.

use std::sync::Arc;

use iced::widget::{column, container, pick_list, row, text};
use iced::{Alignment, Element, Length};

use crate::domain::{Decision, Form};
use crate::gui::theme;
use crate::import::households::Households;
use crate::import::preview::Kind;
use crate::import::recipients::{KnownRecipients, Recipients};
use crate::import::visits::Visits;
use crate::text::date_short;

/// A choice made for the rows that leave a column empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blank {
    /// Rows without a decision number go to this decision.
    Decision(i64),
    /// Rows without a form get this one (`None`: they are rejected).
    Form(Option<Form>),
}

/// The choices an import offers for empty cells, and what it compares rows with once one is
/// made. Nothing by default.
pub trait Blanks: Kind {
    fn view(_existing: &Self::Existing) -> Option<Element<'_, Blank>> {
        None
    }

    /// What the rows are compared with after `blank` (`None`: nothing changes).
    fn chosen(_existing: &Self::Existing, _blank: Blank) -> Option<Arc<Self::Existing>> {
        None
    }
}

impl Blanks for Households {}
impl Blanks for Visits {}

/// A decision in the pick list: "125/QĐ-UBND ngày 10/08/2026".
#[derive(Debug, Clone, PartialEq, Eq)]
struct DecisionChoice {
    id: i64,
    name: String,
}

impl DecisionChoice {
    fn of(d: &Decision) -> DecisionChoice {
        DecisionChoice {
            id: d.id,
            name: format!("{} ngày {}", d.number, date_short(d.date)),
        }
    }
}

impl std::fmt::Display for DecisionChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

/// A form, or none, in the pick list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FormChoice(Option<Form>);

impl std::fmt::Display for FormChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.map_or("— Không ghi (báo lỗi) —", Form::label))
    }
}

fn labelled_choice<'a>(
    label: &'a str,
    control: impl Into<Element<'a, Blank>>,
) -> Element<'a, Blank> {
    row![
        text(label).width(Length::FillPortion(2)),
        container(control).width(Length::FillPortion(1)),
    ]
    .spacing(12)
    .align_y(Alignment::Center)
    .into()
}

impl Blanks for Recipients {
    fn view(existing: &KnownRecipients) -> Option<Element<'_, Blank>> {
        let decisions: Vec<DecisionChoice> =
            existing.decisions.iter().map(DecisionChoice::of).collect();
        let decision: Element<'_, Blank> = if decisions.is_empty() {
            text("Năm nay chưa có quyết định nào: hãy thêm một quyết định (nút “+ Quyết định mới”), các dòng đó sẽ vào quyết định ấy.")
                .size(theme::SMALL)
                .style(theme::warning_text)
                .into()
        } else {
            let selected = existing.default_decision().map(DecisionChoice::of);
            labelled_choice(
                "Dòng không ghi số quyết định đưa vào quyết định:",
                pick_list(decisions, selected, |d: DecisionChoice| {
                    Blank::Decision(d.id)
                })
                .padding([4, 8])
                .text_size(theme::SMALL)
                .width(Length::Fill),
            )
        };
        let forms: Vec<FormChoice> = std::iter::once(FormChoice(None))
            .chain(Form::ALL.into_iter().map(|f| FormChoice(Some(f))))
            .collect();
        let form = labelled_choice(
            "Dòng không ghi hình thức khen thưởng ghi là:",
            pick_list(forms, Some(FormChoice(existing.without_form)), |f| {
                Blank::Form(f.0)
            })
            .padding([4, 8])
            .text_size(theme::SMALL)
            .width(Length::Fill),
        );
        Some(
            container(column![decision, form].spacing(8))
                .padding(8)
                .width(Length::Fill)
                .style(theme::notice)
                .into(),
        )
    }

    fn chosen(existing: &KnownRecipients, blank: Blank) -> Option<Arc<KnownRecipients>> {
        let mut out = existing.clone();
        match blank {
            Blank::Decision(id) => out.without_number = Some(id),
            Blank::Form(form) => out.without_form = form,
        }
        Some(Arc::new(out))
    }
}
