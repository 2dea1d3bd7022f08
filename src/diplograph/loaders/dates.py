"""Dates as sources state them, to ISO 8601. Never guessed: ambiguous numeric
forms need an explicit day-first or month-first choice."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {m: n for n, ms in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for m in ms}
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
_MDY = re.compile(_MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I)
_DMY = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+(?P<y>(?:19|20)\d\d)\b",
                  re.I)
_NUM = re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|20)\d\d)\b")


def _ok(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(text: str, day_first: bool | None = None) -> str | None:
    """The first date stated in ``text`` as YYYY-MM-DD, or None.

    ``21/12/2018`` is read only when ``day_first`` says how (or when only one
    reading is a valid date).
    """
    if not text:
        return None
    found: list[tuple[int, str]] = []
    for rx in (_ISO, _MDY, _DMY):
        for m in rx.finditer(text):
            g = m.groupdict()
            month = int(g["m"]) if "m" in g and g.get("m") else MONTHS[g["mon"].lower()]
            iso = _ok(int(g["y"]), month, int(g["d"]))
            if iso:
                found.append((m.start(), iso))
    for m in _NUM.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        if day_first is True:
            iso = _ok(y, b, a)
        elif day_first is False:
            iso = _ok(y, a, b)
        elif a > 12 >= b:
            iso = _ok(y, b, a)
        elif b > 12 >= a:
            iso = _ok(y, a, b)
        else:
            iso = None
        if iso:
            found.append((m.start(), iso))
    return min(found)[1] if found else None
