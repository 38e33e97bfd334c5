"""Shared rich console, error exit and progress bar for the CLI commands."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from rich.console import Console, ConsoleDimensions
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from twin.errors import TwinError
from twin.project import Project

class _Console(Console):
    """A rich console whose width follows ``$COLUMNS`` when it prints, not when it was made (it is made once
    at import; a script or a test runner may set the width later). A width set on it still wins."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._width = self._height = None  # not the import-time environment

    @property
    def size(self) -> ConsoleDimensions:
        dims = Console.size.fget(self)
        columns = os.environ.get("COLUMNS", "")
        if self._width is None and columns.isdigit():
            return ConsoleDimensions(int(columns), dims.height)
        return dims

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        Console.size.fset(self, new_size)


console = _Console()
err_console = _Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 1) -> NoReturn:
    err_console.print(f"[bold red]Fehler:[/] {message}", highlight=False)
    raise SystemExit(code)


def open_project(directory: Path) -> Project:
    """The project in ``directory``, or the German error and exit code 1."""
    try:
        return Project.open(directory)
    except TwinError as exc:
        fail(str(exc))


@contextmanager
def progress_bar(title: str) -> Iterator:
    """A rich progress bar; yields a ``progress(fraction, message)`` callback."""
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(bar_width=30), TaskProgressColumn(),
                  TimeElapsedColumn(), TextColumn("{task.fields[msg]}"), console=console,
                  transient=False) as bar:
        task = bar.add_task(title, total=1.0, msg="")

        def update(fraction: float, message: str) -> None:
            short = message if len(message) <= 40 else message[:39] + "…"
            bar.update(task, completed=min(max(fraction, 0.0), 1.0), msg=short)

        yield update


def print_reports(reports) -> None:
    for r in reports:
        console.print(f"[green]✓[/] {r.summary()}", highlight=False)
        for p in r.problems[:50]:
            console.print(f"   [yellow]![/] {p}", highlight=False)
        if len(r.problems) > 50:
            console.print(f"   … und {len(r.problems) - 50} weitere Probleme", highlight=False)


