"""A hostile corpus, built here in a temporary folder, through `ingest` and `extract --input`.

Every bad file must be named with its true reason, every good document stored, no run may
end in a traceback, and `extract` writes one record per non-blank input line. The good
documents are one short sentence each, so the model's parse stays cheap.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadline.cli import cli

SENTENCE = "Kenya signed a trade deal with Tanzania on Tuesday ({})."

# (file name, content, reason that must follow the file's name on stderr)
BAD_FILES = [
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "the file looks binary"),
    ("empty.txt", b"", "the file is empty"),
    ("blank.html", b"  \n\t\n", "the file is empty"),
    ("empty.jsonl", b"\n\n", "the file is empty"),
    ("empty.rss", b"", "the file is empty"),
    ("latin1.txt", "Le ministre a déclaré".encode("latin-1"), "cannot decode as UTF-8"),
    ("huge.txt", ("word " * 200_001).encode(), "more than the max_chars setting"),
    ("garbage.html", b"<<<>>> <? ?> <!-- ", "no main text could be extracted"),
    ("script.htm", b"<html><body><script>var a = 1;</script></body></html>", "no main text could be extracted"),
    ("broken.rss", b"<rss><channel><item><title>t", "not a well-formed feed"),
    ("broken.atom", b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><summary>x</summ", "not a well-formed feed"),
    ("noitems.rss", b"<rss version='2.0'><channel><title>t</title></channel></rss>", "no item or entry"),
    ("bomb.rss", b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
                 b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><rss><channel><item><description>&lol3;</description>'
                 b'</item></channel></rss>', "declares XML entities"),
    ("xxe.atom", b'<?xml version="1.0"?><!DOCTYPE f [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                 b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><summary>&x;</summary></entry></feed>',
     "declares XML entities"),
    ("utf16-garbage.jsonl", b"\xff\xfe" + b"\x00\xd8" * 10, "cannot decode as UTF-16"),
    ("deep.html", b"<html><body>" + b"<div>" * 100_000 + b"Kenya." + b"</div>" * 100_000, "no main text"),
    ("deep.rss", b"<rss><channel><item><description>" + b"<x>" * 100_000 + b"</x>" * 100_000
                 + b"</description></item></channel></rss>", "item 1: the item has no text"),
    ("bomb.html", b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                  b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>&c;&c;&c;</p></body></html>',
     "declares XML entities"),
]

# (line, reason) for bad lines of bad.jsonl; each line after the first good one
BAD_LINES = [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"id": "cut", "text": "Kenya', "not valid JSON"),
    ('["an", "array"]', "expected an object"),
    ('{"id": "nt", "text": 42}', "needs a non-empty string 'text'"),
    ('{"id": "nul", "text": "a\u0000b"}'.replace("\\u0000", "\u0000"), "not valid JSON"),
    (json.dumps({"id": "long", "text": "x" * 1_000_001}), "more than the max_chars setting"),
]

# JSON Lines documents that are good, with hostile metadata: (line, expected published, warning or None)
ODD_DOCS = [
    ({"published": "17 December 2016"}, "2016-12-17", None),
    ({"published": "Sat, 17 Dec 2016 10:00:00 GMT"}, "2016-12-17", None),
    ({"published": "2016-12-17T23:30:00-05:00"}, "2016-12-17", None),
    ({"published": "2016-12-17 18:38 ET"}, "2016-12-17", None),
    ({"published": "Dec 17, 2016 8:46 AM ET"}, "2016-12-17", None),
    ({"published": "3:58 PM ET, Wed December 14, 2016"}, "2016-12-14", None),
    ({"published": "11/28/2016"}, "2016-11-28", None),
    ({"published": "December 9th 2016"}, "2016-12-09", None),
    ({"published": "2009-03-25 00:26:04.358077-05"}, "2009-03-25", None),
    ({"published": "99999-99-99"}, None, "cannot read the publication date"),
    ({"published": "0000-00-00"}, None, "cannot read the publication date"),
    ({"published": "2016-02-30"}, None, "cannot read the publication date"),
    ({"published": 10**30}, None, "cannot read the publication date"),
    ({"published": ["2016"]}, None, "cannot read the publication date"),
    ({"published": "yesterday"}, None, "cannot read the publication date"),
    ({"title": {"a": 1}}, None, "'title' must be a string"),
    ({"url": ["x"]}, None, "'url' must be a string"),
    ({"id": [1]}, None, "'id' must be a non-empty string or a number"),
    ({"title": "\ud800 lone"}, None, "lone surrogates"),
    ({}, None, None),  # written with a 4,400-digit integer and a lone surrogate in its text
]


def _odd_line(n: int, fields: dict) -> str:
    doc = {"id": f"odd{n}", "text": SENTENCE.format(f"odd {n}"), **fields}
    line = json.dumps(doc, ensure_ascii=True)
    if n == 19:
        line = line.replace('"text": "', '"text": "\\udc00 ')[:-1] + ', "extra": ' + "9" * 4400 + "}"
    return line


def build_corpus(root: Path) -> tuple[Path, dict[str, str], set[str]]:
    """The corpus folder, {file: reason} for its bad files, and the texts of its good documents."""
    folder = root / "corpus"
    folder.mkdir()
    good: set[str] = set()
    bad: dict[str, str] = {}
    for name, content, reason in BAD_FILES:
        (folder / name).write_bytes(content)
        bad[name] = reason
    good_line = json.dumps({"id": "g0", "text": SENTENCE.format("jsonl")})
    good.add(SENTENCE.format("jsonl"))
    (folder / "bad.jsonl").write_text("\n".join([good_line] + [line for line, _ in BAD_LINES]) + "\n")
    (folder / "odd.jsonl").write_text("\n".join(_odd_line(n, f) for n, (f, _, _) in enumerate(ODD_DOCS)) + "\n")
    for n in range(len(ODD_DOCS)):
        good.add(SENTENCE.format(f"odd {n}") if n != 19 else "\ufffd " + SENTENCE.format(f"odd {n}"))
    names = {"space name.txt": "utf-8", "ünïcödé.txt": "utf-8", "-dash.txt": "utf-8", "UPPER.TXT": "utf-8",
             "utf16.txt": "utf-16", "utf8bom.txt": "utf-8-sig", "utf16le-nobom.txt": "utf-16-le"}
    for name, encoding in names.items():
        text = SENTENCE.format(name)
        (folder / name).write_bytes(f"Published: 17 December 2016\n\n{text}\n".encode(encoding))
        good.add(text)
    odd_name = os.fsdecode(b"latin\xe9-name.txt")
    (folder / odd_name).write_text(SENTENCE.format("latin name"))
    good.add(SENTENCE.format("latin name"))
    (folder / "utf16.jsonl").write_bytes((json.dumps({"id": "u16", "text": SENTENCE.format("u16")}) + "\n")
                                         .encode("utf-16"))
    good.add(SENTENCE.format("u16"))
    (folder / "half.rss").write_bytes(f"<rss><channel><item><guid>h1</guid><description>{SENTENCE.format('half')}"
                                      "</description></item><item><description>cut".encode())
    bad["half.rss"] = "not a well-formed feed"
    good.add(SENTENCE.format("half"))
    (folder / "feed.atom").write_text(f"<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>a1</id><updated>"
                                      f"Sat, 17 Dec 2016 10:00:00 GMT</updated><content type='xhtml'><div>"
                                      f"<p>{SENTENCE.format('atom')}</p></div></content></entry></feed>")
    good.add(SENTENCE.format("atom"))
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    bad["notes.docx"] = "skipped, unsupported file type '.docx'"
    (folder / ".hidden.txt").write_text("hidden")
    bad[".hidden.txt"] = "skipped, a hidden file"
    os.mkfifo(folder / "fifo.txt")
    bad["fifo.txt"] = "not a regular file (a FIFO)"
    os.symlink("/dev/zero", folder / "zero.txt")
    bad["zero.txt"] = "skipped, a symbolic link out of"
    os.symlink("/etc/passwd", folder / "passwd.txt")
    bad["passwd.txt"] = "skipped, a symbolic link out of"
    os.symlink(folder / "missing.txt", folder / "dangling.txt")
    bad["dangling.txt"] = "a broken symbolic link"
    return folder, bad, good


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("fuzz"))


@pytest.fixture(scope="module")
def ingested(corpus, tmp_path_factory):
    folder, _, _ = corpus
    db = tmp_path_factory.mktemp("db") / "t.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db)], catch_exceptions=False)
    with sqlite3.connect(db) as conn:
        rows = {text.strip(): (doc_id, published, title)
                for text, doc_id, published, title in conn.execute("SELECT text, article_id, published, title "
                                                                   "FROM documents")}
    return result, rows


def test_ingest_fuzz_no_traceback_and_exit_1(ingested):
    result, _ = ingested
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "the run failed" not in result.output


def test_ingest_fuzz_every_good_document_stored(corpus, ingested):
    _, _, good = corpus
    _, rows = ingested
    assert set(rows) == good


@pytest.mark.parametrize("name", [n for n, _, _ in BAD_FILES] + ["half.rss", "notes.docx", ".hidden.txt", "fifo.txt",
                                                                  "zero.txt", "passwd.txt", "dangling.txt"])
def test_ingest_fuzz_every_bad_file_named_with_its_reason(corpus, ingested, name):
    folder, bad, _ = corpus
    result, _ = ingested
    assert f"{folder / name}" in result.stderr
    line = result.stderr.split(f"{folder / name}", 1)[1].split("\n", 1)[0]
    assert bad[name] in line, line


def test_ingest_fuzz_bad_lines_named_with_line_and_reason(corpus, ingested):
    folder, _, _ = corpus
    result, _ = ingested
    for n, (_, reason) in enumerate(BAD_LINES, 2):
        assert f"{folder / 'bad.jsonl'}:{n}: " in result.stderr
        line = result.stderr.split(f"{folder / 'bad.jsonl'}:{n}: ", 1)[1].split("\n", 1)[0]
        assert reason in line, line


def test_ingest_fuzz_metadata_dates_and_warnings(corpus, ingested):
    folder, _, _ = corpus
    result, rows = ingested
    by_id = {doc_id: (published, title) for doc_id, published, title in rows.values()}
    for n, (fields, published, warning) in enumerate(ODD_DOCS):
        doc_id = f"odd{n}" if "id" not in fields else f"odd-{n + 1}"
        assert by_id[doc_id][0] == published, fields
        if warning:
            line = result.stderr.split(f"warning: {folder / 'odd.jsonl'}:{n + 1}: ", 1)[1].split("\n", 1)[0]
            assert warning in line
    assert by_id["odd18"][1] == "\ufffd lone"


def test_ingest_fuzz_odd_file_names_are_shown_escaped(corpus, ingested):
    folder, _, _ = corpus
    _, rows = ingested
    assert rows[SENTENCE.format("latin name")][0] == "latin\\xe9-name"
    assert rows[SENTENCE.format("utf16.txt")][1] == "2016-12-17"


def test_ingest_fuzz_bad_file_with_a_name_that_is_not_utf8(tmp_path):
    (tmp_path / os.fsdecode(b"bad\xff.txt")).write_bytes(b"")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "t.db")], catch_exceptions=False)
    assert result.exit_code == 1 and f"error: {tmp_path}/bad\\xff.txt: the file is empty" in result.stderr


def test_ingest_fuzz_symlink_named_on_the_command_line_is_checked(corpus, tmp_path):
    folder, _, _ = corpus
    result = CliRunner().invoke(cli, ["ingest", str(folder / "zero.txt"), str(folder / "fifo.txt"),
                                      "--db", str(tmp_path / "t.db")], catch_exceptions=False)
    assert result.exit_code == 1
    assert "zero.txt: not a regular file (a character device)" in result.stderr
    assert "fifo.txt: not a regular file (a FIFO)" in result.stderr


def test_ingest_fuzz_follow_links_reads_links_out_of_the_folder(tmp_path):
    outside, inside = tmp_path / "outside", tmp_path / "in"
    outside.mkdir()
    inside.mkdir()
    (outside / "a.txt").write_text(SENTENCE.format("outside"))
    os.symlink(outside / "a.txt", inside / "a.txt")
    from dyadline.ingest import ReadOptions, read
    from dyadline.records import Article

    assert not [i for i in read([inside]) if isinstance(i, Article)]
    [art] = [i for i in read([inside], options=ReadOptions(follow_links=True)) if isinstance(i, Article)]
    assert art.text == SENTENCE.format("outside")


def test_ingest_fuzz_unreadable_folder_is_an_error(tmp_path, monkeypatch):
    import dyadline.ingest as ingest

    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text(SENTENCE.format("kept"))
    real = os.scandir

    def scandir(path):  # a folder the user may not read (root reads any, so the refusal is simulated)
        if os.fspath(path) == os.fspath(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(ingest.os, "scandir", scandir)
    items = list(ingest.read([tmp_path]))
    errors = [i for i in items if "cannot read the folder" in str(i)]
    assert len(errors) == 1 and "locked" in str(errors[0])
    assert [i.text for i in items if isinstance(i, ingest.Article)] == [SENTENCE.format("kept")]


def test_ingest_fuzz_max_input_bytes_from_config(tmp_path):
    (tmp_path / "big.txt").write_text("word " * 5000)
    (tmp_path / "lines.jsonl").write_text(json.dumps({"id": "x", "text": "word " * 5000}) + "\n"
                                          + json.dumps({"id": "y", "text": "Peru."}) + "\n")
    (tmp_path / "feed.rss").write_text("<rss><channel><item><description>" + "word " * 5000 + "</description>"
                                       "</item><item><guid>z</guid><description>Chile.</description></item></channel></rss>")
    config = tmp_path / "d.toml"
    config.write_text("[dyadline]\nmax_input_bytes = 10000\n")
    from dyadline.ingest import ReadOptions, read
    from dyadline.settings import Settings

    items = list(read([tmp_path], options=ReadOptions.from_settings(Settings.load(config))))
    messages = [str(i) for i in items if not hasattr(i, "text")]
    assert any("big.txt: larger than the max_input_bytes setting (10,000 bytes)" in m for m in messages)
    assert any("lines.jsonl:1: larger than the max_input_bytes setting" in m for m in messages)
    assert any("feed.rss item 1: larger than the max_input_bytes setting" in m for m in messages)
    assert [i.id for i in items if hasattr(i, "text")] == ["z", "y"]


def test_ingest_fuzz_extract_keeps_one_line_per_input_line(corpus, tmp_path):
    folder, _, _ = corpus
    lines = [x for x in (folder / "bad.jsonl").read_text().split("\n") if x.strip()]
    lines += [x for x in (folder / "odd.jsonl").read_text().split("\n") if x.strip()]
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(cli, ["extract", "--input", str(src), "--output", str(out)], catch_exceptions=False)
    assert result.exit_code == 1 and "Traceback" not in result.output
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(lines)
    assert [r["id"] for r in records[:4]] == ["g0", "in-2", "cut", "in-4"]


@pytest.mark.parametrize("name", ["binary.txt", "latin1.txt", "utf16-garbage.jsonl", "bomb.rss"])
def test_ingest_fuzz_extract_bad_input_file_gives_no_traceback(corpus, tmp_path, name):
    folder, bad, _ = corpus
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["extract", "--input", str(folder / name), "--output", str(out)],
                                catch_exceptions=False)
    assert result.exit_code in (0, 1) and "Traceback" not in result.output
    assert str(folder / name) in result.stderr
