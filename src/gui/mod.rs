//! The window. Everything below `gui` may use iced; nothing outside it does.
//!
//! Screens follow the screen/message/event pattern: each screen in `screen/` owns its state,
//! its `Message` and its `Event`; `app` turns events into storage jobs run by `data::Writer`.

pub mod app;
pub mod data;
pub mod font;
pub mod history;
pub mod jobs;
mod opening;
mod password;
pub mod preview;
pub mod records;
mod restore;
pub mod screen;
pub mod shortcut;
pub mod system;
pub mod theme;
pub mod widget;
pub mod workspace;

use std::path::PathBuf;

pub use app::{App, Message, Section};

/// The application id: the X11 `WM_CLASS` and the Wayland `app_id`, which desktops match against
/// `StartupWMClass` in packaging/linux/vn.ngayhoi.NgayHoi.desktop to show the app's icon.
pub const APP_ID: &str = "ngayhoi";

/// iced settings shared by the window and the UI tests: bundled fonts, 15 px text.
pub fn settings() -> iced::Settings {
    iced::Settings {
        id: Some(APP_ID.into()),
        fonts: font::all(),
        default_font: font::REGULAR,
        default_text_size: theme::TEXT_SIZE.into(),
        antialiasing: true,
        ..iced::Settings::default()
    }
}

/// The window's first size: fits a 1366×768 laptop screen with its task bar.
pub const WINDOW_SIZE: iced::Size = iced::Size::new(1220.0, 700.0);

pub fn run(db: PathBuf) -> iced::Result {
    // One window per data file (storage::WindowLock). The window itself shows why it does not
    // open the file; the sentence goes to the console as well, for a start from a terminal.
    if let Err(e) = crate::storage::WindowLock::acquire(&db) {
        eprintln!("{e}");
    }
    let today = chrono::Local::now().date_naive();
    let boot = move || {
        let app = App::boot(db.clone(), today);
        let focus = app.focus();
        (app, focus)
    };
    iced::application(boot, App::update, App::view)
        .title(App::title)
        .subscription(App::subscription)
        .theme(theme::theme())
        .settings(settings())
        .window(iced::window::Settings {
            size: WINDOW_SIZE,
            min_size: Some(iced::Size::new(960.0, 600.0)),
            icon: window_icon(),
            // On Linux iced takes WM_CLASS and app_id from here, not from `Settings::id`.
            #[cfg(target_os = "linux")]
            platform_specific: iced::window::settings::PlatformSpecific {
                application_id: APP_ID.into(),
                ..Default::default()
            },
            ..iced::window::Settings::default()
        })
        .run()
}

/// The title bar and task bar icon, compiled in. An icon that cannot be decoded leaves the
/// window without one rather than stopping the app.
fn window_icon() -> Option<iced::window::Icon> {
    let png = include_bytes!("../../assets/icon-64.png");
    let image = image::load_from_memory_with_format(png, image::ImageFormat::Png).ok()?;
    let rgba = image.into_rgba8();
    let (width, height) = rgba.dimensions();
    iced::window::icon::from_rgba(rgba.into_raw(), width, height).ok()
}
