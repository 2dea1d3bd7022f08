"""The lexicon's multi-word triggers: our index finds what spaCy's Matcher finds."""

from __future__ import annotations

import pytest

from diplograph.extract.phrases import PhraseIndex

TEXTS = [
    "Beijing lodged stern representations with Washington and lodged a protest with Tokyo.",
    "The ministry called on Ottawa to hold a new round of talks, and Seoul held talks too.",
    "Brussels imposed fresh sanctions and imposed tariffs; it had imposed a total ban earlier.",
    "Moscow summoned the ambassador. The envoy was summoned again on Friday.",
    "Nobody here lodges anything: the word 'protest' stands alone, as does 'call'.",
]


@pytest.fixture(scope="module")
def nlp_and_phrases():
    from diplograph.extract import load_extractor

    nlp, ex = load_extractor(True)
    return nlp, {key: e.lemma for key, e in ex.lex.phrases.items()}


def _spacy_matches(nlp, phrases, doc):
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab)
    for key, text in phrases.items():
        pattern = []
        for word in text.split():
            if word == "*":
                pattern += [{"OP": "?"}, {"OP": "?"}]
            else:
                pattern.append({"LEMMA": word} if word.isalpha() else {"LOWER": word})
        matcher.add(key, [pattern])
    return sorted((nlp.vocab.strings[m], s, e) for m, s, e in matcher(doc))


def test_same_matches_as_spacy_matcher(nlp_and_phrases):
    nlp, phrases = nlp_and_phrases
    index = PhraseIndex(phrases)
    found_any = 0
    for doc in nlp.pipe(TEXTS):
        ours = sorted(index(doc))
        assert ours == _spacy_matches(nlp, phrases, doc), doc.text
        found_any += len(ours)
    assert found_any >= 6


def test_gap_of_at_most_two_tokens(nlp_and_phrases):
    nlp, _ = nlp_and_phrases
    index = PhraseIndex({"p": "lodge * protest"})
    assert index(nlp("They lodge protest.")) == [("p", 1, 3)]
    assert index(nlp("They lodged a strong protest.")) == [("p", 1, 5)]
    assert index(nlp("They lodged a very strong protest.")) == []
    assert index(nlp("")) == []


def test_a_phrase_must_start_with_a_word():
    with pytest.raises(ValueError):
        PhraseIndex({"p": "* protest"})
