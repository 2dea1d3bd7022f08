"""The README shows real output: every console block is what its commands print now."""

from __future__ import annotations

import difflib
import importlib.util
import re

from conftest import ROOT


def _make_readme():
    spec = importlib.util.spec_from_file_location("make_readme", ROOT / "docs" / "make_readme.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_console_block_of_the_readme_is_what_its_commands_print():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rendered = _make_readme().render(readme)
    diff = "".join(difflib.unified_diff(readme.splitlines(True), rendered.splitlines(True),
                                        "README.md", "README.md (as run)"))
    assert rendered == readme, f"README.md is out of date: run python docs/make_readme.py\n{diff}"


def test_the_readme_runs_commands_in_its_console_blocks():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```console\n(.*?)^```$", readme, re.S | re.M)
    commands = [c for b in blocks for c in _make_readme().commands(b)]
    assert any(c.startswith("diplograph extract") for c in commands)
    assert any(c.startswith("diplograph ingest") for c in commands)
    assert any(c.startswith("diplograph html") for c in commands)


def test_the_readme_picture_is_the_page_make_demo_writes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (picture,) = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme)
    assert (ROOT / picture).is_file()
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert f"docs/make_screenshot.py output/graph.html {picture}" in make
