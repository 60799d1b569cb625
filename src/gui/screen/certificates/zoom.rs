//! How large the preview is drawn: fitted so that the whole page shows on a 1024×640 screen, or
//! zoomed in or out from there in steps (Ctrl+= and Ctrl+-, Ctrl+0 to fit again, and the
//! buttons above the page).

/// A change of size asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    In,
    Out,
    Fit,
}

/// The box a fitted page is drawn in, in pixels: as wide as the content area allows and low
/// enough for a landscape page to show whole in a 640-pixel-high window once scrolled to.
const FIT_WIDTH: f32 = 900.0;
const FIT_HEIGHT: f32 = 520.0;
/// Each step is a quarter larger or smaller.
const STEP: f32 = 1.25;
const FEWEST: i32 = -3;
const MOST: i32 = 5;

/// Steps away from the fitted size (0: fitted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Level(i32);

impl Level {
    pub fn apply(self, zoom: Zoom) -> Level {
        Level(match zoom {
            Zoom::In => (self.0 + 1).min(MOST),
            Zoom::Out => (self.0 - 1).max(FEWEST),
            Zoom::Fit => 0,
        })
    }

    /// Pixels per millimetre for a page of this size.
    pub fn scale(self, width_mm: f32, height_mm: f32) -> f32 {
        let fitted = (FIT_WIDTH / width_mm)
            .min(FIT_HEIGHT / height_mm)
            .min(crate::gui::preview::SCALE);
        fitted * self.factor()
    }

    fn factor(self) -> f32 {
        STEP.powi(self.0)
    }

    /// The size against the fitted page, as shown between the buttons ("125 %").
    pub fn label(self) -> String {
        format!("{} %", (self.factor() * 100.0).round())
    }

    pub fn can_zoom_in(self) -> bool {
        self.0 < MOST
    }

    pub fn can_zoom_out(self) -> bool {
        self.0 > FEWEST
    }

    pub fn is_fitted(self) -> bool {
        self.0 == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_landscape_a4_page_fits_the_box_and_zooms_in_quarters() {
        let fitted = Level::default();
        let scale = fitted.scale(297.0, 210.0);
        assert!(210.0 * scale <= FIT_HEIGHT && 297.0 * scale <= FIT_WIDTH);
        let larger = fitted.apply(Zoom::In);
        assert_eq!(larger.label(), "125 %");
        assert!((larger.scale(297.0, 210.0) - scale * 1.25).abs() < 1e-4);
        assert_eq!(larger.apply(Zoom::Fit), fitted);
        let smallest = (0..10).fold(fitted, |l, _| l.apply(Zoom::Out));
        assert_eq!(smallest.label(), "51 %");
        assert!(!smallest.can_zoom_out());
    }
}
