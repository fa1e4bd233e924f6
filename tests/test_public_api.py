"""The public surface: `newsdesk.__all__` is sorted, complete and importable; importing
newsdesk loads no model; every setting is documented."""

from __future__ import annotations

import subprocess
import sys

import newsdesk
from newsdesk.settings import SETTINGS, Settings, _check_table


def test_public_api_all_is_sorted_and_importable() -> None:
    assert newsdesk.__all__ == sorted(newsdesk.__all__)
    for name in newsdesk.__all__:
        assert getattr(newsdesk, name) is not None
    public = {n for n in dir(newsdesk) if not n.startswith("_") and n[0].isupper()}
    assert public <= set(newsdesk.__all__)


def test_public_api_functions_survive_their_subpackages_import() -> None:
    """``newsdesk.brief`` and ``newsdesk.annotate`` stay the API functions once their
    subpackages are imported (as the first call of each does)."""
    code = (
        "import newsdesk, newsdesk.brief.assemble, newsdesk.annotate.stages\n"
        "print(callable(newsdesk.brief), callable(newsdesk.annotate))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True"]


def test_public_api_import_loads_no_heavy_module() -> None:
    code = (
        "import sys, newsdesk\n"
        "heavy = [m for m in ('spacy', 'torch', 'trafilatura', 'sentence_transformers', "
        "'datasketch') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_settings_table_matches_dataclass_and_has_help() -> None:
    _check_table()
    for setting in SETTINGS:
        assert len(setting.help) > 20, setting.name
    assert Settings().with_options(max_document_bytes=None).max_document_bytes == 5_000_000
