"""The attribute ruler's matches found by lookup (``attr_match``) are spaCy's own, so every
POS, lemma and morph feature the ruler sets is unchanged."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from eventfuse.extract.attr_match import IndexedAttributeMatch, install, spacy_matches
from eventfuse.extract.extractor import load_nlp

pytestmark = pytest.mark.slow

# Our own words; they reach the ruler's exceptions: "ai n't", "gon na", "let 's", "y' all",
# expletive "there is", auxiliaries, "but" as an adverb, spaces, pronoun case.
TEXTS = [
    "On 3 May 2021, gunmen attacked a police post in Kismayo, killing two officers.",
    "I gotta go, y'all gonna see; it ain't done. Let's c'mon, there is a man who did it.",
    "There were clashes; they have done it and she had gone. Nobody but you saw it.",
    "  Protesters  gathered \n\n in front of the ministry;\tthey did not disperse.",
    "IT WAS NOT HIM. YOU GOT IT? HE GETS THAT, BUT I DON'T.",
    "Which forces? That one. Those who fled were caught; this was the 2nd raid.",
    "",
    "\n\n",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _ruler(nlp: Language) -> AttributeRuler:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return ruler


def test_lookup_matches_equal_spacy_matcher(nlp: Language) -> None:
    ruler = _ruler(nlp)
    fast = IndexedAttributeMatch(ruler)
    total = 0
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        for doc in nlp.pipe(TEXTS):  # the doc as the ruler sees it
            want = list(spacy_matches(ruler, doc))
            assert fast(doc) == want, doc.text
            total += len(want)
    assert total > 50  # the texts do reach the ruler's rules


def test_loaded_pipeline_uses_lookup_and_annotates_as_spacy(nlp: Language) -> None:
    ruler = _ruler(nlp)
    assert isinstance(ruler.match, IndexedAttributeMatch)
    for text in TEXTS:
        doc = nlp(text)
        with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
            plain = nlp(text)
        set_annotations: Any = ruler.set_annotations  # spaCy leaves it untyped
        set_annotations(plain, spacy_matches(ruler, plain))
        lemmatizer = nlp.get_pipe("lemmatizer")
        plain = lemmatizer(plain)
        got = [(t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_) for t in doc]
        want = [(t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_) for t in plain]
        assert got == want, text


def test_rules_it_cannot_read_leave_the_ruler_alone() -> None:
    import spacy

    ruler = spacy.blank("en").add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"LOWER": "x", "OP": "+"}]], {"LEMMA": "x"})
    assert not install(ruler)
    assert "match" not in vars(ruler)
    ok = spacy.blank("en").add_pipe("attribute_ruler")
    assert isinstance(ok, AttributeRuler)
    ok.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"}, index=0)
    assert install(ok)
