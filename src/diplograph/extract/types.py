"""The type decision: what the context makes of the type a trigger's lexicon entry gives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.codes import (
    DECIDED_ACTS,
)
from diplograph.extract.context import Trigger
from diplograph.extract.syntax import (
    OBJ,
    PASS_SUBJ,
    SUBJ,
    about_relations,
    child_of,
    conjuncts,
    is_conditional,
    is_future,
    prep_of,
)
from diplograph.extract.words import W
from diplograph.schema.reference import LexEntry

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diplograph.extract.engine import Extractor


def refine_type(self: Extractor, trig: Trigger, etype: str) -> str | None:
    tok = trig.tok
    lemma = trig.entry.lemma
    obj = child_of(tok, OBJ)
    obj_lemma = obj.lemma_.lower() if obj is not None else ""
    if lemma in ("reject", "dismiss", "refute", "rebut", "deny") and obj is not None:
        if obj_lemma in W.accusation_nouns:
            return "DENY"
        if lemma == "dismiss":
            return "REJECT" if obj_lemma in W.proposal_nouns else None
    if lemma == "dismiss" and obj is None:
        return "DENY" if child_of(tok, {"ccomp"}) is not None else None
    if lemma == "oppose":
        target = obj
        if target is None:
            to = prep_of(tok, "to")
            target = child_of(to, {"pobj"}) if to is not None else None
        if target is not None and target.lemma_.lower() in W.proposal_nouns:
            return "REJECT"
    if lemma == "ask" and ((tok.tag_ == "VBN" and tok.dep_ in ("advcl", "ROOT", "ccomp") and
                           child_of(tok, SUBJ) is None) or any(
                               m.lower_ in ("whether", "if", "why", "how", "what", "when")
                               for c in tok.children if c.dep_ == "ccomp"
                               for m in c.children if m.dep_ in ("mark", "advmod", "nsubj",
                                                                 "dobj"))):
        return None  # "Asked whether ...": a question put to someone, no demand
    if lemma in ("ask", "press", "seek", "request", "appeal") and not any(
        c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "dative") for c in tok.children
    ):
        return None
    if lemma in ("decline", "refuse") and (x := child_of(tok, {"xcomp"})) is not None and \
            x.lemma_.lower() in ("say", "comment", "confirm", "discuss", "elaborate", "speculate",
                                 "answer", "give", "name", "specify", "identify", "disclose"):
        return None  # "declined to comment" rejects nothing
    if etype == "AGREE" and lemma in W.deciding and (x := child_of(tok, {"xcomp"})) is not None \
            and decided_act(x, self.verbs):
        return None  # the decision is the act itself: see _subsumed
    if lemma == "vow":
        x = child_of(tok, {"xcomp"})
        if obj_lemma in W.hostile_nouns:
            return "THREATEN"  # "vowed revenge"
        return "THREATEN" if x is not None and x.lemma_.lower() in W.hostile_xcomp else "AGREE"
    if lemma in ("respond", "retaliate") and not (is_future(tok) or (child_of(tok, {"aux"}) is not None
                                                 and tok.head.lemma_ in ("vow", "threaten"))):
        return None
    if lemma == "warn":
        return "THREATEN"
    called = obj if obj is not None else child_of(prep_of(tok, "in"), {"pobj"})
    if lemma == "call in" and not (called is not None and any(
            t.lemma_.lower() in W.envoys for t in called.subtree)):
        return None  # "called in the ambassador" is a summons; "called in experts" is not
    if etype == "THREATEN" and lemma in ("threaten", "endanger") and obj_lemma in W.endangered \
            and child_of(tok, {"xcomp"}) is None:
        return None  # "apps that threaten its sovereignty": a danger named, not a threat made
    if lemma in ("strike", "attack", "bomb", "invade", "hit"):
        threat = is_future(tok) or is_conditional(tok) or (
            tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("threaten", "vow", "warn"))
        return "THREATEN" if threat else None
    if lemma in ("close", "shut") and tok.pos_ == "VERB" and not any(
            t.lemma_.lower() in W.closable for c in tok.children if c.dep_ in OBJ | PASS_SUBJ
            for t in (c, *conjuncts(c))):
        return None  # "closed its consulate" is a sanction, "closing part of a programme" not
    named_goods = lemma in ("ban", "freeze", "prohibit") and obj is not None and any(
        t.ent_type_ in ("DIP_ORG", "DIP_DEMONYM", "DIP_STATE", "ORG") for t in obj.subtree)
    if lemma in ("end", "cut", "reduce", "cancel", "suspend", "freeze", "recall", "ban", "close",
                 "shut", "prohibit", "withdraw") and tok.pos_ != "NOUN" and \
            not about_relations(tok) and not named_goods:
        return None  # but "banned 59 Chinese apps, including TikTok" is a sanction
    if lemma == "charge" and trig.tok.pos_ == "NOUN" and trig.tok.dep_ in OBJ:
        return "CHARGE"
    if lemma in ("accuse", "allege") and tok.pos_ == "ADJ":
        return None
    if etype == "PROTEST" and is_future(tok) and lemma in ("file * complaint", "lodge complaint",
                                                          "lodge * complaint"):
        return "THREATEN"  # "would file a complaint with the WTO": a step announced
    if etype == "SANCTION" and (is_conditional(tok) or (
            tok.dep_ == "xcomp" and tok.head.lemma_.lower() in (
                "plan", "intend", "consider", "threaten", "prepare", "vow"))):
        return "THREATEN"  # "will withdraw ... unless", "plans to impose": CAMEO 13x
    if etype in ("SUPPORT", "COOPERATE") and is_future(tok) and lemma not in (
            "thank", "apologize", "apologise", "stand by", "stand with"):
        return "AGREE"  # "will support", "will cooperate": intent (CAMEO 03)
    if etype == "CONSULT" and (is_future(tok) or (tok.dep_ == "xcomp" and tok.head.lemma_.lower()
                               in ("agree", "offer", "plan", "want", "ready", "willing",
                                   "prepared", "propose"))):
        return "AGREE"  # intent to meet (CAMEO 036)
    if lemma in ("give", "provide", "grant", "supply", "donate", "deliver", "send"):
        return "AGREE" if is_future(tok) else etype
    return etype


def decided_act(x: Token, verbs: dict[str, list[LexEntry]]) -> bool:
    """ "agreed to bar Belarusian airlines": a hostile act decided on, against a party named."""
    if x.dep_ != "xcomp" or not any(e.type in DECIDED_ACTS for e in verbs.get(x.lemma_.lower(), [])):
        return False
    return any(t.ent_type_.startswith("DIP_") or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
               for c in x.children if c.dep_ in (*OBJ, "prep") for t in c.subtree)
