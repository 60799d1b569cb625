//! The head of the first page: the two header blocks, the number and the place-and-date
//! line, the document type and its summary; the page numbers; the title for the viewer.

use super::*;

/// Both header blocks and the number / place-and-date row; returns the y under them.
pub(super) fn header(page: &mut Page, doc: &AdminDocument, columns: &Columns) -> f32 {
    let Columns { left, right } = *columns;

    let parent = balanced(HEADER, &upper(&doc.parent_body), left.width);
    let mut left_y = set(page, &parent, HEADER, left, MARGIN_TOP_MM, Align::Center);
    let issuer = balanced(HEADER_BOLD, &upper(&doc.issuer), left.width);
    left_y = set(page, &issuer, HEADER_BOLD, left, left_y, Align::Center);
    if !issuer.is_empty() {
        left_y = rule_under(page, left.center(), widest(&issuer) * SHORT_RULE, left_y);
    }

    let title = HEADER_BOLD.fill(NATIONAL_TITLE, right);
    let mut right_y = set(
        page,
        &title,
        HEADER_BOLD,
        right,
        MARGIN_TOP_MM,
        Align::Center,
    );
    let motto = MOTTO_STYLE.fill(MOTTO, right);
    right_y = set(page, &motto, MOTTO_STYLE, right, right_y, Align::Center);
    right_y = rule_under(page, right.center(), widest(&motto), right_y);

    // The number and the place-and-date line share a row under both blocks, and a baseline.
    let row_y = left_y.max(right_y) + 2.0;
    let number_y = row_y + PLACE_DATE.baseline() - HEADER.baseline();
    let number = HEADER.fill(&doc.number.as_deref().map(clean).unwrap_or_default(), left);
    let place_date = PLACE_DATE.fill(&clean(&doc.place_date), right);
    let left_end = set(page, &number, HEADER, left, number_y, Align::Center);
    let right_end = set(page, &place_date, PLACE_DATE, right, row_y, Align::Center);
    left_end.max(right_end)
}

/// The document type, the summary and the rule under it; returns the y where the body starts.
pub(super) fn title(page: &mut Page, doc: &AdminDocument, y: f32) -> f32 {
    let kind = TITLE.fill(&upper(&doc.kind), TEXT);
    // A narrower summary reads as a centred block rather than one long line.
    let summary_span = TEXT.inset(INDENT_MM, INDENT_MM);
    let summary = balanced(TITLE, &clean(&doc.summary), summary_span.width);
    let note = balanced(PLACE_DATE, &clean(&doc.summary_note), summary_span.width);
    if kind.is_empty() && summary.is_empty() {
        return y;
    }
    let mut y = set(page, &kind, TITLE, TEXT, y + TITLE_GAP_MM, Align::Center);
    y = set(page, &summary, TITLE, summary_span, y, Align::Center);
    y = set(page, &note, PLACE_DATE, summary_span, y, Align::Center);
    if !summary.is_empty() {
        let widest = widest(&summary).max(widest(&note));
        y = rule_under(page, TEXT.center(), widest * SHORT_RULE, y);
    }
    y + BODY.pitch()
}

/// The page number, centred in the top margin.
pub(super) fn number(page: &mut Page, n: usize) {
    let text = n.to_string();
    let style = PAGE_NUMBER;
    let ascent = fonts::ascent_mm(style.face, style.size_pt);
    let descent = fonts::descent_mm(style.face, style.size_pt);
    let x = MARGIN_LEFT_MM + (TEXT_WIDTH_MM - style.width(&text)) / 2.0;
    let y = (MARGIN_TOP_MM + ascent - descent) / 2.0;
    page.text(x, y, style.size_pt, style.face, &text);
}

/// "Báo cáo kết quả tổ chức Ngày hội ...", for the viewer's title bar.
pub(super) fn document_title(doc: &AdminDocument) -> String {
    let kind = clean(&doc.kind).to_lowercase();
    let summary = clean(&doc.summary);
    let mut title = if kind.is_empty() {
        summary
    } else {
        let mut summary_chars = summary.chars();
        let first = summary_chars
            .next()
            .map(|c| c.to_lowercase().collect::<String>());
        format!(
            "{kind} {}{}",
            first.unwrap_or_default(),
            summary_chars.as_str()
        )
    };
    if let Some(first) = title.chars().next() {
        title = format!("{}{}", first.to_uppercase(), &title[first.len_utf8()..]);
    }
    title.trim().to_owned()
}
