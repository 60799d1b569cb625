//! The look of a calm office tool: a light theme, one accent colour, red only for what is late.
//! Widget style functions live here so screens only pick a name.

use iced::border::Radius;
use iced::theme::Palette;
use iced::widget::{button, container, text};
use iced::{Background, Border, Color, Theme, color};

/// A text style function, as the screens pass them around.
pub type TextStyle = fn(&Theme) -> text::Style;
/// A container style function.
pub type BoxStyle = fn(&Theme) -> container::Style;

pub const TEXT_SIZE: f32 = 15.0;
pub const SMALL: f32 = 13.0;
pub const TITLE: f32 = 22.0;
pub const HEADING: f32 = 17.0;

pub const SIDEBAR: Color = color!(0xEEF1F5);
pub const SURFACE: Color = color!(0xFFFFFF);
pub const BORDER: Color = color!(0xD5DAE1);
pub const MUTED: Color = color!(0x5B6573);
pub const ACCENT: Color = color!(0x1D5C96);
pub const DANGER: Color = color!(0xB42318);
pub const SUCCESS: Color = color!(0x2E7D32);
pub const WARNING: Color = color!(0x9A5B00);
const OVERDUE_BG: Color = color!(0xFDECEA);
const SOON_BG: Color = color!(0xFFF6E0);
const HEADER_BG: Color = color!(0xE8ECF2);

pub fn theme() -> Theme {
    Theme::custom(
        "Ngày hội",
        Palette {
            background: color!(0xF7F8FA),
            text: color!(0x1F2328),
            primary: ACCENT,
            success: SUCCESS,
            warning: WARNING,
            danger: DANGER,
        },
    )
}

fn boxed(background: Color, border: Color, radius: f32) -> container::Style {
    container::Style {
        background: Some(Background::Color(background)),
        border: Border {
            color: border,
            width: 1.0,
            radius: Radius::from(radius),
        },
        ..container::Style::default()
    }
}

/// A plain area of one colour, without a border.
fn filled(background: Color) -> container::Style {
    container::Style {
        background: Some(Background::Color(background)),
        ..container::Style::default()
    }
}

pub fn sidebar(_theme: &Theme) -> container::Style {
    filled(SIDEBAR)
}

/// A white card on the grey page.
pub fn card(_theme: &Theme) -> container::Style {
    boxed(SURFACE, BORDER, 6.0)
}

pub fn table_header(_theme: &Theme) -> container::Style {
    boxed(HEADER_BG, BORDER, 0.0)
}

pub fn row_plain(_theme: &Theme) -> container::Style {
    filled(SURFACE)
}

/// The row the keyboard acts on.
pub fn row_selected(_theme: &Theme) -> container::Style {
    filled(color!(0xE8F1FB))
}

pub fn row_overdue(_theme: &Theme) -> container::Style {
    filled(OVERDUE_BG)
}

pub fn row_soon(_theme: &Theme) -> container::Style {
    filled(SOON_BG)
}

/// A strip across the top of the content for notices (undo, errors).
pub fn notice(_theme: &Theme) -> container::Style {
    boxed(color!(0xE8F1FB), color!(0xB6CFEA), 6.0)
}

pub fn error_box(_theme: &Theme) -> container::Style {
    boxed(OVERDUE_BG, color!(0xF1B8B2), 6.0)
}

/// Text of one colour.
fn coloured(color: Color) -> text::Style {
    text::Style { color: Some(color) }
}

pub fn muted(_theme: &Theme) -> text::Style {
    coloured(MUTED)
}

pub fn danger_text(_theme: &Theme) -> text::Style {
    coloured(DANGER)
}

pub fn success_text(_theme: &Theme) -> text::Style {
    coloured(SUCCESS)
}

pub fn warning_text(_theme: &Theme) -> text::Style {
    coloured(WARNING)
}

/// A sidebar entry; the current one is filled.
pub fn nav(active: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |_theme, status| {
        let background = match (active, status) {
            (true, _) => Some(Background::Color(color!(0xD6E3F3))),
            (false, button::Status::Hovered) => Some(Background::Color(color!(0xE2E7EE))),
            _ => None,
        };
        button::Style {
            background,
            text_color: if active { ACCENT } else { color!(0x1F2328) },
            border: Border {
                radius: Radius::from(6.0),
                ..Border::default()
            },
            ..button::Style::default()
        }
    }
}

/// A quiet button with a border, for secondary actions.
pub fn secondary(theme: &Theme, status: button::Status) -> button::Style {
    let base = button::Style {
        background: Some(Background::Color(SURFACE)),
        text_color: color!(0x1F2328),
        border: Border {
            color: BORDER,
            width: 1.0,
            radius: Radius::from(5.0),
        },
        ..button::Style::default()
    };
    match status {
        button::Status::Hovered => button::Style {
            background: Some(Background::Color(color!(0xF0F3F7))),
            ..base
        },
        button::Status::Disabled => button::Style {
            text_color: MUTED,
            ..base
        },
        _ => {
            let _ = theme;
            base
        }
    }
}

pub fn primary(theme: &Theme, status: button::Status) -> button::Style {
    button::Style {
        border: Border {
            radius: Radius::from(5.0),
            ..Border::default()
        },
        ..button::primary(theme, status)
    }
}

/// A button that looks like plain text (a clickable cell).
pub fn plain_button(_theme: &Theme, _status: button::Status) -> button::Style {
    text_button(color!(0x1F2328))
}

pub fn link(_theme: &Theme, status: button::Status) -> button::Style {
    text_button(match status {
        button::Status::Hovered => color!(0x0F3D66),
        _ => ACCENT,
    })
}

pub fn link_danger(_theme: &Theme, status: button::Status) -> button::Style {
    text_button(match status {
        button::Status::Hovered => color!(0x7A1710),
        _ => DANGER,
    })
}

/// A button drawn as its text alone, in this colour.
fn text_button(color: Color) -> button::Style {
    button::Style {
        text_color: color,
        ..button::Style::default()
    }
}
