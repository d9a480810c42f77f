"""An indexed, exact stand-in for the matching step of spaCy's ``attribute_ruler``.

The ruler (English models: tag -> POS/morph map and lemma/POS exceptions, ~180 rules) finds
where its rules apply with a generic ``Matcher``, which tries every rule at every token:
about a tenth of the parse time of a short note. Its rules are plain token tests (equality,
IN, NOT_IN, REGEX on TAG/LOWER/DEP/IS_SPACE, no operators), so the rules that can apply at a
token are looked up by the token's tag or lower-case form and only those are tested. The
matches, sorted as the ruler sorts them, are what the ruler's own ``match`` returns; the
ruler still applies them itself (``set_annotations``). Rules of any other kind leave the
ruler as it is (``install`` returns False).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc

# attribute name -> index into a token's (TAG, LOWER, DEP, IS_SPACE) row of ids (string
# hashes, as the Matcher compares them; IS_SPACE 0/1)
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
# A test: (field index, kind, value); kinds "eq", "in", "not_in" (ids), "regex" (a pattern
# searched in the string of the id, as the Matcher's REGEX does).
Test = tuple[int, str, Any]
Row = list[int]


class _Unsupported(ValueError):
    """A rule this matcher does not read (the spaCy Matcher is kept)."""


def _id(strings: StringStore, field: int, value: Any) -> int:
    """The id the Matcher compares: a string's hash, a flag's 0/1."""
    if field == _FIELDS["IS_SPACE"]:
        if not isinstance(value, bool):
            raise _Unsupported(f"IS_SPACE {value!r}")
        return int(value)
    if not isinstance(value, str):
        raise _Unsupported(repr(value))
    return int(strings.add(value))


def _tests(strings: StringStore, token_pattern: dict[str, Any]) -> list[Test]:
    tests: list[Test] = []
    for attr, spec in token_pattern.items():
        field = _FIELDS.get(attr)
        if field is None:
            raise _Unsupported(attr)
        if not isinstance(spec, dict):
            tests.append((field, "eq", _id(strings, field, spec)))
            continue
        for op, value in spec.items():
            if op in ("IN", "NOT_IN"):
                ids = frozenset(_id(strings, field, v) for v in value)
                tests.append((field, op.lower(), ids))
            elif op == "REGEX" and field != _FIELDS["IS_SPACE"]:
                tests.append((field, "regex", re.compile(value)))
            else:
                raise _Unsupported(op)
    return tests


def _passes(strings: StringStore, row: Row, tests: list[Test]) -> bool:
    for field, kind, value in tests:
        got = row[field]
        if kind == "eq":
            ok = got == value
        elif kind == "in":
            ok = got in value
        elif kind == "not_in":
            ok = got not in value
        else:
            ok = bool(value.search(strings[got]))
        if not ok:
            return False
    return True


def _index_keys(tests: list[Test]) -> list[tuple[int, int]]:
    """Where a rule is filed: under an id its first token must have (its tag, else its
    lower-case form, dependency label or being a space), so that only the rules filed under
    a token's own ids are tested there; [] files it under every token."""
    for field in (_FIELDS["TAG"], _FIELDS["LOWER"], _FIELDS["DEP"]):
        for f, kind, value in tests:
            if f == field and kind == "eq":
                return [(field, value)]
            if f == field and kind == "in":
                return [(field, v) for v in sorted(value)]
    if (_FIELDS["IS_SPACE"], "eq", 1) in tests:
        return [(_FIELDS["IS_SPACE"], 1)]
    return []


Rule = tuple[int, int, list[list[Test]]]  # (attr_id, match_id, token tests)


class IndexedAttributeMatch:
    """``AttributeRuler.match`` for rules of plain token tests, found by lookup."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = self._strings = ruler.vocab.strings
        # per field: id -> the rules filed under it; attr_id orders rules as the ruler does
        self._by_field: list[dict[int, list[Rule]]] = [defaultdict(list) for _ in _FIELDS]
        self._anywhere: list[Rule] = []
        matcher: Any = ruler.matcher
        for attr_id, rule in enumerate(ruler.patterns):
            match_id = strings[str(attr_id)]
            if int(strings[match_id]) != attr_id or match_id not in matcher:
                raise _Unsupported(f"rule {attr_id}")
            alternatives: list[list[dict[str, Any]]] = rule["patterns"]  # type: ignore[assignment]
            for alternative in alternatives:
                if not alternative:
                    raise _Unsupported("empty pattern")
                seq = [_tests(strings, tok) for tok in alternative]
                keys = _index_keys(seq[0])
                for field, value in keys:
                    self._by_field[field][value].append((attr_id, match_id, seq))
                if not keys:
                    self._anywhere.append((attr_id, match_id, seq))
        self._by_field = [dict(d) for d in self._by_field]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if not len(doc):
            return []
        rows: list[Row] = doc.to_array(_ARRAY_ATTRS).tolist()
        strings, anywhere, n = self._strings, self._anywhere, len(rows)
        fields = list(enumerate(self._by_field))
        found: set[tuple[int, int, int, int]] = set()
        for i, row in enumerate(rows):
            for field, by_id in fields:
                rules = by_id.get(row[field])
                if rules is not None:
                    self._test(strings, rows, i, n, rules, found)
            if anywhere:
                self._test(strings, rows, i, n, anywhere, found)
        return sorted(found)

    @staticmethod
    def _test(
        strings: StringStore,
        rows: list[Row],
        i: int,
        n: int,
        rules: list[Rule],
        found: set[tuple[int, int, int, int]],
    ) -> None:
        for attr_id, match_id, seq in rules:
            end = i + len(seq)
            if end <= n and all(_passes(strings, rows[i + k], t) for k, t in enumerate(seq)):
                found.add((attr_id, match_id, i, end))


def install(ruler: AttributeRuler) -> bool:
    """Make ``ruler`` find its matches by lookup; False (ruler unchanged) when its rules are
    not all plain token tests."""
    try:
        fast = IndexedAttributeMatch(ruler)
    except _Unsupported:
        return False
    object.__setattr__(ruler, "match", fast)
    return True


def spacy_matches(ruler: AttributeRuler, doc: Doc) -> Sequence[tuple[int, int, int, int]]:
    """The matches spaCy's own Matcher gives (for tests: the lookup must equal them)."""
    matches: Sequence[tuple[int, int, int, int]] = AttributeRuler.match(ruler, doc)
    return matches
