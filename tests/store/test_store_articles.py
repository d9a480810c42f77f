"""Articles and mentions: round trip, idempotence, atomicity, forgetting, hostile text."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from eventfuse.model import Mention
from eventfuse.store.sql import SQLStore
from tests.store.store_models import article, mention


def test_article_and_mentions_round_trip(store: SQLStore) -> None:
    a = article("a1")
    ms = [mention("m1", "a1"), mention("m2", "a1", date=None, place=None, actor2=None)]
    assert store.add_article(a, ms) is True
    assert store.get_article("a1") == a
    assert store.mentions() == ms
    assert store.mentions(["a1"]) == ms
    assert store.articles() == [a]
    assert store.count_articles() == 1
    assert store.has_article("a1") and not store.has_article("zz")
    assert store.get_article("zz") is None


def test_minimal_article_round_trip(store: SQLStore) -> None:
    a = article("bare", title=None, outlet=None, url=None, published=None, byline=None,
                source_path=None, gold=None, fingerprint=None)  # fmt: skip
    store.add_article(a, [])
    assert store.get_article("bare") == a
    assert store.mentions(["bare"]) == []


def test_add_article_is_idempotent(store: SQLStore) -> None:
    assert store.add_article(article("a1"), [mention("m1", "a1")])
    changed = article("a1", title="Another title")
    assert store.add_article(changed, [mention("m9", "a1")]) is False
    assert store.get_article("a1") == article("a1")
    assert [m.id for m in store.mentions()] == ["m1"]


class _Exploding(Mention):
    """A mention that fails while it is being written."""

    def to_dict(self) -> dict[str, Any]:
        raise RuntimeError("boom while serialising")


def test_add_article_rolls_back_on_failure(store: SQLStore) -> None:
    good = mention("m1", "a1")
    bad = _Exploding(**{f: getattr(good, f) for f in good.__dataclass_fields__} | {"id": "m2"})
    with pytest.raises(RuntimeError, match="boom"):
        store.add_article(article("a1"), [good, bad])
    assert not store.has_article("a1")
    assert store.mentions() == []
    assert store.count_articles() == 0
    # the store is still usable afterwards
    assert store.add_article(article("a1"), [good])
    assert store.mentions() == [good]


def test_add_article_rolls_back_after_the_article_row(
    store: SQLStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The article row is written, then the mentions insert fails: nothing must remain."""
    real = store._insert_many
    written: list[str] = []

    def failing(table: str, cols: str, rows: Any) -> None:
        if table == "mentions":
            raise RuntimeError("disk full while writing mentions")
        real(table, cols, rows)
        written.append(table)

    monkeypatch.setattr(store, "_insert_many", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        store.add_article(article("a1"), [mention("m1", "a1")])
    assert written == ["articles"]
    monkeypatch.undo()
    assert not store.has_article("a1")
    assert store.count_articles() == 0 and store.mentions() == []


def test_add_article_rolls_back_on_database_error(store: SQLStore) -> None:
    from eventfuse.errors import StoreError

    store.add_article(article("a1"), [mention("m1", "a1")])
    # m1 exists already: the second article's insert fails on the mention's primary key
    with pytest.raises(StoreError, match="add article a2"):
        store.add_article(article("a2"), [mention("m1", "a2")])
    assert not store.has_article("a2")
    assert [m.article_id for m in store.mentions()] == ["a1"]


def test_mentions_filtered_by_article(store: SQLStore) -> None:
    store.add_article(article("a1"), [mention("m1", "a1")])
    store.add_article(article("a2"), [mention("m2", "a2"), mention("m3", "a2")])
    assert [m.id for m in store.mentions(["a2"])] == ["m2", "m3"]
    assert [m.id for m in store.mentions(iter(["a1", "a2"]))] == ["m1", "m2", "m3"]
    assert store.mentions([]) == []


def test_forget_article(store: SQLStore) -> None:
    store.add_article(article("a1"), [mention("m1", "a1")])
    store.add_article(article("a2"), [mention("m2", "a2")])
    assert store.forget_article("a1") is True
    assert not store.has_article("a1")
    assert [m.id for m in store.mentions()] == ["m2"]
    assert store.forget_article("a1") is False
    assert store.count_articles() == 1
    # forgotten articles can be added again
    assert store.add_article(article("a1"), [mention("m1", "a1")])


def test_fingerprints_keep_all_64_bits(store: SQLStore) -> None:
    store.add_article(article("a1", fingerprint=None), [])
    store.add_article(article("a2", fingerprint=None), [])
    store.add_article(article("a3", fingerprint=7), [])
    assert store.fingerprints() == [("a3", 7)]
    big = (1 << 64) - 3  # above BIGINT's range: stored as the same bits
    store.set_fingerprint("a1", big)
    store.set_fingerprint("a2", 12345)
    assert store.fingerprints() == [("a1", big), ("a2", 12345), ("a3", 7)]
    a1 = store.get_article("a1")
    assert a1 is not None and a1.fingerprint == big


HOSTILE = [
    "Robert'); DROP TABLE articles;--",
    "<script>alert('x')</script>",
    '50% of ? and %s and $1 and \\ and " and `tick` and ; -- comment /* c */',
    "Unicode: Ḥalab, حلب, ½, 🚀, tab\there",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_stored_verbatim(store: SQLStore, text: str) -> None:
    a = article("h1", text=text, title=text, outlet=text, byline=text, url=text,
                gold={"notes": text})  # fmt: skip
    m = mention("hm1", "h1", text=text, speaker=text)
    assert store.add_article(a, [m])
    assert store.get_article("h1") == a
    assert store.mentions(["h1"]) == [m]
    assert store.has_article("h1")
    assert store.count_articles() == 1  # the tables are all still there


def test_article_gold_and_duplicate_of(store: SQLStore) -> None:
    a = article("a2", duplicate_of="a1", gold={"k": "v", "quote": "it's"})
    store.add_article(a, [])
    got = store.get_article("a2")
    assert got is not None and got.duplicate_of == "a1" and got.gold == {"k": "v", "quote": "it's"}
    assert replace(got, gold=None) != a


def test_article_with_many_mentions(store: SQLStore) -> None:
    """Enough mentions for the backends' bulk insert path, hostile text included."""
    ms = [mention(f"m{i:03d}", "big", text=HOSTILE[i % len(HOSTILE)]) for i in range(150)]
    assert store.add_article(article("big"), ms)
    assert store.mentions(["big"]) == ms
    assert store.forget_article("big")
    assert store.mentions() == []
