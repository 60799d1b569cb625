//! The on-screen painter of laid-out pages: the same `document::Page` the PDF painter draws,
//! drawn on an iced canvas with the same fonts, so that the preview and the paper agree.

use iced::alignment::Vertical;
use iced::font::{Style, Weight};
use iced::widget::canvas::{self, Frame, Geometry, Path, Stroke, Text};
use iced::widget::text::{LineHeight, Shaping};
use iced::{Color, Element, Font, Length, Pixels, Point, Rectangle, Renderer, Size, Theme, mouse};

use crate::document::fonts::{MM_PER_PT, ascent_mm, descent_mm};
use crate::document::{Face, Item, Page};

/// Pixels per millimetre of the preview (an A4 page is 630 px wide).
pub const SCALE: f32 = 3.0;

/// Every page of a document one under the other, each under its "Trang n / N", as the
/// papers and the report show them before they are saved.
pub fn pages<'a, M: 'a>(document: &'a crate::document::Document) -> Element<'a, M> {
    use iced::widget::{column, container, text};
    let count = document.pages.len();
    column(document.pages.iter().enumerate().map(|(n, sheet)| {
        column![
            text(format!("Trang {} / {count}", n + 1))
                .size(super::theme::SMALL)
                .style(super::theme::muted),
            container(page(sheet)).style(super::theme::card).padding(1),
        ]
        .spacing(4)
        .into()
    }))
    .spacing(16)
    .into()
}

/// One page as a canvas of its own size.
pub fn page<'a, M: 'a>(page: &'a Page) -> Element<'a, M> {
    Sheet::new(page).into()
}

/// A page drawn at another scale, with what only the screen shows: the scan of a pre-printed
/// blank behind it and outlines of boxes over it, which the mouse may drag. Neither is ever
/// printed.
pub struct Sheet<'a, M> {
    page: &'a Page,
    /// Pixels per millimetre.
    scale: f32,
    background: Option<iced::widget::image::Handle>,
    /// Rectangles (x, y, width, height in mm) outlined in the accent colour.
    outlines: Vec<(f32, f32, f32, f32)>,
    /// What dragging outline `i` to (x, y) mm (its top-left corner, in half millimetres)
    /// means; `None`: outlines stay put.
    on_move: Option<OnMove<'a, M>>,
}

/// What dragging outline `i` to (x, y) mm means.
type OnMove<'a, M> = Box<dyn Fn(usize, f32, f32) -> M + 'a>;

impl<'a, M> Sheet<'a, M> {
    pub fn new(page: &'a Page) -> Sheet<'a, M> {
        Sheet {
            page,
            scale: SCALE,
            background: None,
            outlines: Vec::new(),
            on_move: None,
        }
    }

    pub fn scale(self, scale: f32) -> Sheet<'a, M> {
        Sheet { scale, ..self }
    }

    pub fn background(self, background: Option<iced::widget::image::Handle>) -> Sheet<'a, M> {
        Sheet { background, ..self }
    }

    pub fn outlines(self, outlines: Vec<(f32, f32, f32, f32)>) -> Sheet<'a, M> {
        Sheet { outlines, ..self }
    }

    pub fn on_move(self, on_move: impl Fn(usize, f32, f32) -> M + 'a) -> Sheet<'a, M> {
        Sheet {
            on_move: Some(Box::new(on_move)),
            ..self
        }
    }

    /// The millimetres under a point of the canvas.
    fn mm(&self, bounds: Rectangle, position: Point) -> (f32, f32) {
        (
            (position.x - bounds.x) / self.scale,
            (position.y - bounds.y) / self.scale,
        )
    }

    /// The topmost outline under a point, in mm.
    fn outline_at(&self, (x, y): (f32, f32)) -> Option<usize> {
        self.outlines
            .iter()
            .rposition(|(bx, by, w, h)| x >= *bx && x <= bx + w && y >= *by && y <= by + h)
    }
}

impl<'a, M: 'a> From<Sheet<'a, M>> for Element<'a, M> {
    fn from(sheet: Sheet<'a, M>) -> Self {
        let (width, height) = (
            sheet.page.width_mm * sheet.scale,
            sheet.page.height_mm * sheet.scale,
        );
        canvas::Canvas::new(PagePainter { sheet })
            .width(Length::Fixed(width))
            .height(Length::Fixed(height))
            .into()
    }
}

struct PagePainter<'a, M> {
    sheet: Sheet<'a, M>,
}

/// An outline being dragged: which, and where in it the mouse took hold (mm).
#[derive(Debug, Clone, Copy, Default)]
pub struct Drag {
    held: Option<(usize, f32, f32)>,
}

/// The iced font of a document face (the Liberation Serif files are registered at start-up).
pub fn font(face: Face) -> Font {
    let (weight, style) = match face {
        Face::Regular => (Weight::Normal, Style::Normal),
        Face::Bold => (Weight::Bold, Style::Normal),
        Face::Italic => (Weight::Normal, Style::Italic),
        Face::BoldItalic => (Weight::Bold, Style::Italic),
    };
    Font {
        weight,
        style,
        ..Font::with_name("Liberation Serif")
    }
}

impl<M> canvas::Program<M> for PagePainter<'_, M> {
    type State = Drag;

    fn update(
        &self,
        drag: &mut Drag,
        event: &canvas::Event,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> Option<canvas::Action<M>> {
        let on_move = self.sheet.on_move.as_ref()?;
        match event {
            canvas::Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left)) => {
                let position = cursor.position_over(bounds)?;
                let (x, y) = self.sheet.mm(bounds, position);
                let index = self.sheet.outline_at((x, y))?;
                let (bx, by, _, _) = self.sheet.outlines[index];
                drag.held = Some((index, x - bx, y - by));
                Some(canvas::Action::capture())
            }
            canvas::Event::Mouse(mouse::Event::CursorMoved { position }) => {
                let (index, dx, dy) = drag.held?;
                let (x, y) = self.sheet.mm(bounds, *position);
                let half = |v: f32| (v * 2.0).round() / 2.0;
                Some(
                    canvas::Action::publish(on_move(index, half(x - dx), half(y - dy)))
                        .and_capture(),
                )
            }
            canvas::Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Left)) => {
                drag.held.take()?;
                Some(canvas::Action::capture())
            }
            _ => None,
        }
    }

    fn mouse_interaction(
        &self,
        drag: &Drag,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> mouse::Interaction {
        if self.sheet.on_move.is_none() {
            return mouse::Interaction::default();
        }
        if drag.held.is_some() {
            return mouse::Interaction::Grabbing;
        }
        match cursor.position_over(bounds) {
            Some(p) if self.sheet.outline_at(self.sheet.mm(bounds, p)).is_some() => {
                mouse::Interaction::Grab
            }
            _ => mouse::Interaction::default(),
        }
    }

    fn draw(
        &self,
        _state: &Drag,
        renderer: &Renderer,
        _theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let scale = self.sheet.scale;
        let mut frame = Frame::new(renderer, bounds.size());
        frame.fill_rectangle(Point::ORIGIN, bounds.size(), Color::WHITE);
        if let Some(scan) = &self.sheet.background {
            frame.draw_image(
                Rectangle::new(Point::ORIGIN, bounds.size()),
                canvas::Image::new(scan.clone()),
            );
        }
        let at = |x: f32, y: f32| Point::new(x * scale, y * scale);
        let stroke = |width_pt: f32| {
            Stroke::default()
                .with_width((width_pt * MM_PER_PT * scale).max(0.75))
                .with_color(Color::BLACK)
        };
        for item in self.sheet.page.all_items() {
            match item {
                Item::Text(t) => {
                    // The layout gives the baseline; the canvas places the top of the line box.
                    let ascent = ascent_mm(t.face, t.size_pt);
                    let height = ascent + descent_mm(t.face, t.size_pt);
                    frame.fill_text(Text {
                        content: t.text.clone(),
                        position: at(t.x_mm, t.y_mm - ascent),
                        max_width: f32::INFINITY,
                        color: Color::BLACK,
                        size: Pixels(t.size_pt * MM_PER_PT * scale),
                        line_height: LineHeight::Absolute(Pixels(height * scale)),
                        font: font(t.face),
                        align_x: iced::widget::text::Alignment::Left,
                        align_y: Vertical::Top,
                        shaping: Shaping::Advanced,
                    });
                }
                Item::Rule(l) => frame.stroke(
                    &Path::line(at(l.x1_mm, l.y1_mm), at(l.x2_mm, l.y2_mm)),
                    stroke(l.width_pt),
                ),
                Item::Rect(r) => frame.stroke(
                    &Path::rectangle(
                        at(r.x_mm, r.y_mm),
                        Size::new(r.width_mm * scale, r.height_mm * scale),
                    ),
                    stroke(r.width_pt),
                ),
            }
        }
        let outline = Stroke::default().with_width(1.0).with_color(Color {
            a: 0.7,
            ..crate::gui::theme::ACCENT
        });
        for (x, y, w, h) in &self.sheet.outlines {
            frame.stroke(
                &Path::rectangle(at(*x, *y), Size::new(w * scale, h * scale)),
                outline,
            );
        }
        vec![frame.into_geometry()]
    }
}
