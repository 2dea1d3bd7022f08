"""SPARQL text: the bundled queries, safe parameter binding, readable errors.

Parameters are never pasted into a query as text. The embedded store binds
them with pyoxigraph substitutions; where that is not possible (a variable
outside the SELECT clause, or a remote server) :func:`bind_values` adds a
``VALUES`` block whose terms are written by :func:`sparql_term`, which emits
exactly one RDF term token whatever the value holds. The result is parsed
again before it is sent, so a value cannot change the shape of a query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from diplograph.errors import BadOption, QueryError
from diplograph.schema import SCHEMA_DIR
from diplograph.schema.namespaces import PREFIXES

QUERY_DIR = SCHEMA_DIR / "queries"

# ----------------------------------------------------------------- bundled


@dataclass(frozen=True)
class BundledQuery:
    """A ``.rq`` file shipped in ``schema/queries``, described by its comment header."""

    name: str
    path: Path
    title: str
    description: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


_PARAM_LINE = re.compile(r"^\s*\?(\w+)\s*(.*)$")


def _parse_header(path: Path) -> BundledQuery:
    header: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line[1:].strip())
    title = header[0] if header else path.stem
    desc: list[str] = []
    params: dict[str, str] = {}
    section = "desc"
    for line in header[1:]:
        low = line.lower()
        if low.startswith("parameters:"):
            section = "params"
            rest = line.split(":", 1)[1].strip()
            if rest and rest.lower() not in ("none", "none."):
                m = _PARAM_LINE.match(rest)
                if m:
                    params[m.group(1)] = m.group(2).strip()
            continue
        if low.startswith("example:"):
            section = "example"
            continue
        if section == "desc" and line:
            desc.append(line)
        elif section == "params":
            m = _PARAM_LINE.match(line)
            if m:
                params[m.group(1)] = m.group(2).strip()
            elif line and params:  # a continuation line of the last parameter
                last = next(reversed(params))
                params[last] = f"{params[last]} {line}".strip()
    return BundledQuery(path.stem, path, title, " ".join(desc), params)


def bundled_queries(folder: Path = QUERY_DIR) -> dict[str, BundledQuery]:
    """The bundled queries by name (the file name without ``.rq``), sorted."""
    return {p.stem: _parse_header(p) for p in sorted(folder.glob("*.rq"))}


def resolve_query(query: str) -> str:
    """The text of QUERY: ``@file.rq``, the name of a bundled query, or the text itself."""
    if query.startswith("@"):
        path = Path(query[1:])
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    bundled = bundled_queries()
    if query in bundled:
        return bundled[query].text
    if re.fullmatch(r"[\w-]+", query.strip()):
        raise QueryError(f"{query!r} is not a bundled query (see 'diplograph query --list') "
                         "nor SPARQL")
    return query


# ------------------------------------------------------------------- lexer

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<prefixdecl>(?i:PREFIX)\s+[\w.\-]*:)
  | (?P<word>[\w:.\-]+)
  | (?P<punct>.)
""", re.VERBOSE | re.DOTALL)


def _tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, text, offset) for each token; comments, strings and IRIs are whole tokens."""
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        if kind != "ws":
            yield kind, m.group(), m.start()


def variables(text: str) -> set[str]:
    """The names of the variables a query mentions (``?x`` and ``$x``), without the sigil."""
    return {tok[1:] for kind, tok, _ in _tokens(text) if kind == "var"}


def declared_prefixes(text: str) -> set[str]:
    """The prefixes a query declares itself with ``PREFIX p:``."""
    return {tok.split()[-1][:-1] for kind, tok, _ in _tokens(text) if kind == "prefixdecl"}


def _where_brace(text: str) -> int | None:
    """Offset of the ``{`` that opens the query's outermost WHERE group, if any."""
    toks = list(_tokens(text))
    i = 0
    form = None
    while i < len(toks):
        kind, tok, _ = toks[i]
        if kind == "word" and tok.upper() in ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK"):
            form = tok.upper()
            i += 1
            break
        i += 1
    if form is None:
        return None
    if form == "CONSTRUCT" and i < len(toks) and toks[i][1] == "{":
        depth = 0  # skip the template
        while i < len(toks):
            if toks[i][0] == "punct" and toks[i][1] == "{":
                depth += 1
            elif toks[i][0] == "punct" and toks[i][1] == "}":
                depth -= 1
                if depth == 0:
                    i += 1
                    break
            i += 1
    parens = 0
    while i < len(toks):
        kind, tok, pos = toks[i]
        if kind == "punct":
            if tok == "(":
                parens += 1
            elif tok == ")":
                parens -= 1
            elif tok == "{" and parens == 0:
                return pos
        i += 1
    return None


# ------------------------------------------------------------------- terms

_IRI_OK = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')
_LANG_OK = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*")


def _escape(value: str) -> str:
    out: list[str] = []
    after_backslash = False
    for ch in value:
        if after_backslash and ch in "uU":
            # "\\u0022" could be read as an escaped quote by engines that decode
            # \u escapes before parsing; write the letter as an escape too.
            out.append("\\u0075" if ch == "u" else "\\u0055")
            after_backslash = False
            continue
        after_backslash = ch == "\\"
        out.append({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}.get(ch, ch))
    return "".join(out)


def sparql_term(term: ox.NamedNode | ox.Literal) -> str:
    """One SPARQL token for an IRI or a literal, whatever characters it holds."""
    if isinstance(term, ox.NamedNode):
        if not _IRI_OK.fullmatch(term.value):
            raise QueryError(f"cannot bind {term.value!r}: not a valid IRI")
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        body = f'"{_escape(term.value)}"'
        if term.language:
            if not _LANG_OK.fullmatch(term.language):
                raise QueryError(f"cannot bind a literal with language tag {term.language!r}")
            return f"{body}@{term.language}"
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return body
        return f"{body}^^{sparql_term(ox.NamedNode(dt))}"
    raise QueryError(f"cannot bind {term!r}: only IRIs and literals can be parameters")


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """``["actor=Russia"]`` as bindings by variable name (a leading ``?`` or ``$`` dropped);
    BadOption for a pair without a name."""
    out: dict[str, str] = {}
    for p in pairs:
        name, sep, value = p.partition("=")
        if not sep or not name.strip():
            raise BadOption("--param", f"{p!r}: expected NAME=VALUE")
        out[name.strip().lstrip("?$")] = value
    return out


def check_params(text: str, names: Mapping[str, object]) -> None:
    """Every parameter must name a variable of the query (a typo would bind nothing)."""
    have = variables(text)
    for name in names:
        if name not in have:
            known = ", ".join(f"?{v}" for v in sorted(have)) or "none"
            raise QueryError(f"the query has no variable ?{name} to bind (its variables: {known})")


def bind_values(text: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with a ``VALUES`` block for ``bindings`` opening its WHERE group.

    The block goes right after the ``{`` on the same line, so line numbers in
    error messages still match the text the user wrote.
    """
    if not bindings:
        return text
    pos = _where_brace(text)
    if pos is None:
        raise QueryError("cannot bind parameters: the query has no WHERE clause")
    names = " ".join(f"?{n}" for n in bindings)
    row = " ".join(sparql_term(t) for t in bindings.values())
    block = f" VALUES ({names}) {{ ({row}) }} "
    bound = text[: pos + 1] + block + text[pos + 1 :]
    kind_before = query_kind(text)
    if query_kind(bound) != kind_before:  # cannot happen: one token per term
        raise QueryError("binding the parameters changed the query")
    return bound


# ------------------------------------------------------------------ errors

_EMPTY: list[ox.Store] = []


def query_kind(text: str) -> str:
    """``select``, ``ask`` or ``graph``; raises :class:`QueryError` on a syntax error.

    The query is parsed (and run against an empty store, which costs nothing)
    with the project's prefixes, so errors read the same for every backend.
    """
    if not _EMPTY:
        _EMPTY.append(ox.Store())
    try:
        res = _EMPTY[0].query(text, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryError(syntax_message(exc, text)) from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {str(exc).splitlines()[0]}") from None
    if isinstance(res, ox.QueryBoolean):
        return "ask"
    if isinstance(res, ox.QuerySolutions):
        return "select"
    return "graph"


_AT = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)


def syntax_message(exc: BaseException, text: str) -> str:
    """One line: where the query is wrong, what was found there, what was expected."""
    msg = str(exc)
    m = _AT.search(msg)
    if not m:
        return f"SPARQL syntax error: {msg.splitlines()[0] if msg else 'invalid query'}"
    line, col, rest = int(m.group(1)), int(m.group(2)), " ".join(m.group(3).split())
    lines = text.splitlines() or [""]
    src = lines[line - 1] if 0 < line <= len(lines) else ""
    near = src[max(0, col - 1) :].strip()[:30]
    if len(rest) > 90:
        rest = rest[:87] + "..."
    where = f"line {line}, column {col}"
    if near:
        where += f" (at {near!r})"
    return f"SPARQL syntax error at {where}: {rest}"
