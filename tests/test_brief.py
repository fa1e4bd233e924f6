"""`newsdesk brief` end to end on the demo corpus (real models): the contract, the
citations, the renderers, and escaping of hostile article text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from referencing import Registry, Resource

from newsdesk.cli import cli
from newsdesk.model import story_id
from tests.conftest import CONTRACTS, EXAMPLES, write_jsonl

COLLISION = EXAMPLES / "strait-ferry-collision"


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def briefing_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((CONTRACTS / "briefing.schema.json").read_text())
    registry: Registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    return jsonschema.Draft202012Validator(schema, registry=registry)


@pytest.fixture(scope="module")
def collision() -> dict[str, Any]:
    result = run("brief", str(COLLISION), "--format", "json", "--include-text")
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.stdout))


def test_brief_json_follows_the_contract(
    collision: dict[str, Any], briefing_validator: jsonschema.Draft202012Validator
) -> None:
    briefing_validator.validate(collision)
    ids = {d["id"] for d in collision["documents"]}
    assert ids == {p.stem for p in COLLISION.iterdir()}
    # Documents briefed together: one story id scheme, the store's (issue 11).
    assert collision["story"]["id"] == story_id(ids)
    assert re.fullmatch(r"s-[0-9a-f]{10}", collision["story"]["id"])
    genres = {d["id"]: d["genre"] for d in collision["documents"]}
    assert genres["harbour-gazette-editorial"] == "opinion"
    assert genres["meridian-wire-collision"] == "report"


def test_brief_every_summary_sentence_is_in_a_span_it_cites(collision: dict[str, Any]) -> None:
    texts = {d["id"]: d["text"] for d in collision["documents"]}
    assert collision["summary"]
    words = sum(len(item["text"].split()) for item in collision["summary"])
    assert words <= 120
    for item in collision["summary"]:
        first = item["citations"][0]
        cited = texts[first["doc"]][first["start"] : first["end"]]
        assert item["text"] == cited or cited.endswith(item["text"]), item
        for citation in item["citations"]:
            assert 0 <= citation["start"] < citation["end"] <= len(texts[citation["doc"]])


def test_brief_spans_point_at_their_text(collision: dict[str, Any]) -> None:
    texts = {d["id"]: d["text"] for d in collision["documents"]}
    for quote in collision["quotes"]:
        assert texts[quote["doc"]][quote["start"] : quote["end"]] == quote["text"]
    for conflict in collision["conflicts"]:
        for claim in conflict["claims"]:
            assert texts[claim["doc"]][claim["start"] : claim["end"]] == claim["text"]


def test_brief_shows_the_planted_conflicts_and_merged_people(collision: dict[str, Any]) -> None:
    about = {c["about"] for c in collision["conflicts"]}
    assert {"age of Henrik Maalstad", "title of Inga Solberg"} <= about
    people = {e["name"]: e for e in collision["entities"] if e["type"] == "PERSON"}
    assert {"Anika Brandt", "Felix Brandt", "Inga Solberg", "Dmitri Alenko"} <= set(people)
    assert len(people["Inga Solberg"]["docs"]) >= 3
    agreements = {f["agreement"] for f in collision["facts"]}
    assert {"corroborated", "conflicting"} <= agreements


def test_brief_timeline_is_ordered_with_unresolved_last(collision: dict[str, Any]) -> None:
    dates = [t["date"] for t in collision["timeline"]]
    known = [d for d in dates if d is not None]
    assert known == sorted(known)
    assert dates[: len(known)] == known


def test_brief_by_story_gives_one_line_per_label(tmp_path: Path) -> None:
    feed = EXAMPLES / "port-tariff-vote" / "feed.jsonl"
    result = run("brief", str(feed), "--by", "story", "--format", "jsonl", "--words", "60")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [b["story"]["id"] for b in lines] == ["port-tariff-vote"]
    assert sum(len(s["text"].split()) for s in lines[0]["summary"]) <= 60


def test_brief_html_is_self_contained_and_escapes_articles(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>"
    write_jsonl(
        tmp_path / "bad.jsonl",
        [
            {
                "id": "x1",
                "title": f"Ferry {hostile}",
                "outlet": "<img src=x onerror=alert(2)>",
                "published": "2026-10-12",
                "text": f"The ferry {hostile} struck the pier on Monday, the harbour master said. "
                "Twelve people were injured, officials said on Monday evening.",
            },
            {
                "id": "x2",
                "title": "Pier crash",
                "outlet": "Northshore Post",
                "published": "2026-10-13",
                "text": "Twelve people were injured when the ferry struck the pier, officials "
                "said. "
                "<a href='javascript:alert(3)'>link</a> The pier is closed.",
            },
        ],
    )
    out = tmp_path / "b.html"
    result = run("brief", str(tmp_path / "bad.jsonl"), "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert "<script" not in page
    assert "onerror=" not in page.replace("onerror=alert(2)&gt;", "")
    assert "&lt;script&gt;" in page
    assert not re.search(r"""(src|href)=["']?(https?:|javascript:)""", page)
    assert '<details class="cited summary-item' in page  # sentences open onto their sources
    assert not re.search(r"<(link|img|iframe|object|embed|script)\b", page)  # nothing loaded


def test_brief_markdown_has_sections() -> None:
    result = run("brief", str(COLLISION), "--format", "md", "--words", "80")
    assert result.exit_code == 0
    for heading in (
        "## What happened",
        "## Who said what",
        "## Where sources differ",
        "## Sources",
    ):
        assert heading in result.stdout


def test_brief_by_folder_gives_one_briefing_per_story_folder(tmp_path: Path) -> None:
    out = tmp_path / "briefings"
    result = run("brief", str(EXAMPLES), "--by", "folder", "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    folders = {p.name for p in EXAMPLES.iterdir() if p.is_dir()}
    assert {p.stem for p in out.glob("*.html")} == folders


def test_brief_a_document_of_furniture_only_is_listed_and_cites_nothing(tmp_path: Path) -> None:
    """An embedded-post notice saved as an article is a source of nothing."""
    for name in ("meridian-wire-collision.html", "northshore-post-captain-interview.txt"):
        (tmp_path / name).write_bytes((COLLISION / name).read_bytes())
    (tmp_path / "embed-notice.txt").write_text(
        "You can add location information to your Tweets, such as your city or precise "
        "location, from the web and via third-party applications.\nLearn more\n"
        "Photo: Jan Berg / Meridian Wire, October 12, 2026\n",
        encoding="utf-8",
    )
    result = run("brief", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    flags = {d["id"]: d["boilerplate"] for d in data["documents"]}
    assert flags == {
        "embed-notice": True,
        "meridian-wire-collision": False,
        "northshore-post-captain-interview": False,
    }
    cited = [c["doc"] for s in data["summary"] for c in s["citations"]]
    cited += [s["doc"] for f in data["facts"] for s in f["sources"]]
    cited += [q["doc"] for q in data["quotes"]] + [t["doc"] for t in data["timeline"]]
    assert cited and "embed-notice" not in cited
    markdown = run("brief", str(tmp_path), "--format", "md").stdout
    assert "boilerplate: the source of nothing" in markdown
    html = run("brief", str(tmp_path), "--format", "html").stdout
    assert html.count('class="badge boilerplate"') == 1


def test_brief_one_speaker_per_person_across_documents(tmp_path: Path) -> None:
    """An outlet that calls a speaker by surname only quotes the person another outlet
    names in full: one speaker, named in full."""
    rows = [
        {
            "id": "a",
            "text": "The ferry Aurora ran aground off Tessel on Monday morning with 212 "
            "passengers aboard, the harbour office said. Tugs pulled it free at high tide "
            "and it returned to port under its own power.\n\n"
            '"We were lucky," said Mara Voss, the ferry\'s captain.',
        },
        {
            "id": "b",
            "text": "Passengers were taken ashore by lifeboat after the ferry Aurora ran "
            "aground off Tessel on Monday. The harbour office said the hull was not "
            "breached and an inspection would follow.\n\n"
            '"Nobody was hurt," the captain, Voss, told reporters.',
        },
    ]
    path = write_jsonl(tmp_path / "story.jsonl", rows)
    result = run("brief", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    quotes = json.loads(result.stdout)["quotes"]
    said = {(q["doc"], q["speaker"]) for q in quotes if q["text"].startswith(("We", "Nobody"))}
    assert said == {("a", "Mara Voss"), ("b", "Mara Voss")}


def test_brief_a_one_sentence_brief_is_a_source_a_headline_alone_is_not(
    tmp_path: Path,
) -> None:
    """A news brief of one sentence is a source like any article (it corroborates); a
    document that is a headline alone is boilerplate, yet its headline titles the story."""
    rows = [
        {
            "id": "wire",
            "text": (
                "Tomas Vale, 32, was convicted on Friday of setting the fire that destroyed "
                "the Skerrholm ferry depot. The jury deliberated for two days. Prosecutors "
                "said Vale had been dismissed by the ferry company a month before the fire. "
                "His lawyer said he would appeal the verdict."
            ),
        },
        {"id": "headline-only", "text": "Skerrholm ferry depot fire: Vale convicted"},
        {
            "id": "brief",
            "text": "Tomas Vale, 32, was convicted on Friday of setting the Skerrholm depot fire.",
        },
    ]
    path = tmp_path / "story.jsonl"
    write_jsonl(path, rows)
    result = run("brief", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    flags = {d["id"]: d["boilerplate"] for d in data["documents"]}
    assert flags == {"wire": False, "headline-only": True, "brief": False}
    assert data["story"]["title"] == "Skerrholm ferry depot fire: Vale convicted"
    corroborated = [f for f in data["facts"] if f["agreement"] == "corroborated"]
    assert any({s["doc"] for s in f["sources"]} == {"wire", "brief"} for f in corroborated)
