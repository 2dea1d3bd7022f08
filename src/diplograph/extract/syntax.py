"""Small questions about a dependency parse: subjects, objects, negation, tense."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplograph.extract.words import W

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


SUBJ = {"nsubj", "csubj"}


PASS_SUBJ = {"nsubjpass", "csubjpass"}


OBJ = {"dobj", "obj", "iobj", "dative"}


MODAL_FUTURE = {"will", "would", "shall", "'ll", "wo"}


MODAL_OBLIGE = {"must", "should"}


PERSONAL = {"he", "she", "him", "her"}


FIRST_PERSON = {"we", "us", "i", "me", "our"}


DEMONSTRATIVE = {"this", "that", "it"}




def has_subject(verb: Token) -> bool:
    """Whether a verb has a subject of its own or through the verb it is conjoined to."""
    cur = verb
    for _ in range(4):
        if child_of(cur, SUBJ | PASS_SUBJ) is not None:
            return True
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        return False
    return False


def ents_of(doc: Doc) -> list[Span]:
    """The doc's entities, made once (``doc.ents`` builds new spans on every access)."""
    ents = doc.user_data.get("diplograph_ent_list")
    if ents is None:
        ents = doc.user_data["diplograph_ent_list"] = list(doc.ents)
    return ents


def ent_of(tok: Token) -> Span | None:
    """The entity span a token is in."""
    doc = tok.doc
    table = doc.user_data.get("diplograph_ents")
    if table is None:
        table = {}
        for e in ents_of(doc):
            for i in range(e.start, e.end):
                table[i] = e
        doc.user_data["diplograph_ents"] = table
    return table.get(tok.i)


def is_pronoun(tok: Token) -> bool:
    return not tok.ent_type_ and (tok.pos_ in ("PRON", "DET") or tok.tag_ in ("PRP", "PRP$", "DT"))


def child_of(tok: Token | None, deps: set[str] | str) -> Token | None:
    if tok is None:
        return None
    if isinstance(deps, str):
        deps = {deps}
    return next((c for c in tok.children if c.dep_ in deps), None)


def prep_of(tok: Token | None, word: str) -> Token | None:
    if tok is None:
        return None
    return next((c for c in tok.children if c.dep_ in ("prep", "agent", "dative")
                 and c.lower_ == word), None)


def prep_obj(tok: Token, words: tuple[str, ...]) -> Token | None:
    for w in words:
        p = prep_of(tok, w)
        if p is not None:
            o = child_of(p, {"pobj", "pcomp"})
            if o is not None:
                return o
    return None


def conjuncts(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out.append(c)
            out.extend(conjuncts(c))
    return out


def conjuncts_any(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ == "conj":
            out.append(c)
            out.extend(conjuncts_any(c))
    return out


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl") and child_of(tok, SUBJ) is None
        and prep_of(tok, "by") is not None
    )


def is_negated(tok: Token) -> bool:
    cur = tok
    for _ in range(3):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and (subj.lower_ in ("nobody", "none", "neither") or any(
                c.lower_ in ("no", "neither") and c.dep_ in ("det", "preconj")
                for c in subj.children)):
            return True  # "neither government would support", "no country has sanctioned"
        if any(c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ in ("advmod", "neg", "det"))
               or (c.lower_ == "neither" and c.dep_ in ("preconj", "advmod", "det"))
               for c in cur.children):
            return True
        if cur.dep_ == "conj" and child_of(cur, SUBJ) is None:
            cur = cur.head
            continue
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in W.refusal_frames:
            return True
        break
    return False


def is_future(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODAL_FUTURE for c in tok.children) or (
        tok.dep_ == "xcomp" and tok.head.lemma_.lower() in W.intent_frames
    )


def is_conditional(tok: Token) -> bool:
    cur = tok
    for _ in range(3):
        for c in cur.children:
            if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children):
                return True
            if c.dep_ == "prep" and c.lower_ == "unless":
                return True
        if cur.dep_ in ("xcomp", "conj"):
            cur = cur.head
            continue
        break
    return False


def is_hypothetical(tok: Token) -> bool:
    """Acts under "if", "could", "might", or asked about, are not acts yet."""
    if any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may", "must", "should")
           for c in tok.children):
        return True
    if tok.dep_ in ("acomp", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.head.children):
        return True
    if tok.dep_ in ("advcl", "ccomp") and any(m.lower_ in ("if", "unless", "whether")
                                              for m in tok.children if m.dep_ == "mark"):
        return True
    return is_conditional(tok) and tok.pos_ in ("VERB",)


def about_relations(tok: Token) -> bool:
    """Whether a verb like "suspend" or "cut" is about ties, aid, visits: a sanction."""
    heads = [c for c in tok.children if c.dep_ in OBJ | PASS_SUBJ]
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ("of", "on", "off"):
            heads.extend(c for c in p.children if c.dep_ == "pobj")
    for h in list(heads):
        of = prep_of(h, "of")
        if of is not None:
            heads.extend(c for c in of.children if c.dep_ == "pobj")
    for h in heads:
        for t in (h, *conjuncts(h), *(c for c in h.children if c.dep_ in ("compound", "amod"))):
            if t.lemma_.lower() in W.relation_nouns:
                return True
    return False


def in_statement_before_question(tok: Token) -> bool:
    """In a journalist's question, a reported act in its own declarative clause still counts."""
    sent = tok.sent
    return any(t.text == "?" for t in sent) and tok.sent.root.i != tok.i and tok.dep_ in (
        "ccomp",) and tok.tag_ in ("VBD", "VBN")


def quote_open_after(text: str, was_open: bool) -> bool:
    n = text.count('"') + text.count("“") + text.count("”")
    return was_open ^ (n % 2 == 1)


def strip_det(text: str) -> str:
    return re.sub(r"^(the|The)\s+", "", text).strip()


def about_text(tok: Token, trigger: Token) -> str | None:
    if tok.ent_type_ in ("DATE", "TIME") and tok.i != trigger.i:
        return None  # "on Monday" says when, not what about
    # a subtree is the contiguous run left_edge..right_edge; the trigger may sit at either end
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    if start == trigger.i:
        start += 1
    if end - 1 == trigger.i:
        end -= 1
    if start >= end:
        return None
    cut = end > start + MAX_ABOUT_TOKENS
    if cut:
        end = phrase_cut(tok.doc, start, start + MAX_ABOUT_TOKENS)
    text = tok.doc[start:end].text.strip(" ,.;:\"'“”‘’—–-")
    if not text:
        return None
    return f"{text} …" if cut else text


#: an ``about`` phrase longer than this is cut at a phrase boundary and marked with "…"
#: particles that make a phrasal verb ("call on", "push for")
VERB_PARTICLES = {"on", "upon", "for", "down", "out", "aside", "over", "in", "to", "with"}
#: the tenses of a denial of one's own past acts ("we never hacked", "we have not sent")
SELF_DENY_TENSES = {"VBD", "VBN"}
#: marks that close a quotation
QUOTE_CLOSERS = {'"', "”", "''"}
#: modals that make a consequence a warning ("will pay a price")
CONSEQUENCE_MODALS = {"will", "would", "shall", "'ll", "must", "could", "may", "might", "wo"}
#: the entity labels of states, their capitals and IGOs
STATE_ENTS = ("DIP_STATE", "DIP_CAPITAL", "DIP_IGO")
#: numbers written as words, as they count a group ("three officers")
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

MAX_ABOUT_TOKENS = 32
_BREAKS = {",", ";", ":", "—", "–", "(", "-"}


def phrase_cut(doc: Doc, start: int, limit: int) -> int:
    """Where to end an over-long phrase: before the last punctuation break or clause
    (relative, adverbial, coordinated) that starts between its fifth word and ``limit``;
    at ``limit`` when there is none. The whole sentence stays in the event."""
    for i in range(limit, start + 4, -1):
        t = doc[i]
        if t.text in _BREAKS or t.dep_ == "cc" or (
                t.dep_ in ("relcl", "advcl", "acl", "conj") and t.left_edge.i == i):
            return i
        if t.left_edge.i < i and t.left_edge.i > start + 4 and t.dep_ in ("relcl", "advcl"):
            return t.left_edge.i
    return limit


def np_body(root: Token) -> Span | None:
    """A government body named inside a person's noun phrase (a title)."""
    doc = root.doc
    left = root.left_edge.i
    for i in range(left, root.i + 1):
        e = ent_of(doc[i]) if doc[i].ent_type_ in ("DIP_BODY", "DIP_GBODY") else None
        if e is not None and left <= e.start and e.end <= root.i + 1:
            return e
    return None
