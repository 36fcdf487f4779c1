"""Readers: every format gives Articles; every bad file or line gives an InputError naming it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadline.errors import InputError, InputWarning
from dyadline.ingest import READERS, read
from dyadline.ingest.html import drop_title
from dyadline.ingest.jsonl import iter_lines
from dyadline.ingest.txt import split_header
from dyadline.records import Article

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

HTML = """<html><head><title>Talks resume</title><meta name="date" content="2025-02-11">
<link rel="canonical" href="https://example.org/talks"></head><body><nav>Home | World</nav>
<article><h1>Talks resume</h1><p>Egypt and Ethiopia resumed talks on Monday in Abu Dhabi, officials said,
and agreed to meet again next month in Cairo to discuss the operation of the dam.</p>
<p>"We are ready for a binding agreement," the Egyptian minister said after the first session.</p></article>
<footer>Copyright</footer></body></html>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>One</title><link>https://example.org/1</link><guid>g1</guid>
<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate><description>&lt;p&gt;Kenya signed a deal with Tanzania.&lt;/p&gt;</description></item>
<item><title>Empty</title><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><id>urn:1</id><title>A</title><link href="https://example.org/a"/><published>2025-03-05T08:00:00Z</published>
<summary>Chile protested to Peru.</summary></entry></feed>"""


def _write(tmp: Path, name: str, content: str | bytes) -> Path:
    path = tmp / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _split(items) -> tuple[list[Article], list[InputError]]:
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def _warnings(items) -> list[InputWarning]:
    return [i for i in items if isinstance(i, InputWarning)]


def test_ingest_txt_header_gives_title_date_and_body(tmp_path):
    path = _write(tmp_path, "a.txt", "Title: Aid arrives\nPublished: 2025-08-21\nURL: https://x.org/a\n\nGermany sent aid.\n")
    [art], errors = _split(read([path]))
    assert not errors
    assert (art.id, art.title, art.published, art.url, art.text) == ("a", "Aid arrives", "2025-08-21", "https://x.org/a",
                                                                     "Germany sent aid.")


def test_ingest_txt_without_header_is_all_body():
    assert split_header("Germany sent aid.\nTitle: no") == ({}, "Germany sent aid.\nTitle: no")


def test_ingest_txt_bad_published_is_a_warning_and_the_document_kept(tmp_path):
    path = _write(tmp_path, "bad.txt", "Published: last week\n\nText.")
    items = list(read([path]))
    [art], errors = _split(items)
    [warning] = _warnings(items)
    assert not errors and art.published is None and art.text == "Text."
    assert "bad.txt" in str(warning) and "last week" in str(warning)


def test_ingest_html_main_text_and_metadata(tmp_path):
    [art], errors = _split(read([_write(tmp_path, "p.html", HTML)]))
    assert not errors
    assert art.title == "Talks resume" and art.published == "2025-02-11" and art.url == "https://example.org/talks"
    assert art.text.startswith("Egypt and Ethiopia resumed talks") and "Copyright" not in art.text


def test_ingest_html_drop_title_keeps_text_without_headline():
    assert drop_title("Headline\nBody.", "Headline") == "Body."
    assert drop_title("Body only.", "Headline") == "Body only."


def test_ingest_html_without_text_is_an_error(tmp_path):
    _, [error] = _split(read([_write(tmp_path, "e.htm", "<html><head><title>t</title></head><body><script>var a = 1;</script></body></html>")]))
    assert "e.htm" in str(error)


def test_ingest_jsonl_bad_lines_reported_good_lines_kept(tmp_path):
    lines = [json.dumps({"id": "a", "text": "Chile protested.", "published": "2025-01-02T10:00:00Z"}), "{broken",
             json.dumps({"id": "b", "text": ""}), json.dumps({"id": "c", "text": "Peru replied.", "published": "soon"}),
             json.dumps(["not", "an", "object"]), "", json.dumps({"text": "No id here."})]
    path = _write(tmp_path, "docs.jsonl", "\n".join(lines) + "\n")
    items = list(read([path]))
    arts, errors = _split(items)
    assert [a.id for a in arts] == ["a", "c", "docs-7"] and arts[0].published == "2025-01-02"
    assert [e.line for e in errors] == [2, 3, 5]
    assert [w.line for w in _warnings(items)] == [4]
    assert all(str(e).startswith(f"{path}:{e.line}:") for e in errors)


def test_ingest_jsonl_lines_keep_the_id_of_a_bad_document(tmp_path):
    path = _write(tmp_path, "d.jsonl", '{"id": 7, "text": 3}\n{"id": "x"\n')
    first, second = iter_lines(path)
    assert (first.id, first.article, first.error.line) == ("7", None, 1)
    assert (second.id, second.error.line) == ("x", 2)  # read off the broken line


def test_ingest_jsonl_undecodable_line_names_file_and_line(tmp_path):
    path = _write(tmp_path, "l.jsonl", b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "caf\xe9"}\n')
    arts, [error] = _split(read([path]))
    assert [a.id for a in arts] == ["a"] and error.line == 2 and "UTF-8" in str(error)


@pytest.mark.parametrize(("name", "content", "needle"), [
    ("empty.txt", "  \n", "empty"),
    ("bin.txt", b"\x89PNG\x00\x00\x01", "binary"),
    ("latin.txt", b"Caf\xe9 au lait", "UTF-8"),
    ("empty.jsonl", "\n\n", "empty"),
    ("notes.docx", "whatever", "unsupported"),
    ("bad.rss", "<rss><channel>", "well-formed"),
])
def test_ingest_bad_file_gives_clear_error(tmp_path, name, content, needle):
    path = _write(tmp_path, name, content)
    _, [error] = _split(read([path]))
    assert str(path) in str(error) and needle in str(error) and error.path == str(path)


def test_ingest_missing_path_is_reported_and_run_goes_on(tmp_path):
    good = _write(tmp_path, "g.txt", "Peru protested.")
    arts, [error] = _split(read([tmp_path / "nope.txt", good]))
    assert [a.id for a in arts] == ["g"] and "no such file" in str(error)


def test_ingest_folder_walk_skips_hidden_and_unsupported(tmp_path):
    _write(tmp_path, "b.txt", "B text.")
    _write(tmp_path, "README.md", "not an article")
    (tmp_path / ".hidden").mkdir()
    _write(tmp_path / ".hidden", "h.txt", "hidden")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "a.txt", "A text.")
    items = list(read([tmp_path]))
    arts, errors = _split(items)
    assert [a.id for a in arts] == ["b", "a"] and not errors
    assert sorted(str(w).split(": ")[1] for w in _warnings(items)) == ["skipped, a hidden folder",
                                                                      "skipped, unsupported file type '.md' (supported"]


def test_ingest_published_default_only_fills_missing_dates(tmp_path):
    _write(tmp_path, "a.txt", "Published: 2025-01-01\n\nA.")
    _write(tmp_path, "b.txt", "B.")
    arts, _ = _split(read([tmp_path], published="2025-06-30"))
    assert {a.id: a.published for a in arts} == {"a": "2025-01-01", "b": "2025-06-30"}


def test_ingest_feeds_rss_and_atom(tmp_path):
    arts, [error] = _split(read([_write(tmp_path, "f.rss", RSS), _write(tmp_path, "f.atom", ATOM)]))
    assert [(a.id, a.published, a.text) for a in arts] == [("g1", "2025-03-04", "Kenya signed a deal with Tanzania."),
                                                          ("urn:1", "2025-03-05", "Chile protested to Peru.")]
    assert "item 2" in str(error)


def test_ingest_examples_cover_every_core_reader():
    arts, errors = _split(read([EXAMPLES]))
    assert not errors and len(arts) >= 6
    assert {Path(a.source_path).suffix for a in arts} >= {".txt", ".html", ".jsonl"}
    assert all(a.published and a.title and 250 <= len(a.text.split()) <= 500 for a in arts)


def test_ingest_readers_registry_lists_suffixes():
    assert {".txt", ".html", ".htm", ".jsonl"} <= set(READERS)
