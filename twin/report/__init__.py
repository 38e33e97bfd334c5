"""Council reports (Ratsvorlage) from a planning variant: key figures, data sources and before/after views as
a PDF in German.

Typical use (the 3D pictures come from the caller's renderer, e.g. :func:`views.report_shots.render_views`)::

    build_report(project, "marktplatz_entsiegeln", "vorlage.pdf", render=render_views, role="rat",
                 progress=print)
"""

from twin.report.build import RenderViews, build_report
from twin.report.content import DataSource, KeyFigure, ReportContent, ViewPair, Viewpoint
from twin.report.figures import data_sources, variant_figures
from twin.report.pdf import write_pdf
from twin.report.viewpoints import changed_bounds, default_viewpoints

__all__ = [
    "DataSource", "KeyFigure", "RenderViews", "ReportContent", "ViewPair", "Viewpoint", "build_report",
    "changed_bounds", "data_sources", "default_viewpoints", "variant_figures", "write_pdf",
]
