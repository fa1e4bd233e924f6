"""Reading HTML pages: the article body and nothing else.

Unit tests pin each rule of `newsdesk.ingest.extract` on pages written here for a fictional
outlet (the Quillmouth Post). The quality gate runs bench/extraction.py on the article
extraction benchmark's 181 real pages (dev and heldout split by a hash of the page id),
scored with the benchmark's own evaluate.py, against the floors in
bench/floors/extraction.json (one run; the README shows the same run's figures).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from newsdesk.ingest.extract import extract_html
from tests.conftest import ROOT, SHARED_DATA, bench_module, require_shared_data

FLOORS = ROOT / "bench" / "floors" / "extraction.json"

BODY = (
    "<p>The harbour board of Quillmouth voted on Tuesday to close the old ferry pier "
    "after divers found cracks in three of its piles during a routine inspection.</p>"
    "<p>Board chair Ilse Varga said repairs would take most of the winter and that the "
    "morning ferry would use the fishing quay until the pier reopens in the spring.</p>"
    "<p>Ferry passengers interviewed on the quay said the change would add about ten "
    "minutes to their journey, and most said they did not mind the walk.</p>"
)


def page(article: str, head: str = "", after: str = "") -> str:
    return (
        "<html><head><title>Quillmouth closes old ferry pier | Quillmouth Post</title>"
        '<meta property="og:title" content="Quillmouth closes old ferry pier">'
        f"{head}</head><body><article>{article}</article>{after}</body></html>"
    )


def lines_of(html: str) -> list[str]:
    return [ln for ln in extract_html(html).text.split("\n") if ln.strip()]


def test_extraction_headline_atop_the_text_is_the_title_not_body() -> None:
    read = extract_html(page(f"<h1>Quillmouth closes old ferry pier</h1>{BODY}"))
    assert read.title == "Quillmouth closes old ferry pier"
    assert read.text.startswith("The harbour board of Quillmouth voted")


def test_extraction_a_first_line_that_is_not_the_headline_stays() -> None:
    text = extract_html(page(f"<h2>Repairs will take the winter</h2>{BODY}")).text
    assert text.startswith("Repairs will take the winter")


@pytest.mark.parametrize(
    "furniture",
    [
        "<p>Follow the Quillmouth Post on Twitter and Facebook.</p>",
        "<p>Get the harbour news in your inbox every morning. Subscribe to our newsletter.</p>",
        "<p>November 20, 2026 - 11:28 GMT</p>",
        "<p>https://quillmouth-post.example/news/pier-closure-2026</p>",
    ],
)
def test_extraction_prompt_stamp_and_address_lines_are_dropped(furniture: str) -> None:
    text = extract_html(page(BODY + furniture)).text
    assert "harbour board" in text
    assert re.sub("<[^>]+>", "", furniture) not in text


def test_extraction_contributor_line_stays_in_the_text() -> None:
    """A contributor line is kept (and marked non-body by `nonbody_regions`)."""
    text = extract_html(page(BODY + "<p>Additional reporting by Tomas Riel</p>")).text
    assert text.endswith("Additional reporting by Tomas Riel")


TEASERS = "".join(
    f'<li><a href="/news/{i}">{headline}</a> {blurb}</li>'
    for i, (headline, blurb) in enumerate(
        [
            ("Lighthouse keeper retires after forty years", "He never missed a night."),
            ("Quillmouth rowing club wins the harbour cup", "A late sprint decided it."),
            ("Fish market to open on Sundays from March", "Traders asked for years."),
        ]
    )
)


def test_extraction_list_of_story_teasers_is_dropped() -> None:
    text = extract_html(page(f"{BODY}<ul>{TEASERS}</ul>")).text
    assert "Lighthouse keeper" not in text and "harbour cup" not in text
    assert text.endswith("did not mind the walk.")


def test_extraction_list_of_short_links_in_the_body_stays() -> None:
    """Items that open with a short link (a name) are not teasers."""
    items = "".join(
        f'<li><a href="/p/{n}">{n}</a> spoke at the board meeting about the pier.</li>'
        for n in ("Ilse Varga", "Tomas Riel", "Ada Brun")
    )
    text = extract_html(page(f"{BODY}<ul>{items}</ul>")).text
    assert "Tomas Riel spoke at the board meeting" in text


def test_extraction_heading_of_a_block_of_links_is_dropped() -> None:
    links = "".join(
        f'<p><a href="/news/{i}">{t}</a></p>'
        for i, t in enumerate(
            [
                "Lighthouse keeper retires after forty years",
                "Quillmouth rowing club wins the harbour cup",
                "Fish market to open on Sundays from March",
            ]
        )
    )
    text = extract_html(page(f"{BODY}<h3>Most shared</h3>{links}")).text
    assert "Most shared" not in text and "Lighthouse" not in text


def test_extraction_line_mostly_link_text_is_navigation() -> None:
    teaser = '<p><a href="/news/9">Fish market to open on Sundays from March</a> [VIDEO]</p>'
    text = extract_html(page(BODY + teaser)).text
    assert "Fish market" not in text


@pytest.mark.parametrize(
    "furniture",
    [
        '<div class="wp-caption-text">Divers below the old pier on Monday morning.</div>',
        '<div class="newsletter-signup"><p>Join thirty thousand readers of the Quillmouth '
        "Post briefing, sent every weekday at seven.</p></div>",
        "<aside><p>The Quillmouth Post is paying for independent journalism in the harbour "
        "towns; members read every story first.</p></aside>",
        '<div class="ShareBar"><p>Pass this story on to a friend who takes the morning '
        "ferry every day.</p></div>",
    ],
)
def test_extraction_text_only_in_furniture_elements_is_dropped(furniture: str) -> None:
    text = extract_html(page(BODY[:-4] + furniture + "</p>")).text
    assert "harbour board" in text
    assert re.sub("<[^>]+>", "", furniture)[:30] not in text


def test_extraction_text_also_outside_furniture_stays() -> None:
    """A sentence repeated as a pull quote in an aside is still body text."""
    quote = "Board chair Ilse Varga said repairs would take most of the winter"
    text = extract_html(page(f"{BODY}<aside><p>{quote}</p></aside>")).text
    assert quote in text


def test_extraction_furniture_name_on_the_article_wrapper_is_ignored() -> None:
    """An element holding most of the article is a wrapper, whatever its class says."""
    html = page(f'<div class="story share-enabled">{BODY}</div>')
    assert "did not mind the walk" in extract_html(html).text


def test_extraction_script_data_does_not_hide_furniture() -> None:
    """A caption repeated in the page's JSON data is still found only in furniture."""
    caption = "Divers below the old pier on Monday morning, before the vote."
    head = f'<script type="application/ld+json">{{"caption": "{caption}"}}</script>'
    html = page(f'{BODY}<figure><figcaption class="caption">{caption}</figcaption></figure>', head)
    assert caption not in extract_html(html).text


# ---------------------------------------------------------------------------- the gate


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    bench = bench_module("extraction")
    require_shared_data(SHARED_DATA / bench.DATASET / "ground-truth.json")
    return dict(bench.run("all", baselines=True))


@pytest.mark.slow
@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_extraction_gate(result: dict[str, Any], split: str) -> None:
    """newsdesk's figures against their floors, and its body against trafilatura run in
    the same process: F1 no lower, precision higher."""
    floors = json.loads(FLOORS.read_text())
    systems = result["splits"][split]["systems"]
    names = {"body": "newsdesk body", "stored": "newsdesk stored"}
    for label, bound in floors[split].items():
        which, metric = label.split(" ", 1)
        value = systems[names[which]][metric]
        assert value >= bound, f"{split}: {label}: {value} < {bound}"
    body, trafilatura = systems["newsdesk body"], systems["trafilatura (in-run)"]
    assert body["f1"] >= trafilatura["f1"] and body["precision"] > trafilatura["precision"]


@pytest.mark.slow
def test_extraction_published_trafilatura_scores_as_published(result: dict[str, Any]) -> None:
    """Our scoring of the published trafilatura 2.0.0 output gives the published F1."""
    published = result["splits"]["all"]["systems"]["trafilatura 2.0.0 (published)"]
    assert round(published["f1"], 3) == 0.958


def test_extraction_readme_figures_are_the_floor_files() -> None:
    """The README's extraction row shows the floor file's measured figures (one run)."""
    measured = json.loads(FLOORS.read_text())["_measured"]
    rows = [
        ln
        for ln in (ROOT / "README.md").read_text().splitlines()
        if "`.venv/bin/python bench/extraction.py`" in ln
    ]
    assert len(rows) == 1
    shown = [float(x) for x in re.findall(r"\d+\.\d+", rows[0])]
    for split in ("dev", "heldout"):
        for key in ("body f1", "body precision", "trafilatura f1", "trafilatura precision"):
            value = measured[split][key]
            assert any(abs(x - value) * 1000 <= 0.5 + 1e-6 for x in shown), (split, key, value)
