"""Progress-bar columns the CLI adds to rich's."""

from __future__ import annotations

from rich.progress import ProgressColumn, Task
from rich.text import Text


class RateColumn(ProgressColumn):
    """Items per second over rich's recent window (``Task.speed``), e.g. ``12.4/s``; ``–/s`` before a rate exists."""

    def render(self, task: Task) -> Text:
        speed = task.speed
        return Text("–/s" if speed is None else f"{speed:,.1f}/s", style="progress.data.speed")
