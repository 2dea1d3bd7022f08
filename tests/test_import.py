"""`import diplograph` stays light: no spaCy, pyvis or IPython at import."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_import_loads_neither_spacy_nor_pyvis():
    mods = _modules_after("import diplograph")
    assert "spacy" not in mods
    assert "pyvis" not in mods
    assert "IPython" not in mods
    assert "pyshacl" not in mods


def test_cli_help_loads_neither_spacy_nor_pyvis():
    mods = _modules_after("from diplograph.cli import main")
    assert "spacy" not in mods
    assert "pyvis" not in mods


def test_open_memory_store_does_not_load_spacy():
    mods = _modules_after("import diplograph as dg\nkg = dg.open('memory:')")
    assert "spacy" not in mods
