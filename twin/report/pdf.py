"""The council report as an A4 PDF (fpdf2, DejaVu Sans so that „“ – ² ä ö ü ß come out right; no Qt).

Layout: title block (municipality, „Vorlage für die Sitzung des Gemeinderats“, variant, description, date),
the key-figure table (Kennzahl | Bestand | Variante | Änderung) with its notes, the data sources with their
dates, then one page per viewpoint with the view in the Bestand above the view in the variant. Every page
has „Seite n von N“ in the footer.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import numpy as np
from fpdf import FPDF, FontFace, XPos, YPos
from PIL import Image

from twin.errors import ReportError
from twin.report.content import KeyFigure, ReportContent, ViewPair

FONT = "DejaVu"
MARGIN_MM = 18.0
TEXT_GREY = (90, 90, 90)
HEAD_FILL = (226, 232, 238)
#: footnote marks of the key-figure table
MARKS = "¹²³⁴⁵⁶⁷⁸⁹"
JPEG_QUALITY = 88
MINUS = "−"


def font_files() -> tuple[Path, Path]:
    """DejaVu Sans regular and bold as shipped with matplotlib (a dependency anyway)."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    files = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
    for f in files:
        if not f.is_file():
            raise ReportError(f"Die Schrift für den Bericht fehlt ({f.name} aus matplotlib); bitte matplotlib neu "
                              "installieren.", path=f)
    return files


def german_number(value: float, digits: int = 0, *, sign: bool = False) -> str:
    """1234.5 -> '1.234,5' (German separators, minus sign U+2212); ``sign``: '+8', '−1.997', '±0'."""
    rounded = round(float(value), digits)
    if rounded == 0:
        rounded = 0.0  # no "-0"
    text = f"{abs(rounded):,.{digits}f}".replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    if rounded < 0:
        return MINUS + text
    if sign:
        return ("+" if rounded > 0 else "±") + text
    return text


def german_date(day: dt.date | None) -> str:
    return "–" if day is None else f"{day:%d.%m.%Y}"


def figure_cells(fig: KeyFigure) -> tuple[str, str, str]:
    """Bestand, Variante and Änderung of a key figure as printed („–“ where a value is missing)."""
    def value(v: float | None) -> str:
        return "–" if v is None else f"{german_number(v, fig.digits)} {fig.unit}".strip()

    change = fig.change
    delta = "–" if change is None else f"{german_number(change, fig.digits, sign=True)} {fig.unit}".strip()
    return value(fig.before), value(fig.after), delta


class _ReportPDF(FPDF):
    """A4 portrait with the report's running header and the page footer."""

    def __init__(self, content: ReportContent) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.content = content
        regular, bold = font_files()
        self.add_font(FONT, "", str(regular))
        self.add_font(FONT, "B", str(bold))
        self.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        self.set_auto_page_break(True, margin=MARGIN_MM)
        self.set_image_filter("DCTDecode")
        self.set_lang("de-DE")
        self.set_title(f"Ratsvorlage: {content.variant_title}")
        self.set_author(content.municipality)
        self.set_subject("Vorlage für die Sitzung des Gemeinderats")
        self.set_creator("Stadtzwilling")

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(FONT, "", 8)
        self.set_text_color(*TEXT_GREY)
        self.cell(0, 5, f"{self.content.municipality} · Ratsvorlage: {self.content.variant_title}",
                  new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.set_text_color(*TEXT_GREY)
        self.cell(0, 5, f"Erstellt mit Stadtzwilling am {german_date(self.content.date)}", align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Seite {self.page_no()} von {{nb}}", align="R")
        self.set_text_color(0, 0, 0)

    # ----------------------------------------------------------------- blocks
    def heading(self, text: str, size: float = 13) -> None:
        self.set_font(FONT, "B", size)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)

    def paragraph(self, text: str, size: float = 10, grey: bool = False) -> None:
        self.set_font(FONT, "", size)
        if grey:
            self.set_text_color(*TEXT_GREY)
        self.multi_cell(0, size * 0.48, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)


def write_pdf(content: ReportContent, path: str | Path) -> Path:
    """Write the report to ``path`` (overwritten); returns the path."""
    pdf = _ReportPDF(content)
    pdf.add_page()
    _title_block(pdf, content)
    _figure_table(pdf, content.figures)
    _sources(pdf, content)
    for pair in content.views:
        _view_page(pdf, pair)
    path = Path(path)
    try:
        pdf.output(str(path))
    except OSError as exc:
        raise ReportError(f"Der Bericht kann nicht geschrieben werden: {exc.strerror or exc}", path=path) from None
    return path


def _title_block(pdf: _ReportPDF, c: ReportContent) -> None:
    pdf.set_font(FONT, "", 10)
    pdf.set_text_color(*TEXT_GREY)
    pdf.cell(0, 5, c.municipality, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1)
    pdf.set_font(FONT, "B", 11)
    pdf.cell(0, 6, "Vorlage für die Sitzung des Gemeinderats", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    pdf.heading(f"Planungsvariante „{c.variant_title}“", 17)
    if c.variant_description:
        pdf.paragraph(c.variant_description, 10.5)
        pdf.ln(2)
    stand = f"Stand: {german_date(c.date)}"
    if c.twin_title:
        stand += f" · Grundlage: {c.twin_title} (nur die für diese Rolle freigegebenen Daten)"
    pdf.paragraph(stand, 9, grey=True)
    pdf.set_draw_color(160, 170, 180)
    pdf.line(pdf.l_margin, pdf.get_y() + 2, pdf.w - pdf.r_margin, pdf.get_y() + 2)
    pdf.ln(6)


def _figure_table(pdf: _ReportPDF, figures: list[KeyFigure]) -> None:
    pdf.heading("Kennzahlen")
    notes: list[str] = []
    pdf.set_font(FONT, "", 9.5)
    head = FontFace(emphasis="BOLD", fill_color=HEAD_FILL)
    with pdf.table(col_widths=(76, 31, 31, 36), text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT"), line_height=5,
                   headings_style=head, padding=1.5, borders_layout="HORIZONTAL_LINES") as table:
        table.row(("Kennzahl", "Bestand", "Variante", "Änderung"))
        for fig in figures:
            label = fig.label
            if fig.note:
                notes.append(fig.note)
                label += _mark(len(notes))
            table.row((label, *figure_cells(fig)))
    if notes:
        pdf.ln(2)
        for i, note in enumerate(notes, start=1):
            pdf.paragraph(f"{_mark(i)} {note}", 8.5, grey=True)
    for note in pdf.content.notes:
        pdf.paragraph(note, 8.5, grey=True)
    pdf.ln(5)


def _mark(i: int) -> str:
    return MARKS[i - 1] if i <= len(MARKS) else f"[{i}]"


def _sources(pdf: _ReportPDF, c: ReportContent) -> None:
    pdf.heading("Datengrundlagen")
    if not c.sources:
        pdf.paragraph("Keine Herkunftsangaben im Datenbestand (keine importierten Dateien verzeichnet).", 9.5)
        return
    pdf.set_font(FONT, "", 9)
    head = FontFace(emphasis="BOLD", fill_color=HEAD_FILL)
    with pdf.table(col_widths=(144, 30), text_align=("LEFT", "RIGHT"), line_height=4.6, headings_style=head,
                   padding=1.2, borders_layout="HORIZONTAL_LINES") as table:
        table.row(("Quelle", "Stand"))
        for src in c.sources:
            table.row((src.source, german_date(src.date)))


def _jpeg(image: np.ndarray) -> io.BytesIO:
    """An RGB array as JPEG (embedded as it is: the PDF stays a few hundred kB per view)."""
    out = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(image[:, :, :3]).astype(np.uint8), "RGB").save(
        out, format="JPEG", quality=JPEG_QUALITY)
    out.seek(0)
    return out


def _view_page(pdf: _ReportPDF, pair: ViewPair) -> None:
    pdf.add_page()
    pdf.heading(f"Ansicht „{pair.viewpoint.name}“")
    if pair.caption:
        pdf.paragraph(pair.caption, 9, grey=True)
        pdf.ln(1)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for label, image in (("Bestand (heute)", pair.before), ("Variante (geplant)", pair.after)):
        h, w = image.shape[:2]
        height = width * h / w
        pdf.set_font(FONT, "B", 10)
        pdf.cell(0, 6, label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.image(_jpeg(image), x=pdf.l_margin, w=width, h=height, alt_text=f"{pair.viewpoint.name}: {label}")
        pdf.ln(3)
