"""One table of event types (schema/event_types.tsv), and every type complete: an
ontology class under dip:Event, a SHACL shape that reaches it, lexicon entries, a colour,
and a test that extracts it."""

from __future__ import annotations

import rdflib
from rdflib.namespace import RDF, RDFS

from diplograph.model import EVENT_TYPES, TYPES
from diplograph.schema import ONTOLOGY_PATH, SHAPES_PATH
from diplograph.schema.namespaces import DIP
from diplograph.schema.reference import reference

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def test_the_types_are_those_of_events_md_in_order():
    assert EVENT_TYPES == ("ACCUSE", "CRITICIZE", "PROTEST", "DENY", "DEMAND", "REJECT",
                           "THREATEN", "SANCTION", "CHARGE", "ARREST", "SUPPORT", "AGREE",
                           "CONSULT", "COOPERATE")


def test_every_type_has_its_ontology_class_and_shortcut():
    onto = rdflib.Graph().parse(ONTOLOGY_PATH)
    for t in TYPES.values():
        cls = DIP[t.rdf_class]
        assert (cls, RDF.type, rdflib.OWL.Class) in onto, t.type
        assert DIP.Event in set(onto.transitive_objects(cls, RDFS.subClassOf)), t.type
        assert (DIP[t.shortcut], RDF.type, rdflib.OWL.ObjectProperty) in onto, t.shortcut


def test_every_type_is_reached_by_a_shape():
    shapes = rdflib.Graph().parse(SHAPES_PATH)
    onto = rdflib.Graph().parse(ONTOLOGY_PATH)
    targets = set(shapes.objects(None, SH.targetClass))
    for t in TYPES.values():
        ancestors = set(onto.transitive_objects(DIP[t.rdf_class], RDFS.subClassOf))
        assert ancestors & targets, f"no shape reaches dip:{t.rdf_class}"


def test_every_type_has_lexicon_entries_a_colour_and_codes():
    lexicon_types = {e.type for e in reference().lexicon}
    for t in TYPES.values():
        assert t.type in lexicon_types, f"{t.type} has no lexicon entry"
        assert t.color.startswith("#") and len(t.color) == 7
        assert t.cameo.isdigit() and t.family


def test_every_type_has_an_extraction_test():
    from test_extract_types import POSITIVE

    tested = {etype for etype, _, _ in POSITIVE}
    assert tested == set(EVENT_TYPES)
