"""Rewrite the output of every console block in README.md by running its commands.

    python docs/make_readme.py          # rewrite README.md
    python docs/make_readme.py --check  # exit 1 (with a diff) if README.md is out of date

A console block is a fenced block marked ``console``. Each line that starts with
``$ `` is a command; the lines after it, up to the next command, are what it
printed (stdout and stderr, as a terminal shows them). The commands of all
blocks run in order, in one shell session each, in a fresh folder that holds
``examples/`` (a link to the project's), so a store ingested in one block is
there for the next. ``diplograph`` is the one in this project's virtualenv.
``tests/test_readme.py`` fails when the README and the code drift apart.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"^```console\n(.*?)^```$", re.S | re.M)
TIMEOUT_S = 300


def commands(block: str) -> list[str]:
    """The commands of a console block, in order."""
    return [line[2:] for line in block.splitlines() if line.startswith("$ ")]


#: the progress lines ``ingest`` writes to a log every few seconds: a terminal shows a bar
#: in their place and clears it, so the README leaves them out
PROGRESS = re.compile(r"^diplograph: \d+:\d\d .*\n?", re.M)


def run(command: str, cwd: Path) -> str:
    """What ``command`` prints in a shell in ``cwd``, as a terminal would leave it."""
    bindir = Path(sys.executable).parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
    env.update(PATH=f"{bindir}{os.pathsep}{env.get('PATH', '')}", COLUMNS="100",
               LC_ALL="C.UTF-8", PYTHONHASHSEED="0")
    proc = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=cwd, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=TIMEOUT_S, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"README command failed (exit {proc.returncode}): $ {command}\n"
                         f"{proc.stdout}")
    return PROGRESS.sub("", proc.stdout)


def render(text: str) -> str:
    """README.md with every console block's output replaced by what its commands print."""
    with tempfile.TemporaryDirectory(prefix="diplograph-readme-") as tmp:
        cwd = Path(tmp)
        (cwd / "examples").symlink_to(ROOT / "examples", target_is_directory=True)

        def block(m: re.Match[str]) -> str:
            lines = []
            for command in commands(m.group(1)):
                lines.append(f"$ {command}")
                output = run(command, cwd).rstrip("\n")
                if output:
                    lines.append(output)
            return "```console\n" + "\n".join(lines) + "\n```"

        return BLOCK.sub(block, text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="do not write: exit 1 and show a diff when README.md is out of date")
    args = ap.parse_args()
    old = README.read_text(encoding="utf-8")
    new = render(old)
    if args.check:
        if new != old:
            sys.stdout.writelines(difflib.unified_diff(
                old.splitlines(True), new.splitlines(True), "README.md", "README.md (as run)"))
            print("README.md is out of date: run python docs/make_readme.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    print(f"wrote {README.relative_to(ROOT)} ({len(BLOCK.findall(new))} console blocks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
