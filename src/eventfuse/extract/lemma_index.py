"""The rule lemmatizer's word lists as sets: the same lemmas, found by hashing.

spaCy's rule lemmatizer (English models) checks each candidate form a suffix rule makes
("attacks" -> "attack") with ``form in index``, where ``index`` is the part of speech's list of
known words (57,528 nouns, 20,993 verbs ...): a linear scan per candidate. Its cache keeps only
the forms a rule produced, so the first note that uses a word pays the scan: ~0.08 s of a
100-note file (a twentieth of the extraction time), before the cache is warm. A frozenset
answers ``in`` exactly as the list does (the lemmatizer only tests membership), so every lemma
is the same; the order of candidate forms comes from the rules, never from the index.
"""

from __future__ import annotations

from spacy.pipeline import Lemmatizer

INDEX_TABLE = "lemma_index"


def index_as_sets(lemmatizer: Lemmatizer) -> int:
    """Replace each part of speech's word list in the lemmatizer's ``lemma_index`` table with a
    frozenset of the same words; the number of lists replaced (0 without the table)."""
    if not lemmatizer.lookups.has_table(INDEX_TABLE):
        return 0
    table = lemmatizer.lookups.get_table(INDEX_TABLE)
    replaced = 0
    for key in list(table.keys()):
        words = table[key]
        if isinstance(words, list):
            table[key] = frozenset(words)
            replaced += 1
    return replaced
