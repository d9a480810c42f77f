"""normalize's keys are cached: a cached answer equals a fresh one and callers cannot
change it."""

from __future__ import annotations

from eventfuse.geo import normalize
from eventfuse.geo.normalize import ascii_name, norm_key, skeleton, tokens

NAMES = ["Al-Anbar Governorate", "Şalāḩ ad Dīn", "Deir ez-Zor", "Murang'a", "Sāmarrā’", "Anbar"]


def test_tokens_returns_a_fresh_list_each_call() -> None:
    first = tokens("Al-Anbar Governorate")
    assert first == ["al", "anbar", "governorate"]
    first.append("changed")
    first[0] = "x"
    assert tokens("Al-Anbar Governorate") == ["al", "anbar", "governorate"]


def test_cached_keys_equal_uncached_ones() -> None:
    for name in NAMES:
        for _ in range(2):  # the second call is served from the cache
            assert norm_key(name) == norm_key.__wrapped__(name)
            assert norm_key(name, drop_generic=False) == norm_key.__wrapped__(
                name, drop_generic=False
            )
            assert ascii_name(name) == ascii_name.__wrapped__(name)
            assert skeleton(norm_key(name)) == skeleton.__wrapped__(norm_key(name))
    assert norm_key("Al-Anbar Governorate") == norm_key("Anbar") == "anbar"
    assert norm_key("Al-Anbar Governorate", drop_generic=False) == "anbar governorate"


def test_caches_are_bounded() -> None:
    for fn in (normalize._tokens, norm_key, skeleton, ascii_name):
        maxsize = fn.cache_info().maxsize
        assert maxsize is not None and maxsize > 0
