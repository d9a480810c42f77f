"""A spaCy component that respects the layout of scraped articles: headlines, captions and
paragraphs are separate sentences even when they carry no full stop."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

SENT_END = '.!?"”’])'


@Language.component("eventfuse_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after a blank line, or after a line break that follows a full stop:
    headlines, captions and paragraphs are never glued to the next sentence."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        gap = prev.whitespace_ + (prev.text if prev.is_space else "")
        if "\n\n" in gap or (prev.is_space and "\n\n" in prev.text):
            tok.is_sent_start = True
        elif "\n" in gap and tok.i >= 2:
            before = doc[tok.i - 2] if prev.is_space else prev
            if before.text[-1:] in SENT_END:
                tok.is_sent_start = True
    return doc
