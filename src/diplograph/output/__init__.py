"""Files for people and other tools: the interactive HTML graph and exports.

Exporters sit in :data:`EXPORTERS`, keyed by the name ``--format`` takes.
Every file written is a path the caller gave.
"""

from __future__ import annotations

from diplograph.output.export import EXPORTERS, export, format_for_path
from diplograph.output.html import html

__all__ = ["EXPORTERS", "export", "format_for_path", "html"]
