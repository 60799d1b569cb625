//! Small building blocks shared by the screens, so every form and table looks alike.

use iced::widget::{button, column, container, operation, row, text, text_input};
use iced::{Alignment, Element, Length, Padding, Task};

use super::theme;
use crate::text::clean_line;

mod submit;
mod table;
pub use submit::{SETTLE, on_enter};
pub use table::Table;

/// A date typed in a field labelled `label`, or the sentence that says it is not one.
pub fn typed_date(value: &str, label: &str) -> Result<chrono::NaiveDate, String> {
    crate::text::parse_date(value).ok_or_else(|| {
        format!(
            "{label} “{}” không phải ngày hợp lệ (dd/mm/yyyy).",
            value.trim()
        )
    })
}

/// A birth year typed in a field (empty: not given), or the sentence that says it is not one;
/// `example` is the year the sentence shows.
pub fn typed_birth_year(value: &str, example: i32) -> Result<Option<i32>, String> {
    match value.trim() {
        "" => Ok(None),
        typed => typed
            .parse::<i32>()
            .map(Some)
            .map_err(|_| format!("Năm sinh “{typed}” phải là một năm, ví dụ {example}.")),
    }
}

/// What a keystroke (or an input-method commit, or a paste) left in a single-line field.
/// Enter, and a line break an input method commits, are [`on_enter`]'s: they never reach
/// the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    /// NFC, without control characters.
    pub value: String,
}

impl Typed {
    pub fn from_raw(raw: &str) -> Typed {
        Typed {
            value: clean_line(raw),
        }
    }
}

/// Scrolls a page (a scrollable's id) back to its top, where its forms and panels open.
pub fn to_top<M: Send + 'static>(page: &'static str) -> Task<M> {
    operation::snap_to(page, operation::RelativeOffset::START)
}

/// Opens a form at the top of a page: scrolls there and runs `focus`, the form's focus.
pub fn open_at_top<M: Send + 'static>(page: &'static str, focus: Task<M>) -> Task<M> {
    Task::batch([to_top(page), focus])
}

/// Ready once an input method's last commit is in ([`SETTLE`] from now), without blocking the
/// executor (its thread pool has no timer).
pub fn settled() -> impl std::future::Future<Output = ()> {
    let (done, ready) = iced::futures::channel::oneshot::channel();
    std::thread::spawn(move || {
        std::thread::sleep(SETTLE);
        let _ = done.send(());
    });
    async move {
        let _ = ready.await;
    }
}

/// Selects the whole text of every text field. Run after Tab moved the focus: the field just
/// focused shows its text selected; the others show no selection until focused, and a click
/// places the cursor anyway.
pub fn select_text<M: Send + 'static>() -> Task<M> {
    struct SelectAll;

    impl iced::advanced::widget::Operation for SelectAll {
        fn traverse(
            &mut self,
            operate: &mut dyn FnMut(&mut dyn iced::advanced::widget::Operation),
        ) {
            operate(self);
        }

        fn text_input(
            &mut self,
            _id: Option<&iced::advanced::widget::Id>,
            _bounds: iced::Rectangle,
            state: &mut dyn iced::advanced::widget::operation::TextInput,
        ) {
            state.select_all();
        }
    }

    iced::advanced::widget::operate(SelectAll).discard()
}

/// Where a form's text field keeps its text in the draft (`|d| &mut d.name`): the message of a
/// keystroke carries it, so that the field drawn says where its text goes, and no draft needs
/// an enum of its fields and a match from it.
pub type Slot<D> = fn(&mut D) -> &mut String;

/// One of a few choices side by side: `value`, shown as `label`, highlighted as the sidebar's
/// section is when it is the `current` one.
pub fn choice<'a, T: PartialEq, M: Clone + 'a>(
    label: impl Into<String>,
    value: T,
    current: T,
    on_choose: impl Fn(T) -> M,
) -> Element<'a, M> {
    button(text(label.into()))
        .style(theme::nav(value == current))
        .padding([6, 12])
        .on_press(on_choose(value))
        .into()
}

/// A labelled single-line text field with the app's padding and size.
pub fn field<'a, M: Clone + 'a>(
    label: &'a str,
    placeholder: &'a str,
    value: &'a str,
    id: &'static str,
    on_input: impl Fn(String) -> M + 'a,
) -> Element<'a, M> {
    let input = text_input(placeholder, value).id(id).on_input(on_input);
    labelled(label, styled(input))
}

/// A labelled field where Enter submits the form, once the input method has settled
/// ([`on_enter`]).
pub fn submit_field<'a, M: Clone + 'a>(
    label: &'a str,
    placeholder: &'a str,
    value: &'a str,
    id: &'static str,
    on_input: impl Fn(String) -> M + 'a,
    on_submit: M,
) -> Element<'a, M> {
    let input = text_input(placeholder, value).id(id).on_input(on_input);
    labelled(label, on_enter(styled(input), on_submit))
}

/// A labelled password field: what is typed shows as dots; Enter submits the form.
pub fn secret_field<'a, M: Clone + 'a>(
    label: &'a str,
    value: &'a str,
    id: &'static str,
    on_input: impl Fn(String) -> M + 'a,
    on_submit: M,
) -> Element<'a, M> {
    let input = text_input("", value).id(id).secure(true).on_input(on_input);
    labelled(label, on_enter(styled(input), on_submit))
}

/// The app's padding and text size for a form's field.
fn styled<'a, M: Clone + 'a>(input: text_input::TextInput<'a, M>) -> text_input::TextInput<'a, M> {
    input.padding(8).size(theme::TEXT_SIZE)
}

/// A labelled control of any kind (pick list, date field...).
pub fn labelled<'a, M: 'a>(label: &'a str, control: impl Into<Element<'a, M>>) -> Element<'a, M> {
    column![
        text(label).size(theme::SMALL).style(theme::muted),
        control.into()
    ]
    .spacing(4)
    .width(Length::Fill)
    .into()
}

/// The heading of a page, with a muted line under it.
pub fn page_title<'a, M: 'a>(
    title: impl text::IntoFragment<'a>,
    subtitle: impl text::IntoFragment<'a>,
) -> Element<'a, M> {
    // The title takes what the screen's buttons leave and wraps: laid out first at its own
    // width, a long subtitle left the last button one word wide on a 1024-pixel screen.
    column![
        text(title).size(theme::TITLE).font(super::font::SEMIBOLD),
        text(subtitle).size(theme::TEXT_SIZE).style(theme::muted),
    ]
    .spacing(4)
    .width(Length::Fill)
    .into()
}

/// A page's head: its title and what the page is for, with the page's main actions on the
/// right (the one main action of a screen sits here, in the same place on every screen).
pub fn page_header<'a, M: 'a>(
    title: impl text::IntoFragment<'a>,
    subtitle: impl text::IntoFragment<'a>,
    actions: impl IntoIterator<Item = Element<'a, M>>,
) -> Element<'a, M> {
    row![page_title(title, subtitle), row(actions).spacing(12)]
        .spacing(16)
        .align_y(Alignment::Center)
        .into()
}

/// A white card with a heading.
pub fn card<'a, M: 'a>(
    heading: impl text::IntoFragment<'a>,
    body: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
    container(
        column![
            text(heading)
                .size(theme::HEADING)
                .font(super::font::SEMIBOLD),
            body.into()
        ]
        .spacing(12),
    )
    .padding(16)
    .width(Length::Fill)
    .style(theme::card)
    .into()
}

/// A table header row: one label per column with its width.
pub fn table_header<'a, M: 'a, S: AsRef<str>>(columns: &[(S, Length)]) -> Element<'a, M> {
    let cells = columns.iter().map(|(label, width)| {
        text(label.as_ref().to_string())
            .size(theme::SMALL)
            .font(super::font::SEMIBOLD)
            .width(*width)
            .into()
    });
    container(row(cells).spacing(12))
        .padding(Padding::from([8, 12]))
        .width(Length::Fill)
        .style(theme::table_header)
        .into()
}

/// A figure with its caption, in a card as wide as its share of the row (`width` to change it).
pub fn stat<'a, M: 'a>(
    value: String,
    caption: &'a str,
    style: fn(&iced::Theme) -> text::Style,
) -> container::Container<'a, M> {
    container(
        column![
            text(value)
                .size(24)
                .font(super::font::SEMIBOLD)
                .style(style),
            text(caption).size(theme::SMALL).style(theme::muted),
        ]
        .spacing(2),
    )
    .padding(14)
    .width(Length::Fill)
    .style(theme::card)
}

/// How many of something there are, in `style` when there is something to see, plain at zero.
pub fn count_stat<'a, M: 'a>(
    count: usize,
    caption: &'a str,
    style: theme::TextStyle,
) -> container::Container<'a, M> {
    stat(
        count.to_string(),
        caption,
        if count > 0 { style } else { plain },
    )
}

/// What was just done, with the offer to undo it (the same as Ctrl+Z).
pub fn undo_notice<'a, M: Clone + 'a>(message: &'a str, undo: M) -> Element<'a, M> {
    banner(
        text(message),
        "Hoàn tác (Ctrl+Z)",
        undo,
        [6, 12],
        theme::notice,
    )
}

/// A line across the page with one link at its end ("Hoàn tác (Ctrl+Z)", "Đóng"); `padding`
/// ([vertical, horizontal]) and `style` say how much it stands out.
pub fn banner<'a, M: Clone + 'a>(
    message: text::Text<'a>,
    link: &'a str,
    on_press: M,
    padding: [u16; 2],
    style: theme::BoxStyle,
) -> Element<'a, M> {
    container(
        row![
            message.width(Length::Fill),
            iced::widget::button(text(link))
                .style(theme::link)
                .on_press(on_press),
        ]
        .align_y(iced::Alignment::Center),
    )
    .padding(Padding::from(padding))
    .style(style)
    .into()
}

/// A button in the app's main colour with a semibold label ("+ Thêm việc", "Lưu");
/// `padding` is [vertical, horizontal]. The caller says what it sends (`on_press`, or
/// `on_press_maybe` to grey it out).
pub fn primary_button<'a, M: Clone + 'a>(
    label: impl text::IntoFragment<'a>,
    padding: [u16; 2],
) -> iced::widget::Button<'a, M> {
    iced::widget::button(text(label).font(super::font::SEMIBOLD))
        .style(theme::primary)
        .padding(padding)
}

/// A button for the other actions beside a [`primary_button`] ("Hủy", "Nhập danh sách…").
pub fn secondary_button<'a, M: Clone + 'a>(
    label: impl text::IntoFragment<'a>,
    padding: [u16; 2],
) -> iced::widget::Button<'a, M> {
    iced::widget::button(text(label))
        .style(theme::secondary)
        .padding(padding)
}

/// A small text button in a table row ("Sửa").
pub fn link<'a, M: Clone + 'a>(label: &'a str, on_press: M) -> Element<'a, M> {
    iced::widget::button(text(label).size(theme::SMALL))
        .style(theme::link)
        .padding([2, 4])
        .on_press(on_press)
        .into()
}

/// A small red text button in a table row ("Xóa").
pub fn danger_link<'a, M: Clone + 'a>(label: &'a str, on_press: M) -> Element<'a, M> {
    iced::widget::button(text(label).size(theme::SMALL))
        .style(theme::link_danger)
        .padding([2, 4])
        .on_press(on_press)
        .into()
}

/// An inline form: its fields, the reason it cannot be saved (red), then the save action and
/// "Hủy", on the pale notice background every form shares.
pub fn inline_form<'a, M: Clone + 'a>(
    fields: iced::widget::Column<'a, M>,
    error: Option<&'a str>,
    save_label: impl text::IntoFragment<'a>,
    save: M,
    cancel: M,
) -> Element<'a, M> {
    container(
        fields
            .push(error.map(|e| text(e).style(theme::danger_text)))
            .push(form_buttons(save_label, save, cancel))
            .spacing(8),
    )
    .padding(10)
    .style(theme::notice)
    .into()
}

/// The buttons under an inline form: the save action, then "Hủy".
pub fn form_buttons<'a, M: Clone + 'a>(
    save_label: impl text::IntoFragment<'a>,
    save: M,
    cancel: M,
) -> Element<'a, M> {
    row![
        primary_button(save_label, [6, 16]).on_press(save),
        secondary_button("Hủy", [6, 16]).on_press(cancel),
    ]
    .spacing(10)
    .into()
}

/// What was done (green) or why it could not be (red).
pub fn outcome_text(outcome: &Result<String, String>) -> text::Text<'_> {
    match outcome {
        Ok(done) => text(done).style(theme::success_text),
        Err(why) => text(why).style(theme::danger_text),
    }
}

/// What an import or an export did (green) or why it could not (red), with "Đóng".
pub fn outcome_banner<'a, M: Clone + 'a>(
    outcome: &'a Result<String, String>,
    dismiss: M,
) -> Element<'a, M> {
    banner(
        outcome_text(outcome),
        "Đóng",
        dismiss,
        [6, 12],
        theme::notice,
    )
}

/// "Lưu PDF để in… (Ctrl+P)", the main button of the screens that print ("Đang lưu…" while a
/// save runs); it can be pressed when there is something to print and no save is running.
pub fn save_pdf<'a, M: Clone + 'a>(saving: bool, ready: bool, save: M) -> Element<'a, M> {
    let label = if saving {
        "Đang lưu…"
    } else {
        "Lưu PDF để in… (Ctrl+P)"
    };
    primary_button(label, [10, 18])
        .on_press_maybe((ready && !saving).then_some(save))
        .into()
}

/// Where a paper was saved, with "Mở để in" and "Mở thư mục"; or why it was not, in red.
/// `open` asks the system to open a file or a folder.
pub fn saved_file<'a, M: Clone + 'a>(
    outcome: &'a Result<std::path::PathBuf, String>,
    open_label: &'a str,
    open: impl Fn(std::path::PathBuf) -> M,
) -> Element<'a, M> {
    match outcome {
        Ok(path) => container(
            row![
                text(format!("Đã lưu “{}”.", path.display())).width(Length::Fill),
                iced::widget::button(text(open_label))
                    .style(theme::primary)
                    .padding([6, 14])
                    .on_press(open(path.clone())),
                secondary_button("Mở thư mục", [6, 14])
                    .on_press_maybe(path.parent().map(|dir| open(dir.to_path_buf()))),
            ]
            .spacing(10)
            .align_y(iced::Alignment::Center),
        )
        .padding(Padding::from([8, 12]))
        .style(theme::notice)
        .into(),
        Err(message) => container(text(message).style(theme::danger_text))
            .padding(Padding::from([8, 12]))
            .style(theme::error_box)
            .into(),
    }
}

/// A pick-list entry: a value shown by its Vietnamese label.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick<T> {
    pub value: T,
    pub label: String,
}

impl<T> Pick<T> {
    pub fn new(value: T, label: impl Into<String>) -> Pick<T> {
        Pick {
            value,
            label: label.into(),
        }
    }

    /// Each value shown by its label.
    pub fn each(values: impl IntoIterator<Item = T>, label: fn(T) -> &'static str) -> Vec<Pick<T>>
    where
        T: Copy,
    {
        values
            .into_iter()
            .map(|value| Pick {
                label: label(value).to_string(),
                value,
            })
            .collect()
    }
}

/// A pick list of `options` showing the one whose value is `current`, with the app's padding;
/// it sends the value picked.
pub fn pick<'a, T, M>(
    options: Vec<Pick<T>>,
    current: &T,
    on_pick: impl Fn(T) -> M + 'a,
) -> iced::widget::PickList<'a, Pick<T>, Vec<Pick<T>>, Pick<T>, M>
where
    T: Clone + PartialEq + 'a,
    M: Clone + 'a,
{
    let selected = options.iter().find(|p| p.value == *current).cloned();
    iced::widget::pick_list(options, selected, move |p: Pick<T>| on_pick(p.value)).padding(8)
}

/// A labelled [`pick`] as wide as its share of the form's row.
pub fn labelled_pick<'a, T, M>(
    label: &'a str,
    options: Vec<Pick<T>>,
    current: &T,
    on_pick: impl Fn(T) -> M + 'a,
) -> Element<'a, M>
where
    T: Clone + PartialEq + 'a,
    M: Clone + 'a,
{
    labelled(label, pick(options, current, on_pick).width(Length::Fill))
}

impl<T> std::fmt::Display for Pick<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// Default text colour, for `stat`.
pub fn plain(_theme: &iced::Theme) -> text::Style {
    text::Style::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_is_composed_and_without_controls() {
        assert_eq!(Typed::from_raw("Tiếng Việt\r").value, "Tiếng Việt");
        assert_eq!(Typed::from_raw("Vie\u{0323}\u{0302}t").value, "Việt");
    }
}
