"""spaCy sped up without changing what it says: the lemmatizer's word lists as sets
(``lemma_index``) and numpy's BLAS on one thread (``blas``) give the same annotations."""

from __future__ import annotations

import threading
import time

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from thinc.api import NumpyOps

from eventfuse.extract import blas, lemma_index
from eventfuse.extract.extractor import DEFAULT_MODEL, load_nlp

pytestmark = pytest.mark.slow

# Our own words: plurals, verb forms, comparatives and unknown words that send the rule
# lemmatizer through its index ("attacks" -> "attack", "fled" -> "flee", "worse" -> "bad").
TEXTS = [
    "On 3 May 2021, gunmen attacked two police posts in Kismayo, killing three officers.",
    "Militias fled the villages after heavier shelling; the wounded were taken to clinics.",
    "Protesters were gathering, chanting slogans and burning tyres, before the police "
    "dispersed them with teargas; worse clashes followed in the bigger towns.",
    "The Wazalendo fighters ambushed FARDC soldiers near Kibumba and seized their rifles.",
]


def _annotations(docs: list[Doc]) -> list[tuple[str, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.dep_, str(t.head.i), t.lemma_, t.ent_type_,
         t.ent_iob_, str(t.is_sent_start))
        for d in docs for t in d
    ]  # fmt: skip


@pytest.fixture(scope="module")
def stock() -> Language:
    """The model as spaCy loads it: BLIS products, the lemmatizer's word lists."""
    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def ours() -> Language:
    return load_nlp()


def test_index_lists_become_sets(stock: Language) -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    table = lemmatizer.lookups.get_table(lemma_index.INDEX_TABLE)
    sizes = {k: len(set(v)) for k, v in table.items()}
    assert lemma_index.index_as_sets(lemmatizer) == len(sizes) > 0
    assert all(isinstance(v, frozenset) and len(v) == sizes[k] for k, v in table.items())
    assert lemma_index.index_as_sets(lemmatizer) == 0  # already sets: nothing to do
    assert [t.lemma_ for t in nlp(TEXTS[1])] == [t.lemma_ for t in stock(TEXTS[1])]


def test_numpy_blas_changes_every_layer() -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    assert blas.use_numpy_blas(nlp) > 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            assert all(not getattr(layer.ops, "use_blis", False) for layer in model.walk())
            assert all(isinstance(layer.ops, NumpyOps) for layer in model.walk())


def test_same_annotations_as_the_stock_pipeline(stock: Language, ours: Language) -> None:
    """Every attribute the extractor reads, token by token (the pipelines differ in our
    paragraph component, which sets sentence starts only at blank lines: none here)."""
    with blas.one_thread():
        mine = list(ours.pipe(TEXTS))
    assert _annotations(mine) == _annotations(list(stock.pipe(TEXTS)))


def test_one_thread_is_restored() -> None:
    controller = blas._controller()
    if controller is None:
        pytest.skip("threadpoolctl is not installed")
    before = [lib["num_threads"] for lib in controller.info() if lib["user_api"] == "blas"]
    with blas.one_thread():
        inside = [lib["num_threads"] for lib in controller.info() if lib["user_api"] == "blas"]
    after = [lib["num_threads"] for lib in controller.info() if lib["user_api"] == "blas"]
    assert inside and all(n == 1 for n in inside)
    assert after == before


def test_overlapping_threads_leave_the_limit_as_it_was() -> None:
    # Without the lock: A saves N and sets 1, B saves 1, A restores N, B "restores" 1 for good.
    controller = blas._controller()
    assert controller is not None  # threadpoolctl is a dependency
    before = [lib["num_threads"] for lib in controller.info() if lib["user_api"] == "blas"]

    def hold(seconds: float) -> None:
        with blas.one_thread():
            time.sleep(seconds)

    first = threading.Thread(target=hold, args=(0.1,))
    second = threading.Thread(target=hold, args=(0.2,))
    first.start()
    time.sleep(0.02)
    second.start()
    first.join()
    second.join()
    after = [lib["num_threads"] for lib in controller.info() if lib["user_api"] == "blas"]
    assert after == before
