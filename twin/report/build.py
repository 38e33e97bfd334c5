"""Making a council report: figures, data sources, the before/after views and the PDF, with progress and
cancel. The PDF is written to a temporary file next to the target and renamed at the end, so a cancelled or
failed run leaves no partial file (and an older report of the same name untouched)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from twin.cancel import cancel_fn
from twin.errors import Cancelled, ReportError
from twin.project import Project
from twin.report.content import KeyFigure, ReportContent, ViewPair, Viewpoint
from twin.report.figures import data_sources, report_variant, twin_title, variant_figures
from twin.report.pdf import write_pdf
from twin.report.viewpoints import changed_bounds, default_viewpoints

ProgressFn = Callable[[float, str], None]


class RenderViews(Protocol):
    """Renders the before/after pictures (e.g. :func:`views.report_shots.render_views`)."""

    def __call__(self, project: Project, variant_id: str, viewpoints: Sequence[Viewpoint], *,
                 role: str | None = None, progress: ProgressFn | None = None,
                 check: Callable[[], None] | None = None) -> list[ViewPair]: ...


def build_report(project: Project, variant_id: str, out: str | Path, *, render: RenderViews,
                 role: str | None = None, viewpoints: Sequence[Viewpoint] | None = None,
                 extra_figures: Sequence[KeyFigure] = (), progress: ProgressFn | None = None, cancel: Any = None,
                 today: dt.date | None = None) -> Path:
    """Write the council report of ``variant_id`` to ``out`` (a ``.pdf``); returns the path.

    ``render`` draws the views (the caller chooses the renderer; the core has no 3D). ``role`` reads
    everything through that role's policy (``rat`` for the Ratszwilling). ``viewpoints`` default to
    „Gesamtansicht“ and „Änderungsbereich“; ``extra_figures`` (e.g. land-management figures) follow the
    variant's own figures. ``cancel`` is a callable or a token with ``cancelled``; cancelling raises
    :class:`~twin.errors.Cancelled` and leaves no file.
    """
    report = progress or (lambda f, m: None)
    is_cancelled = cancel_fn(cancel)

    def check() -> None:
        if is_cancelled():
            raise Cancelled("Ratsbericht abgebrochen; es wurde keine Datei geschrieben.")

    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise ReportError(f"Der Bericht wird als PDF geschrieben; bitte einen Dateinamen mit .pdf angeben "
                          f"(nicht „{out.name}“).", path=out)
    if not out.parent.is_dir():
        raise ReportError(f"Den Ordner „{out.parent}“ gibt es nicht.", path=out)
    report(0.0, "Kennzahlen berechnen …")
    variant = report_variant(project, variant_id, role)
    changed_bounds(project, variant_id, role)  # ReportError: a variant without changes has nothing to show
    figures = variant_figures(project, variant_id, role) + _land_figures(project, variant_id, role) \
        + list(extra_figures)
    sources = data_sources(project, role, variant_id)
    check()
    chosen = list(viewpoints) if viewpoints is not None else default_viewpoints(project, variant_id, role)
    views: list[ViewPair] = []
    if chosen:
        views = render(project, variant_id, chosen, role=role, check=check,
                       progress=lambda f, m: report(0.1 + 0.8 * f, m))
    check()
    content = ReportContent(municipality=project.name, variant_title=variant.title,
                            variant_description=variant.description, date=today or dt.date.today(),
                            figures=figures, sources=sources, views=views, twin_title=twin_title(project, role))
    report(0.92, "PDF schreiben …")
    _write_atomically(content, out, check)
    report(1.0, f"Ratsbericht geschrieben: {out.name}")
    return out


def _write_atomically(content: ReportContent, out: Path, check: Callable[[], None]) -> None:
    """Write into a hidden temporary file in the target folder, then rename it over ``out``."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".pdf.tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write_pdf(content, tmp)
        check()
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _land_figures(project: Project, variant_id: str, role: str | None) -> list[KeyFigure]:
    """Land-management figures for the Verwaltung and the council (the citizens see none of it unless
    released, so their report has none)."""
    if role not in (None, "verwaltung", "rat"):
        return []
    from twin.land.figures import land_key_figures

    return land_key_figures(project, variant_id)
