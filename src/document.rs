//! The electronic permit as a PDF (Art. 33(5)): A4, labels in Kazakh and Russian from the
//! catalogue, text in DejaVu Sans (it has every Kazakh and Russian letter), and a QR code,
//! drawn as vector squares, of the public verification page's address, also a link. The
//! same data as `cases::documents::PermitDocument`, nothing more.
//!
//! printpdf subsets fonts only with its `text_layout` feature, which brings azul's whole
//! layout engine; without it the font is embedded whole and compressed, so a document is
//! about 390 kB whatever its length. Worth revisiting if documents are mailed in bulk.

use crate::cases::documents::PermitDocument;
use crate::domain::permit::number::PermitNumber;
use crate::domain::permit::{PermitKind, PermitState};
use crate::domain::Message;
use crate::format;
use crate::i18n::Lang;
use printpdf::{
    Actions, BorderArray, Color, FontId, LinkAnnotation, Mm, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};
use qrcode::{EcLevel, QrCode};
use std::sync::OnceLock;

/// DejaVu Sans (Bitstream Vera licence, `assets/fonts/LICENSE-DejaVu`).
const FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");

const PAGE_W: f32 = 210.0;
const PAGE_H: f32 = 297.0;
const MARGIN: f32 = 20.0;
/// Side of the QR code, mm.
const QR_SIDE: f32 = 40.0;
/// Characters on a line of 10 pt text across the page (DejaVu Sans averages ~0.55 em).
const LINE_CHARS: usize = 85;

#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("the embedded font does not parse")]
    Font,
    #[error("the QR code cannot hold the address: {0}")]
    Qr(#[from] qrcode::types::QrError),
}

/// The public page a permit's QR code points at.
pub fn verification_url(public_base_url: &str, number: &PermitNumber) -> String {
    format!(
        "{}/console/verify/{}",
        public_base_url.trim_end_matches('/'),
        number.as_str()
    )
}

/// The QR code of `payload` as rows of dark (`true`) and light modules, quiet zone not
/// included. Error correction M (15 %), enough for a printed and folded page.
pub fn qr_modules(payload: &str) -> Result<Vec<Vec<bool>>, DocumentError> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)?;
    let width = code.width();
    let colors = code.into_colors();
    Ok(colors
        .chunks(width)
        .map(|row| row.iter().map(|c| *c == qrcode::Color::Dark).collect())
        .collect())
}

fn font() -> Result<&'static ParsedFont, DocumentError> {
    static PARSED: OnceLock<Option<ParsedFont>> = OnceLock::new();
    PARSED
        .get_or_init(|| ParsedFont::from_bytes(FONT, 0, &mut Vec::new()))
        .as_ref()
        .ok_or(DocumentError::Font)
}

/// "Kazakh / Russian" of a catalogue message.
/// A date as Kazakh and Russian both write it (`07.12.2026`), the formats every page shares.
fn day(d: chrono::NaiveDate) -> String {
    format::date(Lang::Ru, d)
}

fn both(message: &Message) -> String {
    format!("{} / {}", Lang::Kk.text(message), Lang::Ru.text(message))
}

fn label(key: &str) -> String {
    both(&Message::new(key))
}

/// What the document says of the permit's standing on the day it is made.
fn status_key(doc: &PermitDocument) -> &'static str {
    match doc.status {
        _ if doc.valid_today => "document-status-valid",
        PermitState::Suspended => "document-status-suspended",
        PermitState::Revoked => "document-status-revoked",
        PermitState::Returned => "document-status-returned",
        PermitState::Expired => "document-status-expired",
        _ => "document-status-active",
    }
}

/// Splits `text` into lines of at most `width` characters, at spaces where it can.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.chars().count() > width {
            let head: String = line.chars().take(width).collect();
            let tail: String = line.chars().skip(width).collect();
            lines.push(head);
            line = tail;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn black() -> Color {
    Color::Rgb(Rgb {
        r: 0.0,
        g: 0.0,
        b: 0.0,
        icc_profile: None,
    })
}

/// Lays text out top to bottom, starting a new page when one is full.
struct Layout {
    font: FontId,
    pages: Vec<Vec<Op>>,
    /// Baseline of the next line, mm from the bottom.
    y: f32,
}

impl Layout {
    fn new(font: FontId) -> Layout {
        Layout {
            font,
            pages: vec![Vec::new()],
            y: PAGE_H - MARGIN,
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Makes room for `mm` more below the cursor, on a new page if needed.
    fn room(&mut self, mm: f32) {
        if self.y - mm < MARGIN {
            self.pages.push(Vec::new());
            self.y = PAGE_H - MARGIN;
        }
    }

    fn text_at(&mut self, x: f32, y: f32, size: f32, text: &str) {
        let font = self.font.clone();
        self.ops().extend([
            Op::StartTextSection,
            Op::SetFillColor { col: black() },
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point::new(Mm(x), Mm(y)),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    /// One paragraph at `size` pt, wrapped, indented by `indent` mm.
    fn line(&mut self, size: f32, indent: f32, text: &str) {
        let width = usize::try_from((LINE_CHARS as f32 * 10.0 / size) as i64).unwrap_or(40);
        let step = size * 0.3528 * 1.45;
        for part in wrap(text, width.saturating_sub((indent / 2.0) as usize)) {
            self.room(step);
            self.y -= step;
            self.text_at(MARGIN + indent, self.y, size, &part);
        }
    }

    /// A label line above its value, indented.
    fn field(&mut self, key: &str, value: &str) {
        self.labelled(&label(key), value);
    }

    fn labelled(&mut self, label: &str, value: &str) {
        self.gap(1.5);
        self.line(8.0, 0.0, label);
        self.line(11.0, 4.0, value);
    }

    fn gap(&mut self, mm: f32) {
        self.y -= mm;
    }

    /// The QR code of `payload` with its address beside it, linked to it.
    fn qr(&mut self, payload: &str) -> Result<(), DocumentError> {
        let modules = qr_modules(payload)?;
        self.room(QR_SIDE + 8.0);
        self.gap(4.0);
        let top = self.y;
        let n = modules.len().max(1) as f32;
        let cell = QR_SIDE / n;
        let (x0, y0) = (MARGIN, top - QR_SIDE);
        let mut ops = vec![Op::SetFillColor { col: black() }];
        for (row, cells) in modules.iter().enumerate() {
            for (col, dark) in cells.iter().enumerate() {
                if *dark {
                    let mut r = Rect::from_xywh(
                        Mm(x0 + col as f32 * cell).into(),
                        Mm(top - (row as f32 + 1.0) * cell).into(),
                        Mm(cell).into(),
                        Mm(cell).into(),
                    );
                    r.mode = Some(PaintMode::Fill);
                    ops.push(Op::DrawRectangle { rectangle: r });
                }
            }
        }
        ops.push(Op::LinkAnnotation {
            link: LinkAnnotation::new(
                Rect::from_xywh(
                    Mm(x0).into(),
                    Mm(y0).into(),
                    Mm(QR_SIDE).into(),
                    Mm(QR_SIDE).into(),
                ),
                Actions::Uri(payload.to_owned()),
                // No frame around the link: the code itself is what is seen.
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                None,
                None,
            ),
        });
        self.ops().extend(ops);
        let text_x = MARGIN + QR_SIDE + 6.0;
        self.text_at(text_x, top - 6.0, 8.0, &label("document-verify"));
        let width = 60;
        for (i, part) in wrap(payload, width).iter().enumerate() {
            self.text_at(text_x, top - 12.0 - i as f32 * 4.5, 9.0, part);
        }
        self.y = y0;
        Ok(())
    }
}

/// Renders the permit's document: a PDF whose title is its number.
pub fn render(doc: &PermitDocument, verify_url: &str) -> Result<Vec<u8>, DocumentError> {
    let font = font()?;
    let mut pdf = PdfDocument::new(&format!("Permit {}", doc.number));
    pdf.metadata.info.subject = verify_url.to_owned();
    pdf.metadata.info.creator = "Foreign-labour permit and quota service".into();
    let font_id = pdf.add_font(font);
    let mut l = Layout::new(font_id);

    let mut title = label("document-title");
    if doc.kind == PermitKind::Extension {
        title = format!("{title} ({})", label("document-extension"));
    }
    l.line(14.0, 0.0, &title);
    l.gap(2.0);
    l.line(16.0, 0.0, &format!("№ {}", doc.number));
    l.line(8.0, 0.0, &label("document-basis"));
    l.gap(3.0);
    l.field("document-issued-on", &day(doc.issued_on));
    let employer = doc.employer_name.as_deref().unwrap_or("—");
    l.field("document-employer", employer);
    l.field("document-bin", &doc.employer_bin);
    let category = format!("document-category-{}", doc.category.code());
    l.field("document-category", &label(&category));
    l.field("document-profession", &doc.profession);
    let regions: Vec<String> = doc
        .regions
        .iter()
        .map(|r| format!("{} {} / {}", r.code, r.name_kk, r.name_ru))
        .collect();
    l.field("document-regions", &regions.join("; "));
    l.field(
        "document-term",
        &format!("{} — {}", day(doc.valid_from), day(doc.valid_to)),
    );
    l.labelled(
        &both(&Message::new("document-status").text("date", day(doc.printed_on))),
        &label(status_key(doc)),
    );
    if let Some(end) = &doc.ended {
        // The ground in both languages, with the article that carries it.
        let article = match &end.article {
            Some(a) => format!(
                "{} / {}",
                format::citation(Lang::Kk, a),
                format::citation(Lang::Ru, a)
            ),
            None => label("console-service-rule"),
        };
        l.labelled(
            &both(&Message::new("document-ended").text("date", day(end.on))),
            &format!("{} ({article})", both(&end.ground)),
        );
    }
    l.gap(3.0);
    l.line(11.0, 0.0, &label("document-workers"));
    for (i, w) in doc.workers.iter().enumerate() {
        let name = match &w.full_name_cyrillic {
            Some(c) => format!("{} ({c})", w.full_name_latin),
            None => w.full_name_latin.clone(),
        };
        let passport = format!(
            "{} / {}",
            Lang::Kk.key("document-passport"),
            Lang::Ru.key("document-passport")
        );
        l.line(
            10.0,
            4.0,
            &format!(
                "{}. {name}, {} / {}, {passport} {}",
                i + 1,
                w.citizenship_kk,
                w.citizenship_ru,
                w.passport_number
            ),
        );
    }
    l.qr(verify_url)?;

    let pages = l
        .pages
        .into_iter()
        .map(|ops| PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops))
        .collect();
    let bytes = pdf
        .with_pages(pages)
        .save(&PdfSaveOptions::default(), &mut Vec::new());
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_points_at_the_console_verification_page() {
        let n = PermitNumber::parse("KZ-2026-ABCD-EFGH-JKMN").unwrap();
        let url = verification_url("https://permits.example.kz/", &n);
        assert_eq!(
            url,
            "https://permits.example.kz/console/verify/KZ-2026-ABCD-EFGH-JKMN"
        );
        let modules = qr_modules(&url).unwrap();
        let expected = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).unwrap();
        assert_eq!(modules.len(), expected.width());
        assert!(modules.iter().all(|row| row.len() == expected.width()));
        // The finder pattern's corner is dark: a real code, not an empty matrix.
        assert!(modules[0][0]);
    }

    #[test]
    fn the_bundled_font_has_every_kazakh_and_russian_letter() {
        let font = font().unwrap();
        for c in "әғқңөұүһіӘҒҚҢӨҰҮҺІабвгдеёжзийклмнопрстуфхцчшщъыьэюяАЯЁ№—".chars()
        {
            assert!(
                font.lookup_glyph_index(c as u32).is_some(),
                "no glyph for {c}"
            );
        }
    }

    fn sample() -> PermitDocument {
        use crate::cases::documents::{DocumentWorker, RegionName};
        let date = |s: &str| s.parse().unwrap();
        PermitDocument {
            id: 1,
            number: PermitNumber::parse("KZ-2026-ABCD-EFGH-JKMN").unwrap(),
            issued_on: date("2026-01-10"),
            kind: PermitKind::Permit,
            employer_bin: "210340000013".into(),
            employer_name: Some("«Қазақ Өңірі» ЖШС".into()),
            category: crate::domain::Category::Specialists,
            profession: "Инженер-бұрғылаушы".into(),
            regions: vec![RegionName {
                code: "KZ-75".into(),
                name_kk: "Алматы қаласы".into(),
                name_ru: "город Алматы".into(),
                name_en: "Almaty".into(),
            }],
            valid_from: date("2026-01-15"),
            valid_to: date("2027-01-14"),
            status: PermitState::Active,
            valid_today: true,
            workers: (0..60)
                .map(|i| DocumentWorker {
                    full_name_latin: format!("WORKER {i}"),
                    full_name_cyrillic: Some("ҒАЛЫМ ҮСЕНОВ".into()),
                    citizenship: "UZB".into(),
                    citizenship_kk: "Өзбекстан".into(),
                    citizenship_ru: "Узбекистан".into(),
                    passport_number: format!("FA{i:07}"),
                })
                .collect(),
            printed_on: date("2026-02-01"),
            ended: None,
        }
    }

    #[test]
    fn a_long_document_runs_over_pages() {
        let pdf = render(
            &sample(),
            "https://example.kz/console/verify/KZ-2026-ABCD-EFGH-JKMN",
        )
        .unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let parsed = PdfDocument::parse(&pdf, &Default::default(), &mut Vec::new()).unwrap();
        assert!(parsed.pages.len() >= 2, "{} pages", parsed.pages.len());
        // The whole font, compressed, and little else (see the module comment).
        assert!(pdf.len() < 600_000, "{} bytes", pdf.len());
    }

    /// Every character a stored name can hold (the Latin and Cyrillic name types' normal
    /// forms) has a glyph in the embedded font: no name prints as blank space. Tried on
    /// every character of the Basic Multilingual Plane between two letters.
    #[test]
    fn every_character_a_stored_name_can_hold_has_a_glyph() {
        use crate::domain::person::{CyrillicName, LatinName};
        let font = font().unwrap();
        let mut held = std::collections::BTreeSet::new();
        for c in (0u32..0x1_0000).filter_map(char::from_u32) {
            if let Ok(n) = LatinName::parse(&format!("A{c}A")) {
                held.extend(n.as_str().chars());
            }
            if let Ok(n) = CyrillicName::parse(&format!("А{c}А")) {
                held.extend(n.as_str().chars());
            }
        }
        assert!(held.contains(&'Z') && held.contains(&'Ө') && held.contains(&'Ё'));
        let missing: Vec<char> = held
            .iter()
            .copied()
            .filter(|c| *c != ' ' && font.lookup_glyph_index(u32::from(*c)).is_none())
            .collect();
        assert!(missing.is_empty(), "no glyph for {missing:?}");
    }

    #[test]
    fn long_text_wraps_at_spaces_and_splits_long_words() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 3), vec![""]);
    }
}
