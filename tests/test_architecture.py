"""The shape of the code, kept: the pipeline wired in one place, small modules and
classes, and the extractor's words in data, not in code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

SRC = ROOT / "src" / "diplograph"
EXTRACT = SRC / "extract"

#: closed-class words: prepositions, pronouns, determiners, conjunctions, auxiliaries,
#: modals, particles, negation, numerals and wh-words; the rules may name these
_CLOSED_WORDS = """
a an the this that these those it its they them their he him his she her we us our i me my
you your who whom whose which what when where why how whether if unless than then there
here and or but nor so yet either neither both not no never n't none nobody nothing be is
am are was were been being have has had having do does did done will would shall should
can could may might must need wo 'll 's about above across after against along among
around as at before behind below beneath beside besides between beyond by despite down
during except for from in inside into like near of off on onto out outside over past since
through throughout to toward towards under until up upon with within without via per amid
amidst alongside amongst together own such some any all each every other another more most
much many few also only just even too very again already still while because though
although whereas aside including following concerning regarding according one two three
four five six seven eight nine ten eleven twelve first
"""
CLOSED = set(_CLOSED_WORDS.split())
#: dependency labels and part-of-speech tags, which the rules test by name
_GRAMMAR_WORDS = """
acl acomp advcl advmod agent amod appos attr aux auxpass case cc ccomp clf complm compound
conj cop csubj csubjpass dative dep det dobj expl intj mark meta neg nmod npadvmod nsubj
nsubjpass nummod oprd obj obl parataxis pcomp pobj poss preconj predet prep prt punct
quantmod relcl root xcomp iobj verb aux noun propn adj adv adp det pron part cconj sconj
num sym intj space vb vbd vbg vbn vbp vbz nn nns nnp nnps jj jjr jjs rb md dt prp
"""
GRAMMAR = set(_GRAMMAR_WORDS.split())
MAX_EXTRACT_WORDS = 80


def _literals(path: Path) -> list[str]:
    """The string constants of a module's code: not its docstrings, not f-string text."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and body and \
                isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            skip.add(id(body[0].value))
        if isinstance(node, ast.JoinedStr):
            skip |= {id(v) for v in node.values if isinstance(v, ast.Constant)}
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
            and isinstance(n.value, str) and id(n) not in skip]


def content_words(folder: Path) -> set[str]:
    """The words of the lexicon's kind that the code of a folder names."""
    found = set()
    for path in folder.rglob("*.py"):
        for text in _literals(path):
            for word in text.split():
                if re.fullmatch(r"[a-z][a-z'-]+", word) and word not in CLOSED | GRAMMAR:
                    found.add(word)
    return found


def test_the_extractor_names_classes_of_words_not_words():
    words = content_words(EXTRACT)
    assert len(words) <= MAX_EXTRACT_WORDS, sorted(words)


def test_every_word_set_the_rules_name_is_in_the_data_and_every_set_is_used():
    from diplograph.extract.words import NAMES

    named = set()
    for path in EXTRACT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                    node.value.id in ("W", "M"):
                named.add(node.attr)  # W.envoys
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                    node.func.id.endswith("_rule") and node.args and \
                    isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                named.add(node.args[0].value)  # @type_rule("disclaiming_verbs")
    assert named <= NAMES, f"not in wordsets.tsv: {sorted(named - NAMES)}"
    assert named | {"construction_entries"} >= NAMES, f"unused: {sorted(NAMES - named)}"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
    return out


def test_the_store_knows_nothing_of_loading_or_extraction():
    for path in (SRC / "graph").glob("*.py"):
        bad = {m for m in _imports(path)
               if m.startswith(("diplograph.loaders", "diplograph.extract", "diplograph.pipeline"))}
        assert not bad, f"{path.name} imports {sorted(bad)}"


def test_no_module_over_600_lines_and_no_extractor_module_over_500():
    for path in SRC.rglob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        limit = 500 if EXTRACT in path.parents else 600
        assert lines <= limit, f"{path.relative_to(SRC)}: {lines} lines"


def test_no_class_over_300_lines():
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                assert size <= 300, f"{path.relative_to(SRC)}: class {node.name}, {size} lines"
