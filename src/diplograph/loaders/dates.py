"""Dates as sources state them, to ISO 8601. Never guessed.

Recognised forms: ISO dates and timestamps (``2018-12-22``,
``2018-12-22T02:33:00Z``, ``2018/12/22``), month names in either order
(``December 21, 2018``, ``21 Dec. 2018``, ``Fri, 21 Dec 2018 10:00 GMT``),
``2018年12月21日``, and numeric day and month (``21/12/2018``, ``12-21-2018``,
``21.12.2018``). A numeric form where both readings are valid dates
(``03/04/2018``) is read only when ``day_first`` says how; otherwise it is
left out.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {m: n for n, ms in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for m in ms}
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
# year first: 2018-12-22, 2018/12/22, 2018.12.22, and timestamps 2018-12-22T02:33
_ISO = re.compile(r"(?<![\d.])" + _YEAR + r"(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
                  r"(?![\d])")
_CJK = re.compile(_YEAR + r"\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_MDY = re.compile(r"\b" + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b", re.I)
_DMY = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MON + r",?\s+" + _YEAR
                  + r"\b", re.I)
_NUM = re.compile(r"(?<![\d.:/-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)" + _YEAR
                  + r"(?![\d])")


def _ok(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(text: str | None, day_first: bool | None = None) -> str | None:
    """The first date stated in ``text`` as YYYY-MM-DD, or None.

    ``21/12/2018`` is read only when ``day_first`` says how (or when only one
    reading is a valid date): ``True`` for day/month/year, ``False`` for
    month/day/year, ``None`` to leave ambiguous dates out.
    """
    if not text:
        return None
    found: list[tuple[int, str]] = []
    for rx in (_ISO, _CJK, _MDY, _DMY):
        for m in rx.finditer(text):
            g = m.groupdict()
            month = int(g["m"]) if g.get("m") else MONTHS[g["mon"].lower().rstrip(".")]
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
