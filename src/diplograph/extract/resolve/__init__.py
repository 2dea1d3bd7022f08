"""Actor resolution: from a noun phrase to the actors it names.

The rules of each kind live in their own module (mentions, persons, states); a
:class:`Resolver` gathers them as its methods, so that a rule in one module can call
a rule in another (``x.actors(tok, ctx)``) and recursion through noun phrases needs
no import cycle. It holds nothing but the reference data.
"""

from __future__ import annotations

from diplograph.extract.resolve import mentions, persons, states
from diplograph.schema.reference import Reference


class Resolver:
    """The actor-resolution rules, bound to the reference data."""

    def __init__(self, ref: Reference) -> None:
        self.ref = ref

    # mentions
    actors = mentions.actors
    head_actors = mentions.head_actors
    pronoun_target = mentions.pronoun_target
    named_in_clause = mentions.named_in_clause
    listed_after = mentions.listed_after
    members_named = mentions.members_named
    survey = mentions.survey

    # persons
    person = persons.person
    title_in_apposition = persons.title_in_apposition
    official_by_name = persons.official_by_name
    official_body = persons.official_body
    body_source = persons.body_source
    register = persons.register

    # states
    np_state = states.np_state
    owner_of = states.owner_of
    earlier_owner = states.earlier_owner
    state_for = states.state_for
    acting_for = states.acting_for
    patron_state = states.patron_state
    entity_actor = states.entity_actor
    generic_body_from_words = states.generic_body_from_words
