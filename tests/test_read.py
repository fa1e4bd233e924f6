"""Reading inputs: every form of the contract, and every kind of bad input."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from newsdesk.ingest.clean import clean_text, decode
from newsdesk.ingest.read import count_items, read_inputs
from newsdesk.model import Document, Refusal
from newsdesk.settings import Settings
from tests.conftest import WIRE, write_jsonl

HTML_PAGE = """<!doctype html><html><head><title>Ferry strikes wall | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="og:title" content="Ferry strikes harbour wall in Tessel Strait">
<meta name="author" content="Mara Quist">
<meta property="article:published_time" content="2026-10-12T09:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li>Sign in</li></ul></nav>
<article><h1>Ferry strikes harbour wall in Tessel Strait</h1>
<p>The passenger ferry Aurora struck a harbour wall in the Tessel Strait on Monday morning,
injuring twelve people, the coast guard said in a statement issued at noon.</p>
<figure><img src="a.jpg">
<figcaption>Rescuers at the pier on Monday. (Photo: Lena Ortsberg/Meridian Wire)</figcaption>
</figure>
<p>READ MORE: Strait ferry operator fined over safety lapses</p>
<p>Deputy Harbour Master Inga Solberg said the ship had lost steering about two hundred metres
from the pier, and that the crew had dropped anchor before the impact.</p>
<p>Passengers were taken to the city hospital, where most were treated for cuts and bruises
and released by the evening, a hospital spokesman said.</p>
</article>
<footer>Copyright 2026 Harbour Gazette. All rights reserved.</footer>
</body></html>"""


def read_all(*inputs: str, settings: Settings | None = None) -> list[Document | Refusal]:
    return list(read_inputs(inputs, settings or Settings()))


def test_read_txt_file_id_is_stem_and_text_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "wire-report.txt"
    path.write_text("  The ferry\u00a0Aurora  struck the wall.\r\n\r\n\r\n\r\nNobody died.  \n")
    [doc] = read_all(str(path))
    assert isinstance(doc, Document)
    assert doc.id == "wire-report"
    assert doc.text == "The ferry Aurora struck the wall.\n\nNobody died."
    assert doc.title is None and doc.outlet is None and doc.published is None


def test_read_html_extracts_text_and_metadata_without_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "gazette.html"
    path.write_text(HTML_PAGE)
    [doc] = read_all(str(path))
    assert isinstance(doc, Document)
    assert doc.outlet == "Harbour Gazette"
    assert doc.author == "Mara Quist"
    assert doc.published is not None and doc.published.startswith("2026-10-12")
    assert doc.title is not None and "Ferry strikes harbour wall" in doc.title
    assert "lost steering about two hundred metres" in doc.text
    for boilerplate in ("READ MORE", "Sign in", "Photo:", "Copyright", "Rescuers at the pier"):
        assert boilerplate not in doc.text


def test_read_jsonl_fields_and_html_instead_of_text(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "feed.jsonl",
        [
            {
                "id": "a1",
                "text": WIRE,
                "title": "Ferry hits wall",
                "outlet": "Meridian Wire",
                "published": "2026-10-12T08:00:00Z",
                "url": "https://example.org/a1",
                "story": "ferry",
            },
            {"id": "a2", "html": HTML_PAGE},
        ],
    )
    docs = read_all(str(path))
    assert [d.id for d in docs] == ["a1", "a2"]
    first, second = docs
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.outlet, first.story, first.published) == (
        "Meridian Wire",
        "ferry",
        "2026-10-12T08:00:00Z",
    )
    assert second.outlet == "Harbour Gazette" and "READ MORE" not in second.text
    assert first.source == f"{path}:1"


def test_read_jsonl_without_title_takes_a_first_line_that_reads_as_a_headline(
    tmp_path: Path,
) -> None:
    headline = "Ferry strikes harbour wall in fog"
    body = "The passenger ferry Aurora struck a harbour wall on Monday, injuring twelve people."
    path = write_jsonl(
        tmp_path / "feed.jsonl",
        [{"id": "h1", "text": f"{headline}\n{body}"}, {"id": "h2", "text": f"{body}\n{body}"}],
    )
    first, second = read_all(str(path))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.title == headline
    assert second.title is None  # a sentence with a full stop is no headline


def test_read_jsonl_broken_line_refused_others_kept(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"id": "ok1", "text": "The council voted on the port tariff on Tuesday."}\n'
        '{"id": "bad", "text": \n'
        "\n"
        '["not", "an", "object"]\n'
        '{"text": "no id here but a long enough text to pass"}\n'
        '{"id": "d", "text": "The harbour tariff rises next spring.", "published": "soon"}\n'
        '{"id": "ok2", "text": "The tariff passed by seven votes to four in the end."}\n'
    )
    items = read_all(str(path))
    kept = [i.id for i in items if isinstance(i, Document)]
    refused = {i.source: i.reason for i in items if isinstance(i, Refusal)}
    assert kept == ["ok1", "ok2"]
    assert set(refused) == {f"{path}:2", f"{path}:4", f"{path}:5", f"{path}:6"}
    assert "invalid JSON" in refused[f"{path}:2"]
    assert "JSON object" in refused[f"{path}:4"]
    assert "'id'" in refused[f"{path}:5"]
    assert "ISO 8601" in refused[f"{path}:6"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\n  ", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary content"),
        (
            "mixed.txt",
            "Caf\u00e9 owners said the ferry was late.".encode() + b"\xff\xfe\xfa",
            "undecodable",
        ),
        ("tiny.txt", b"Hi.", "too short"),
        ("truncated.html", b"<html><head><title>Ferry", "no article text"),
    ],
)
def test_read_bad_file_refused_with_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(content)
    [item] = read_all(str(tmp_path / name))
    assert isinstance(item, Refusal)
    assert reason in item.reason
    assert item.source == str(tmp_path / name)


def test_read_truncated_html_with_body_still_read(tmp_path: Path) -> None:
    cut = HTML_PAGE[: HTML_PAGE.index("Passengers were taken")]
    (tmp_path / "cut.html").write_text(cut)
    [doc] = read_all(str(tmp_path / "cut.html"))
    assert isinstance(doc, Document)
    assert "lost steering" in doc.text


def test_read_large_file_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)  # a 50 MB file (sparse: cheap to make)
    [item] = read_all(str(path))
    assert isinstance(item, Refusal)
    assert "too large (50.0 MB" in item.reason


def test_read_legacy_encoding_detected(tmp_path: Path) -> None:
    text = (
        "The caf\u00e9 owner in G\u00eanes said the \u00e9t\u00e9 season was over for the ferries."
    )
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    [doc] = read_all(str(tmp_path / "latin.txt"))
    assert isinstance(doc, Document)
    assert doc.text == text


def test_read_folder_recursive_sorted_with_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("The last article, in a subfolder of the batch.")
    (tmp_path / "a.txt").write_text("The first article of the batch, at the top level.")
    (tmp_path / "notes.md").write_text("not an article format")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing-target.txt")
    unreadable = tmp_path / "locked.txt"
    unreadable.write_text("Locked text that nobody may read at all, really.")
    unreadable.chmod(0)
    items = read_all(str(tmp_path))
    ids = [(i.id, type(i).__name__) for i in items]
    assert [i for i, _ in ids] == ["a", "z", "gone", "locked"]  # sorted by path
    assert ids[0] == ("a", "Document") and ids[1] == ("z", "Document")
    assert ("gone", "Refusal") in ids
    assert "notes" not in {i for i, _ in ids}
    gone = next(i for i in items if i.id == "gone")
    assert isinstance(gone, Refusal) and "cannot read" in gone.reason
    if os.geteuid() != 0:  # root reads any file
        assert ids[3] == ("locked", "Refusal")


def test_read_missing_path_and_unsupported_type(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    items = read_all(str(tmp_path / "nope.txt"), str(tmp_path / "x.pdf"))
    assert [type(i) for i in items] == [Refusal, Refusal]
    assert "no such file" in items[0].reason  # type: ignore[union-attr]
    assert "unsupported file type '.pdf'" in items[1].reason  # type: ignore[union-attr]


def test_read_stdin_jsonl() -> None:
    stdin = io.BytesIO(b'{"id": "s1", "text": "Piped in from another tool, one article."}\n')
    [doc] = list(read_inputs(["-"], Settings(), stdin=stdin))
    assert isinstance(doc, Document) and doc.id == "s1" and doc.source == "<stdin>:1"


def test_read_count_items_counts_jsonl_lines(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "f.jsonl", [{"id": str(i), "text": "x" * 30} for i in range(3)])
    (tmp_path / "a.txt").write_text("A text article long enough to keep.")
    assert count_items([str(tmp_path)]) == 4


def test_clean_text_normalises_unicode_and_space() -> None:
    assert clean_text("Cafe\u0301\u200b  news\tdesk\r\nline") == "Caf\u00e9 news desk\nline"
    assert clean_text("a\n\n\n\n\nb") == "a\n\nb"


def test_decode_utf16_with_bom() -> None:
    assert decode("Ferry news".encode("utf-16")) == "Ferry news"


def test_read_html_drops_time_stamp_lines_but_keeps_sentences_about_updates() -> None:
    from newsdesk.ingest.extract import is_boilerplate_line

    assert is_boilerplate_line("· Updated 19:05 UTC")
    assert is_boilerplate_line("Last updated: 12 Oct 2026")
    assert not is_boilerplate_line(
        "Updated figures released by the coast guard on Tuesday showed 12 people were hurt."
    )
    assert not is_boilerplate_line("The ferry's radar went blank for almost a minute.")
