"""HTML pages -> article text and metadata (trafilatura), plus the figure captions that
trafilatura drops but that often hold the only place name of a report."""

from __future__ import annotations

import re
from datetime import date

import lxml.html
from lxml import etree
from trafilatura import bare_extraction
from trafilatura.settings import Document, use_config

from eventfuse.errors import InputError
from eventfuse.ingest.records import Meta
from eventfuse.ingest.text import parse_iso_date

__all__ = ["html_fragment_text", "read_html"]

# Below this many words the "text" is navigation left over from a page cut short.
MIN_BODY_WORDS = 8
_MAX_CAPTIONS = 50
_MAX_CAPTION_CHARS = 1000
_CAPTION_CLASS = re.compile(r"caption", re.IGNORECASE)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "tr",
        "section",
        "article",
        "figure",
        "figcaption",
        "header",
        "footer",
        "dd",
        "dt",
    ]
)

_CONFIG = use_config()
# Short reports are common; the default (250 chars) sends them to a cruder fallback.
_CONFIG.set("DEFAULT", "min_extracted_size", "20")
# Dates only from markup: guessing one from the body text would invent publication dates.
_CONFIG.set("DEFAULT", "extensive_date_search", "off")


def read_html(src: str, html: str) -> tuple[str, Meta] | InputError:
    """The article text (body, then captions as their own paragraphs) and page metadata."""
    try:
        doc = bare_extraction(html, include_comments=False, with_metadata=True, config=_CONFIG)
    except Exception as exc:  # trafilatura raises assorted parser errors on broken pages
        return InputError(src, f"cannot parse HTML ({type(exc).__name__})")
    body = _doc_text(doc)
    if len(body.split()) < MIN_BODY_WORDS:
        return InputError(src, "no article text found in HTML")
    flat_body = " ".join(body.split())
    captions = [c for c in _captions(html) if c not in flat_body]
    text = "\n\n".join([body, *captions])
    return text, _doc_meta(doc)


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML snippet (a feed summary), block elements as line breaks."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]*>", " ", fragment)
    return _text_with_breaks(root)


def _text_with_breaks(root: lxml.html.HtmlElement) -> str:
    """Walk the tree: text and tails in order, a newline around each block element."""
    out: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("script", "style"):
            out.append(_flat(node.tail))
            return
        block = tag in _BLOCK_TAGS
        if block:
            out.append("\n")
        out.append(_flat(node.text))
        for child in node:
            walk(child)
        if block:
            out.append("\n")
        out.append(_flat(node.tail))

    walk(root)
    return "".join(out).strip()


def _flat(text: str | None) -> str:
    """Source line breaks inside HTML text are just spaces; only block ends break lines."""
    return re.sub(r"\s+", " ", text) if text else ""


def _doc_text(doc: Document | dict[str, object] | None) -> str:
    if doc is None:
        return ""
    text = doc.get("text") if isinstance(doc, dict) else doc.text
    return text if isinstance(text, str) else ""


def _doc_meta(doc: Document | dict[str, object] | None) -> Meta:
    if doc is None or isinstance(doc, dict):
        return Meta()
    return Meta(
        title=doc.title or None,
        outlet=doc.sitename or doc.hostname or None,
        url=doc.url or None,
        published=_safe_date(doc.date),
        byline=doc.author or None,
    )


def _safe_date(value: str | None) -> date | None:
    try:
        return parse_iso_date(value)
    except ValueError:
        return None


def _captions(html: str) -> list[str]:
    """Text of <figcaption> and caption-classed elements, outermost only, de-duplicated."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    found: list[str] = []
    for node in root.iter():
        if not isinstance(node.tag, str) or not _is_caption(node):
            continue
        if any(_is_caption(a) for a in node.iterancestors()):
            continue  # already taken with its outer caption
        text = " ".join(node.text_content().split())[:_MAX_CAPTION_CHARS]
        if text and text not in found:
            found.append(text)
        if len(found) >= _MAX_CAPTIONS:
            break
    return found


def _is_caption(node: lxml.html.HtmlElement) -> bool:
    if node.tag == "figcaption":
        return True
    marks = f"{node.get('class', '')} {node.get('itemprop', '')}"
    return bool(_CAPTION_CLASS.search(marks))
