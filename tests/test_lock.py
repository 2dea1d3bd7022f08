"""The install resolves nothing: requirements.lock is the complete, hash-pinned closure.

``make install`` runs ``pip install --no-deps --require-hashes -r requirements.lock``,
so pip never asks the registry what a requirement means: whatever the lock does not
hold is simply missing. These tests keep the lock complete.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def locked() -> dict[str, list[tuple[Version, str | None, int]]]:
    """name -> [(version, marker, number of hashes)] for every pin in the lock."""
    out: dict[str, list[tuple[Version, str | None, int]]] = {}
    current: list[tuple[Version, str | None, int]] | None = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        m = PIN.match(line)
        if m:
            name, version, marker = m.groups()
            current = out.setdefault(canonicalize_name(name), [])
            current.append((Version(version), marker, 0))
        elif line.strip().startswith("--hash=sha256:") and current:
            version, marker, hashes = current[-1]
            current[-1] = (version, marker, hashes + 1)
        elif line.strip() and not line.lstrip().startswith("#"):
            raise AssertionError(f"requirements.lock: a line that is no pin or hash: {line!r}")
    return out


def applies(marker: str | None, extra: str = "") -> bool:
    if not marker:
        return True
    env = {**default_environment(), "extra": extra}
    return Requirement(f"x; {marker}").marker.evaluate(env)  # type: ignore[union-attr]


def project_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = [Requirement(r) for r in project["dependencies"]]
    for extra in project.get("optional-dependencies", {}).values():
        reqs += [Requirement(r) for r in extra]
    return reqs


def test_every_pin_is_exact_and_hashed() -> None:
    pins = locked()
    assert pins, "requirements.lock holds no pins"
    for name, versions in pins.items():
        for version, _, hashes in versions:
            assert hashes >= 1, f"{name}=={version} has no --hash in requirements.lock"


def test_every_requirement_of_pyproject_is_in_the_lock() -> None:
    pins = locked()
    for req in project_requirements():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req} (pyproject.toml) is not in requirements.lock: run make lock"
        for version, _, _ in pins[name]:
            assert req.specifier.contains(version, prereleases=True), \
                f"requirements.lock pins {name}=={version}, which {req} excludes: run make lock"


def _requirements_of(name: str, extras: set[str]) -> list[Requirement]:
    """What an installed distribution needs here, its requested extras included."""
    out = []
    for text in metadata.requires(name) or []:
        req = Requirement(text)
        if req.marker is None or any(req.marker.evaluate({**default_environment(), "extra": e})
                                     for e in extras | {""}):
            out.append(req)
    return out


def test_the_lock_is_closed_under_dependencies_and_extras() -> None:
    """Every requirement of every locked package, extras followed (justext asks for
    lxml[html_clean], which needs lxml-html-clean), is itself pinned, at a version
    that satisfies it. This is what pip would otherwise resolve at install time."""
    pins = locked()
    here = {name: version for name, versions in pins.items()
            for version, marker, _ in versions if applies(marker)}
    todo = [(canonicalize_name(r.name), set(r.extras)) for r in project_requirements()]
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        name, extras = todo.pop()
        if (name, frozenset(extras)) in seen:
            continue
        seen.add((name, frozenset(extras)))
        assert name in here, f"{name} is needed but not pinned for this platform in the lock"
        for req in _requirements_of(name, extras):
            dep = canonicalize_name(req.name)
            assert dep in here, f"{name} needs {req}, which requirements.lock does not hold"
            assert req.specifier.contains(here[dep], prereleases=True), \
                f"{name} needs {req}; requirements.lock pins {dep}=={here[dep]}"
            todo.append((dep, set(req.extras)))
    assert len(seen) >= len(project_requirements())


def test_the_lock_is_installed_as_it_is() -> None:
    """The venv holds exactly the locked versions of what the lock pins for this platform."""
    for name, versions in locked().items():
        want = [v for v, marker, _ in versions if applies(marker)]
        if not want:
            continue
        have = Version(metadata.version(name))
        assert have in want, f"{name} {have} is installed; requirements.lock pins {want[0]}"


def test_make_installs_the_lock_without_resolving() -> None:
    """The Makefile installs with --no-deps --require-hashes, checks, and adds the project
    without its dependencies: nothing is asked of the registry but the pinned files."""
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    lock_line = next(line for line in make.splitlines() if "-r requirements.lock" in line)
    assert "--no-deps" in lock_line and "--require-hashes" in lock_line
    project_line = next(line for line in make.splitlines() if " -e ." in line)
    assert "--no-deps" in project_line
    assert re.search(r"^\t\$\(PIP\) check$", make, re.M), "make install does not run pip check"
