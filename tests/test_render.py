"""The briefing's renderings from one hand-built briefing (no model): the HTML file and the
web story page place the same sections (so they cannot drift), conflicts are grouped by
value then outlet, disputed lines link their conflict, and hostile article text is
escaped in both."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from newsdesk.brief.render import TEMPLATES, briefing_view, to_html, to_markdown
from newsdesk.model import (
    Briefing,
    Conflict,
    ConflictValue,
    Document,
    Entity,
    Fact,
    Mention,
    Quote,
    Relation,
    Span,
    Story,
    SummaryItem,
    TextSpan,
    TimeExpression,
)
from newsdesk.web.render import Renderer
from newsdesk.web.story_view import story_page
from tests.conftest import ROOT
from tests.web_helpers import PageChecker, check_page

HOSTILE = "<script>alert('x')</script>"
HOSTILE_OUTLET = "<img src=x onerror=alert('outlet')>"
SECTIONS = ("summary", "conflicts", "updates", "quotes", "people", "timeline", "facts", "sources")

WIRE = (
    f"KESSARY - The ferry {HOSTILE} struck a pier on Monday, injuring 12 people, officials "
    "said.\n\nDeputy Harbour Master Inga Solberg said the pier was closed. Two crew members "
    "were missing."
)
CLARION = (
    "Fourteen people were hurt when the ferry struck the pier on Monday.\n\n"
    '"We will find out what happened," said Harbour Master Inga Solberg. One crew member '
    "was still missing."
)
POST = "The ferry struck the pier on Monday, injuring 12 people. The pier stays closed."


def _span(doc: Document, text: str) -> Span:
    start = doc.text.index(text)
    return Span(doc.id, start, start + len(text))


def _claim(doc: Document, text: str) -> TextSpan:
    return TextSpan(_span(doc, text), text)


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    wire = Document(
        "wire", WIRE, title=f"Ferry {HOSTILE}", outlet="Meridian Wire", published="2026-10-12"
    )
    clarion = Document(
        "clarion", CLARION, title="Pier horror", outlet=HOSTILE_OUTLET, published="2026-10-13"
    )
    post = Document("post", POST, title="Pier closed", outlet="Northshore Post")
    injured = Conflict(
        "number of people injured",
        (
            _claim(wire, "injuring 12 people"),
            _claim(clarion, "Fourteen people were hurt"),
            _claim(post, "injuring 12 people"),
        ),
        attribute="number of people injured",
        values=(
            ConflictValue(
                "12", (_claim(wire, "injuring 12 people"), _claim(post, "injuring 12 people"))
            ),
            ConflictValue("14", (_claim(clarion, "Fourteen people were hurt"),)),
        ),
    )
    missing = Conflict(
        "number of crew members missing",
        (_claim(wire, "Two crew members"), _claim(clarion, "One crew member")),
        attribute="number of crew members missing",
        values=(
            ConflictValue("2", (_claim(wire, "Two crew members"),)),
            ConflictValue("1", (_claim(clarion, "One crew member"),)),
        ),
        kind="update",
    )
    first = WIRE.split("\n")[0]
    solberg = Entity(
        "e1",
        "Inga Solberg",
        "PERSON",
        aliases=("Solberg",),
        roles=(_claim(wire, "Deputy Harbour Master"),),
        mentions=(Mention(_span(wire, "Inga Solberg"), "Inga Solberg", "PERSON"),),
    )
    office = Entity(
        "e2",
        "Kessary Harbour Office",
        "ORG",
        mentions=(Mention(_span(wire, "KESSARY"), "KESSARY", "ORG"),),
    )
    return Briefing(
        story=Story("s-0123456789", f"Ferry {HOSTILE} strikes pier", ("wire", "clarion", "post")),
        documents=(wire, clarion, post),
        summary=(
            SummaryItem(first, (_span(wire, first), _span(post, "injuring 12 people")), (0,)),
            SummaryItem("The pier stays closed.", (_span(post, "The pier stays closed."),)),
        ),
        quotes=(
            Quote(
                _span(clarion, "We will find out what happened,"),
                "We will find out what happened,",
                speaker="Inga Solberg",
                speaker_role="Harbour Master",
            ),
        ),
        entities=(solberg, office),
        relations=(Relation(_span(wire, "Inga Solberg"), "e1", "employed_by", "e2"),),
        facts=(Fact(first, (_span(wire, first), _span(post, POST.split(".")[0])), "conflicting"),),
        conflicts=(injured, missing),
        timeline=(TimeExpression(_span(wire, "Monday"), "Monday", "2026-10-12", "struck a pier"),),
    )


def _file(briefing: Briefing) -> str:
    return to_html(briefing)


def _web(briefing: Briefing) -> str:
    view = story_page(briefing, known={("PERSON", "Inga Solberg")})
    return Renderer().env.get_template("story.html").render(story=view, json_url=view["json_url"])


def _section(page: str, name: str) -> str:
    found = re.search(rf'<section id="{name}">.*?</section>', page, re.S)
    assert found, f"no section {name}"
    return found.group(0)


def _unlinked(html: str) -> str:
    """The markup with the web app's links turned into the file's plain spans."""
    html = re.sub(
        r"<svg.*?</svg>",
        lambda m: re.sub(r'<a href="/[^"]*">|</a>', "", m.group(0)),
        html,
        flags=re.S,
    )
    html = re.sub(r'<a class="src" href="[^"]*">(.*?)</a>', r'<span class="src">\1</span>', html)
    html = re.sub(r'<a href="/[^"]*">([^<]*)</a>', r"<span>\1</span>", html)
    return html


@pytest.mark.parametrize("name", SECTIONS)
def test_render_file_and_web_page_show_the_same_section(briefing: Briefing, name: str) -> None:
    file_section = _section(_file(briefing), name)
    web_section = _section(_web(briefing), name)
    assert _unlinked(web_section) == file_section
    if name == "summary":
        assert 'href="/documents/wire"' in web_section  # the web links its documents…
        assert "/documents/" not in file_section  # …the file has no other pages


def test_render_web_links_people_it_knows(briefing: Briefing) -> None:
    quotes = _section(_web(briefing), "quotes")
    assert re.search(r'<a href="/entities/[^"]+">Inga Solberg</a>', quotes)


def test_render_conflicts_grouped_by_value_then_outlets(briefing: Briefing) -> None:
    view = briefing_view(briefing)
    [conflict] = view["conflicts"]
    assert [(v["value"], v["outlets"]) for v in conflict["by_value"]] == [
        ("12", ["Meridian Wire", "Northshore Post"]),
        ("14", [HOSTILE_OUTLET]),
    ]
    for page in (_file(briefing), _web(briefing)):
        section = _section(page, "conflicts")
        heads = re.findall(
            r'<span class="value-text">(.*?)</span> <span class="outlets">(.*?)</span>', section
        )
        assert heads == [
            ("12", "Meridian Wire, Northshore Post"),
            ("14", "&lt;img src=x onerror=alert(&#39;outlet&#39;)&gt;"),
        ]
        # Each claim in its context, the claimed words marked.
        assert section.count("<mark>injuring 12 people</mark>") == 2
        assert "<mark>Fourteen people were hurt</mark> when the ferry struck the pier" in section
    markdown = to_markdown(briefing)
    assert "- **12** — Meridian Wire, Northshore Post\n  - “injuring 12 people” [1]\n" in markdown
    assert "- **14** — " + HOSTILE_OUTLET in markdown


def test_render_disputed_lines_are_marked_and_link_their_conflict(briefing: Briefing) -> None:
    for page in (_file(briefing), _web(briefing)):
        summary = _section(page, "summary")
        assert summary.count('class="cited summary-item disputed"') == 1
        assert '<span class="badge disputed">disputed</span>' in summary
        assert (
            '<a class="to-conflict" href="#conflict-1">sources differ: number of people injured</a>'
            in summary
        )
        assert 'id="conflict-1"' in _section(page, "conflicts")
    lines = to_markdown(briefing).splitlines()
    assert any("**disputed** (sources differ: number of people injured)" in x for x in lines)
    assert not any("stays closed" in x and "disputed" in x for x in lines)


def test_render_hostile_article_text_is_escaped_in_both(briefing: Briefing) -> None:
    web = _web(briefing)
    check_page(web)  # no script, no handler, no inline style
    file_page = _file(briefing)
    for page in (web, file_page):
        assert "<script>" not in page and "<img" not in page
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
        assert "&lt;img src=x onerror=alert(&#39;outlet&#39;)&gt;" in page
    # The file: one page, nothing loaded, no script, only its own inline stylesheet.
    checker = PageChecker()
    checker.feed(file_page)
    assert checker.problems == ["an inline <style> element"]
    assert "<link" not in file_page
    assert "default-src 'none'" in file_page


def test_render_source_without_a_title_shows_its_lead_never_its_id(briefing: Briefing) -> None:
    untitled = tuple(replace(d, title=None) if d.id == "post" else d for d in briefing.documents)
    markdown = to_markdown(replace(briefing, documents=untitled))
    [line] = [ln for ln in markdown.splitlines() if "Northshore Post" in ln and ln.startswith("[")]
    assert "The ferry struck the pier on Monday, injuring 12 people." in line
    assert not line.split("] ", 1)[1].startswith("post ")


def test_render_markdown_needs_no_template_engine(briefing: Briefing) -> None:
    code = (
        "import sys\n"
        "from newsdesk.brief import render\n"
        "assert 'jinja2' not in sys.modules, 'jinja2 imported by newsdesk.brief.render'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_render_templates_ship_with_the_package() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    globs = pyproject["tool"]["setuptools"]["package-data"]["newsdesk"]
    package = ROOT / "newsdesk"
    shipped = {p for g in globs for p in package.glob(g)}
    web = package / "web"
    needed = [*TEMPLATES.rglob("*.html"), *(web / "static").glob("*")]
    assert needed and [str(p.relative_to(package)) for p in needed if p not in shipped] == []


def test_render_file_page_is_one_self_contained_document(briefing: Briefing) -> None:
    page = _file(briefing)
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert page.count('<article class="story briefing">') == 1
    assert "details.cited" in page  # the shared stylesheet, inlined
    assert Path(TEMPLATES / "briefing" / "parts.html").is_file()


def test_render_html_without_jinja_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdesk.brief.render import template_environment
    from newsdesk.errors import MissingDependency

    monkeypatch.setitem(sys.modules, "jinja2", None)
    with pytest.raises(MissingDependency, match=r"newsdesk\[web\]"):
        template_environment()


def test_render_updates_are_listed_apart_oldest_first_with_dates(briefing: Briefing) -> None:
    view = briefing_view(briefing)
    assert [c["about"] for c in view["conflicts"]] == ["number of people injured"]
    [update] = view["updates"]
    assert [(v["date"], v["value"]) for v in update["by_value"]] == [
        ("2026-10-12", "2"),
        ("2026-10-13", "1"),
    ]
    for page in (_file(briefing), _web(briefing)):
        section = _section(page, "updates")
        assert 'id="conflict-2"' in section
        assert re.findall(
            r'<span class="date">(.*?)</span> <span class="value-text">', section
        ) == [
            "2026-10-12",
            "2026-10-13",
        ]
        assert "crew members missing" not in _section(page, "conflicts")
    assert "- 2026-10-12: **2** — Meridian Wire" in to_markdown(briefing)


def test_render_a_minor_difference_is_named_as_such(briefing: Briefing) -> None:
    wire, clarion = briefing.documents[0], briefing.documents[1]
    rounded = Conflict(
        "number of people injured",
        (_claim(wire, "injuring 12 people"), _claim(clarion, "Fourteen people were hurt")),
        attribute="number of people injured",
        values=(
            ConflictValue("12", (_claim(wire, "injuring 12 people"),)),
            ConflictValue("14", (_claim(clarion, "Fourteen people were hurt"),)),
        ),
        kind="minor",
    )
    minor = dataclasses.replace(briefing, conflicts=(rounded,))
    [shown] = briefing_view(minor)["conflicts"]
    assert shown["about"] == "number of people injured: a minor difference (rounding)"
    for page in (_file(minor), _web(minor)):
        assert "a minor difference (rounding)" in _section(page, "conflicts")


def test_render_unnamed_sources_each_keep_their_own_role(briefing: Briefing) -> None:
    # two quotes with no named speaker are one "Unattributed" group; the role one of them
    # was given ("an official") is not the group's, but shown with that quote alone
    wire = briefing.documents[0]
    unnamed = (
        Quote(
            _span(wire, "the pier was closed"), "the pier was closed", speaker_role="an official"
        ),
        Quote(_span(wire, "Two crew members"), "Two crew members", direct=False),
    )
    [group] = briefing_view(replace(briefing, quotes=unnamed))["quotes"]
    assert group["speaker"] == "Unattributed" and group["role"] is None
    assert [q["text"].startswith("[an official]") for q in group["quotes"]] == [True, False]
