"""read_paths on every file format, folders, manifests and bad files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventfuse.errors import InputError
from eventfuse.ingest import read_paths
from eventfuse.model import Article

STORY = (
    "A roadside bomb hit a police patrol on the highway north of Marvel Springs on Sunday "
    "morning, wounding three officers, a provincial spokesman said.\n\n"
    "The patrol was escorting fuel trucks when the device went off. No group said it was "
    "behind the blast."
)

PAGE = """<!DOCTYPE html>
<html><head>
<title>Patrol hit by roadside bomb | The Valley Courier</title>
<meta name="author" content="Sam Okafor">
<meta property="og:site_name" content="The Valley Courier">
<meta property="article:published_time" content="2023-06-11T09:15:00Z">
<link rel="canonical" href="https://courier.example.org/news/patrol-bomb">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Patrol hit by roadside bomb</h1>
<p>A roadside bomb hit a police patrol on the highway north of the provincial capital on
Sunday morning, wounding three officers, a spokesman for the provincial police said.</p>
<figure><img src="blast.jpg" alt="">
<figcaption>The damaged patrol car near the village of Qarat Sulaym.</figcaption></figure>
<p>The patrol was escorting a convoy of fuel trucks when the device went off beside the
road. The wounded were taken to hospital and are in stable condition.</p>
<p>No group has said it was behind the blast, the third on the same stretch this year.</p>
</article>
<footer>Copyright The Valley Courier</footer>
</body></html>
"""


def _articles(items: list[Article | InputError]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def _errors(items: list[Article | InputError]) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def _one(path: Path) -> Article:
    items = list(read_paths([path]))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


@pytest.mark.parametrize("suffix", [".txt", ".text", ".md"])
def test_plain_text(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"story{suffix}"
    path.write_text(STORY, encoding="utf-8")
    article = _one(path)
    assert article.text == STORY
    assert article.title is None and article.published is None
    assert article.source_path == str(path)
    assert article.fingerprint is not None


def test_html_text_metadata_and_captions(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = _one(path)
    assert "wounding three officers" in article.text
    assert "No group has said" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    # The caption is the only place the village is named: it must survive, on its own line.
    assert "\nThe damaged patrol car near the village of Qarat Sulaym." in article.text
    assert article.title == "Patrol hit by roadside bomb"
    assert article.byline == "Sam Okafor"
    assert article.outlet == "The Valley Courier"
    assert article.url == "https://courier.example.org/news/patrol-bomb"
    assert article.published == date(2023, 6, 11)


def test_truncated_html_with_body_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cut.htm"
    path.write_text(PAGE[: PAGE.index("The wounded were")], encoding="utf-8")
    article = _one(path)
    assert "escorting a convoy of fuel trucks" in article.text
    assert "stable condition" not in article.text


def test_html_cut_before_the_body_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "stub.html"
    path.write_text(PAGE[: PAGE.index("<article>") + 20], encoding="utf-8")
    [error] = list(read_paths([path]))
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: no article text found in HTML"


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    good = {
        "id": "ext-1",
        "url": "https://wire.example.net/1",
        "title": "Clashes near the dam",
        "outlet": "Wire",
        "published": "2022-02-03",
        "text": "Fighting broke out near the dam on Wednesday, residents said.",
    }
    lines = [
        json.dumps(good),
        "",
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps({"text": "Shelling resumed overnight.", "published": "last week"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Two villages were evacuated.", "published": None}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([path]))
    arts, errs = _articles(items), _errors(items)
    assert [a.text for a in arts] == [good["text"], "Two villages were evacuated."]
    first = arts[0]
    assert (first.title, first.outlet, first.url) == ("Clashes near the dam", "Wire", good["url"])
    assert first.published == date(2022, 2, 3)
    assert [e.source for e in errs] == [f"{path}:3", f"{path}:4", f"{path}:5", f"{path}:6"]
    assert "invalid JSON" in errs[0].problem
    assert "text" in errs[1].problem
    assert "ISO date" in errs[2].problem
    assert "JSON object" in errs[3].problem


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Frontier Daily</title><link>https://frontier.example.com/</link>
<description>News</description>
<item>
  <title>Market fire after shelling</title>
  <link>https://frontier.example.com/a/1</link>
  <pubDate>Tue, 14 Mar 2023 18:20:00 GMT</pubDate>
  <description>&lt;p&gt;Shells landed on the central market of Dovan on Tuesday.&lt;/p&gt;
  &lt;p&gt;Traders said two stalls burned.&lt;/p&gt;</description>
</item>
<item>
  <title>Empty item</title>
  <link>https://frontier.example.com/a/2</link>
</item>
</channel></rss>
"""


@pytest.mark.parametrize("name", ["news.rss", "news.xml", "news.feed"])
def test_rss_feed(tmp_path: Path, name: str) -> None:
    path = tmp_path / name  # .feed is unknown: read because its content is a feed
    path.write_text(RSS, encoding="utf-8")
    items = list(read_paths([path]))
    [article] = _articles(items)
    assert article.text == (
        "Shells landed on the central market of Dovan on Tuesday.\n\n"
        "Traders said two stalls burned."
    )
    assert article.title == "Market fire after shelling"
    assert article.url == "https://frontier.example.com/a/1"
    assert article.outlet == "Frontier Daily"
    assert article.published == date(2023, 3, 14)
    [error] = _errors(items)
    assert error.source == f"{path}:entry 2" and "no text" in error.problem


def test_atom_feed_uses_content(tmp_path: Path) -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ridge Post</title><id>urn:x</id>
<updated>2021-07-01T00:00:00Z</updated>
<entry><title>Convoy ambushed</title><id>urn:x:1</id>
<link href="https://ridge.example.com/1"/><updated>2021-07-01T06:00:00Z</updated>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Insurgents ambushed a supply convoy in the pass,
killing a driver.&lt;/p&gt;</content>
</entry></feed>"""
    path = tmp_path / "ridge.atom"
    path.write_text(atom, encoding="utf-8")
    article = _one(path)
    assert article.text == "Insurgents ambushed a supply convoy in the pass, killing a driver."
    assert article.published == date(2021, 7, 1)


def test_unsupported_and_missing(tmp_path: Path) -> None:
    odd = tmp_path / "photo.png"
    odd.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    plain_csv = tmp_path / "table.csv"
    plain_csv.write_text("a,b\n1,2\n", encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    items = list(read_paths([odd, plain_csv, missing]))
    assert all(isinstance(i, InputError) for i in items)
    assert [str(i) for i in items] == [
        f"{odd}: unsupported file type (.png)",
        f"{plain_csv}: CSV without ACLED columns (notes, event_date, event_type)",
        f"{missing}: no such file or directory",
    ]


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 300, encoding="utf-8")
    [error] = list(read_paths([path], max_bytes=1000))
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: file too large (1500 bytes > limit 1000)"
    assert isinstance(_one(path), Article)  # the default limit allows it


def test_folder_with_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.txt").write_bytes(b"GIF89a\x00\x01\x02\x00\x00\xff" * 20)
    (tmp_path / "d_cut.html").write_text(PAGE[: PAGE.index("<h1>")], encoding="utf-8")
    (tmp_path / "e_latin1.txt").write_bytes("Caf\u00e9 owners protested.".encode("latin-1"))
    sub = tmp_path / "z_more"
    sub.mkdir()
    (sub / "good.md").write_text("Militants burned a school in the hills.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text("ignored too", encoding="utf-8")

    items = list(read_paths([tmp_path]))
    assert [a.source_path for a in _articles(items)] == [
        str(tmp_path / "a_good.txt"),
        str(sub / "good.md"),
    ]
    assert [str(e) for e in _errors(items)] == [
        f"{tmp_path / 'b_empty.txt'}: empty file",
        f"{tmp_path / 'c_binary.txt'}: binary file (not text)",
        f"{tmp_path / 'd_cut.html'}: no article text found in HTML",
        f"{tmp_path / 'e_latin1.txt'}: invalid UTF-8 at byte 3",
    ]


def test_ids_are_idempotent_and_content_based(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "two.txt").write_text("  " + STORY.replace("\n\n", "\n") + "\n", encoding="utf-8")
    first = [a.id for a in _articles(list(read_paths([tmp_path])))]
    second = [a.id for a in _articles(list(read_paths([tmp_path])))]
    assert first == second
    assert first[0] == first[1]  # same words, different spacing and file name


def test_manifest_applies_and_wins_over_page_metadata(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "note.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "bare.txt").write_text("Police arrested four men at the border post.", "utf-8")
    entries = [
        {"file": "page.html", "outlet": "Courier Weekly", "published": None, "extra": 1},
        {"file": "sub/note.txt", "title": "Bomb on the highway", "published": "2023-06-12"},
        {"file": "gone.txt", "title": "a file that is not there"},
    ]
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("\n".join(json.dumps(e) for e in entries) + "\n{broken\n", "utf-8")
    items = list(read_paths([tmp_path]))
    by_name = {Path(a.source_path or "").name: a for a in _articles(items)}
    assert set(by_name) == {"page.html", "note.txt", "bare.txt"}  # the manifest is no article
    page, note, bare = by_name["page.html"], by_name["note.txt"], by_name["bare.txt"]
    assert page.outlet == "Courier Weekly"  # manifest wins ...
    assert page.published == date(2023, 6, 11)  # ... but its null does not erase the page's
    assert (note.title, note.published) == ("Bomb on the highway", date(2023, 6, 12))
    assert (bare.title, bare.outlet, bare.published) == (None, None, None)
    errors = [str(e) for e in _errors(items)]
    assert errors == [
        f"{manifest}:4: invalid JSON "
        "(Expecting property name enclosed in double quotes at column 2)",
        f"{manifest}: names a missing file: gone.txt",
    ]
    # A file read on its own still gets the metadata of the manifest beside it.
    assert _one(tmp_path / "page.html").outlet == "Courier Weekly"


@pytest.mark.shared
def test_seed_corpus_with_its_manifest(seeds_dir: Path) -> None:
    items = list(read_paths([seeds_dir]))
    assert not _errors(items)
    arts = _articles(items)
    assert len(arts) == 5
    by_prefix = {Path(a.source_path or "").name[:3]: a for a in arts}
    assert by_prefix["000"].outlet == "Diyaruna"
    assert by_prefix["000"].published == date(2024, 9, 4)
    assert by_prefix["000"].byline == "Anas al-Bar"
    assert by_prefix["002"].published is None
    assert by_prefix["002"].title == "Iraqi forces stage back-to-back raids on ISIS"
    assert by_prefix["001"].title is None
    assert len({a.id for a in arts}) == 5
