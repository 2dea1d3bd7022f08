"""The type decision: what the context makes of the type a trigger's lexicon entry gives.

The decision is a list of small rules, tried in the order they are registered here
(``@type_rule``). A rule may name a word set of ``schema/wordsets.tsv``: it is only
tried when the trigger's lexicon lemma is in that set. It answers with a type, with
``None`` (no event), or with :data:`NEXT` (nothing to say: the next rule decides). When
no rule decides, the lexicon's type stands.

To add a rule: write a function of a :class:`Situation`, decorate it with
``@type_rule("a_word_set")`` where it belongs in the order, put its words in the word
set, and add a test sentence of your own to ``tests/test_extract_types.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplograph.extract.codes import DECIDED_ACTS
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

#: a rule's answer when it has nothing to say
NEXT = "next"
_WH = ("whether", "if", "why", "how", "what", "when")


@dataclass(frozen=True)
class Situation:
    """What a type rule looks at: the trigger, its lexicon lemma and type, its object."""

    trig: Trigger
    etype: str
    verbs: dict[str, list[LexEntry]]
    says: set[str]  # the verbs of saying

    @property
    def tok(self) -> Token:
        return self.trig.tok

    @property
    def lemma(self) -> str:
        return self.trig.entry.lemma

    @property
    def obj(self) -> Token | None:
        return child_of(self.tok, OBJ)

    @property
    def obj_lemma(self) -> str:
        obj = self.obj
        return obj.lemma_.lower() if obj is not None else ""

    def head_in(self, words: frozenset[str]) -> bool:
        """The trigger is the complement of a verb of these words ("plans to impose")."""
        return self.tok.dep_ == "xcomp" and self.tok.head.lemma_.lower() in words


Rule = Callable[[Situation], "str | None"]


@dataclass(frozen=True)
class TypeRule:
    name: str
    words: frozenset[str] | None  # the lexicon lemmas it is tried on; None: every trigger
    decide: Rule


RULES: list[TypeRule] = []


def type_rule(word_set: str | None = None) -> Callable[[Rule], Rule]:
    """Register a rule, tried after those registered before it."""
    def register(fn: Rule) -> Rule:
        RULES.append(TypeRule(fn.__name__, getattr(W, word_set) if word_set else None, fn))
        return fn
    return register


def refine_type(self: Extractor, trig: Trigger, etype: str) -> str | None:
    """The type of the event a trigger carries, or None when it carries none."""
    situation = Situation(trig, etype, self.lex.verbs, self.lex.say)
    for rule in RULES:
        if rule.words is not None and trig.entry.lemma not in rule.words:
            continue
        answer = rule.decide(situation)
        if answer != NEXT:
            return answer
    return etype


# ----------------------------------------------------------------- the rules, in order


@type_rule("disclaiming_verbs")
def claim_or_proposal_rejected(s: Situation) -> str | None:
    """ "rejected the accusations" denies; "dismissed the proposal" rejects."""
    if s.obj is None:
        return NEXT
    if s.obj_lemma in W.accusation_nouns:
        return "DENY"
    if s.lemma in W.dismissing_verbs:
        return "REJECT" if s.obj_lemma in W.proposal_nouns else None
    return NEXT


@type_rule("dismissing_verbs")
def dismissed_as(s: Situation) -> str | None:
    """ "dismissed it as ...": a denial when a clause says what was dismissed."""
    if s.obj is not None:
        return NEXT
    return "DENY" if child_of(s.tok, {"ccomp"}) is not None else None


@type_rule("opposing_verbs")
def proposal_opposed(s: Situation) -> str | None:
    """ "opposed the plan", "opposed to the proposal": a rejection."""
    target = s.obj
    if target is None:
        to = prep_of(s.tok, "to")
        target = child_of(to, {"pobj"}) if to is not None else None
    return "REJECT" if target is not None and target.lemma_.lower() in W.proposal_nouns else NEXT


@type_rule("asking_verbs")
def question_asked(s: Situation) -> str | None:
    """ "Asked whether ...": a question put to someone, no demand."""
    tok = s.tok
    unasked = tok.tag_ == "VBN" and tok.dep_ in ("advcl", "ROOT", "ccomp") and \
        child_of(tok, SUBJ) is None
    wh = any(m.lower_ in _WH for c in tok.children if c.dep_ == "ccomp"
             for m in c.children if m.dep_ in ("mark", "advmod", "nsubj", "dobj"))
    return None if unasked or wh else NEXT


@type_rule("request_verbs")
def request_of_nothing(s: Situation) -> str | None:
    """A request with nothing requested ("pressed on") is no demand."""
    if any(c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "dative") for c in s.tok.children):
        return NEXT
    return None


@type_rule("refusing_verbs")
def declined_to_say(s: Situation) -> str | None:
    """ "declined to comment" rejects nothing."""
    x = child_of(s.tok, {"xcomp"})
    return None if x is not None and x.lemma_.lower() in W.unsaid else NEXT


@type_rule("deciding_verbs")
def decision_is_the_act(s: Situation) -> str | None:
    """ "agreed to bar Belarusian airlines": the decided act is the event (see triggers)."""
    x = child_of(s.tok, {"xcomp"})
    if s.etype == "AGREE" and x is not None and decided_act(x, s.verbs):
        return None
    return NEXT


@type_rule("vowing_verbs")
def vow(s: Situation) -> str | None:
    """ "vowed revenge", "vowed to retaliate": a threat; "vowed to help": a promise."""
    if s.obj_lemma in W.hostile_nouns:
        return "THREATEN"
    x = child_of(s.tok, {"xcomp"})
    return "THREATEN" if x is not None and x.lemma_.lower() in W.hostile_xcomp else "AGREE"


@type_rule("answering_verbs")
def answer_announced(s: Situation) -> str | None:
    """ "will respond", "vowed to retaliate" threaten; "responded" alone does not."""
    tok = s.tok
    if is_future(tok) or (child_of(tok, {"aux"}) is not None
                          and tok.head.lemma_ in W.threatening_verbs):
        return NEXT
    return None


@type_rule("warning_verbs")
def warning(s: Situation) -> str | None:
    return "THREATEN"


@type_rule("summoning_phrases")
def envoy_called_in(s: Situation) -> str | None:
    """ "called in the ambassador" is a summons; "called in experts" is not."""
    called = s.obj if s.obj is not None else child_of(prep_of(s.tok, "in"), {"pobj"})
    if called is not None and any(t.lemma_.lower() in W.envoys for t in called.subtree):
        return NEXT
    return None


@type_rule("endangering_verbs")
def danger_named(s: Situation) -> str | None:
    """ "apps that threaten its sovereignty": a danger named, not a threat made."""
    if s.etype == "THREATEN" and s.obj_lemma in W.endangered and \
            child_of(s.tok, {"xcomp"}) is None:
        return None
    return NEXT


@type_rule("attack_verbs")
def attack_announced(s: Situation) -> str | None:
    """An attack is in the lexicon only as a threat of one ("would strike")."""
    tok = s.tok
    threat = is_future(tok) or is_conditional(tok) or s.head_in(W.threat_frames)
    return "THREATEN" if threat else None


@type_rule("closing_verbs")
def something_else_closed(s: Situation) -> str | None:
    """ "closed its consulate" is a sanction, "closing part of a programme" not."""
    tok = s.tok
    if tok.pos_ == "VERB" and not any(t.lemma_.lower() in W.closable for c in tok.children
                                      if c.dep_ in OBJ | PASS_SUBJ for t in (c, *conjuncts(c))):
        return None
    return NEXT


@type_rule("cutting_verbs")
def nothing_between_parties_cut(s: Situation) -> str | None:
    """Cutting, banning or suspending is a sanction when it is about ties, aid or visits,
    or names the party's goods ("banned 59 Chinese apps, including TikTok")."""
    tok, obj = s.tok, s.obj
    named_goods = s.lemma in W.banning_verbs and obj is not None and any(
        t.ent_type_ in ("DIP_ORG", "DIP_DEMONYM", "DIP_STATE", "ORG") for t in obj.subtree)
    if tok.pos_ != "NOUN" and not about_relations(tok) and not named_goods:
        return None
    return NEXT


@type_rule("charging_words")
def charge_brought(s: Situation) -> str | None:
    """ "brought charges", "filed a charge": the noun as the object of its verb."""
    return "CHARGE" if s.tok.pos_ == "NOUN" and s.tok.dep_ in OBJ else NEXT


@type_rule("accusing_verbs")
def alleged_as_adjective(s: Situation) -> str | None:
    """ "the alleged spy", "accused officers": no accusation made here."""
    return None if s.tok.pos_ == "ADJ" else NEXT


@type_rule("complaint_phrases")
def complaint_announced(s: Situation) -> str | None:
    """ "would file a complaint with the WTO": a step announced."""
    return "THREATEN" if s.etype == "PROTEST" and is_future(s.tok) else NEXT


@type_rule()
def sanction_planned(s: Situation) -> str | None:
    """ "will withdraw ... unless", "plans to impose": a threat (CAMEO 13x)."""
    if s.etype == "SANCTION" and (is_conditional(s.tok) or s.head_in(W.intending_verbs)):
        return "THREATEN"
    return NEXT


@type_rule()
def sanction_held_out(s: Situation) -> str | None:
    """ "in that case the EU would impose sanctions": a sanction held out, not imposed (CAMEO
    13x). Reported, "said it would impose sanctions" is the future of an announcement."""
    tok = s.tok
    reported = tok.dep_ == "ccomp" and tok.head.lemma_.lower() in s.says
    if s.etype == "SANCTION" and not reported and any(
            c.dep_ == "aux" and c.lower_ in W.conditional_modals for c in tok.children):
        return "THREATEN"
    return NEXT


@type_rule()
def support_promised(s: Situation) -> str | None:
    """ "will support", "will cooperate": intent (CAMEO 03); but "will thank" is thanks."""
    if s.etype in ("SUPPORT", "COOPERATE") and is_future(s.tok) and s.lemma not in W.gratitude:
        return "AGREE"
    return NEXT


@type_rule()
def meeting_promised(s: Situation) -> str | None:
    """ "will meet", "agreed to hold talks": intent to meet (CAMEO 036)."""
    if s.etype == "CONSULT" and (is_future(s.tok) or s.head_in(W.willing_words)):
        return "AGREE"
    return NEXT


@type_rule("giving_verbs")
def aid_promised(s: Situation) -> str | None:
    """ "will provide", "will send": a promise; "sent": the act itself."""
    return "AGREE" if is_future(s.tok) else s.etype


def decided_act(x: Token, verbs: dict[str, list[LexEntry]]) -> bool:
    """ "agreed to bar Belarusian airlines": a hostile act decided on, against a party named."""
    if x.dep_ != "xcomp" or not any(e.type in DECIDED_ACTS for e in verbs.get(x.lemma_.lower(), [])):
        return False
    return any(t.ent_type_.startswith("DIP_") or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
               for c in x.children if c.dep_ in (*OBJ, "prep") for t in c.subtree)
