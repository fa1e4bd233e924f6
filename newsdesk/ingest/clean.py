"""Bytes to clean text: encoding detection, Unicode normalisation, whitespace clean-up.

The clean text is computed once, when a document is read, and stored; every offset
newsdesk produces points into it, so offsets stay valid for as long as the document lives.
"""

from __future__ import annotations

import re
import unicodedata

from newsdesk.errors import InputError

_LATIN_FAMILY = re.compile(r"^(cp125\d|iso8859_\d+|latin_1|mac_roman)$")
# A well-formed UTF-8 multi-byte sequence: if a file that is not valid UTF-8 has these,
# it mixes encodings or is corrupt, and guessing a legacy code page would garble it.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_SEPARATORS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_BLANK_LINES = re.compile(r"\n{3,}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def decode(data: bytes) -> str:
    """Decode a text file's bytes; raise `InputError` for empty, binary or undecodable data."""
    if not data.strip():
        raise InputError("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"undecodable UTF-16 text ({exc.reason})") from None
    if b"\x00" in data[:65536]:
        raise InputError("binary content, not text (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _decode_legacy(data, exc)
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(3, len(text[:65536]) // 100):
        raise InputError("binary content, not text (control characters)")
    return text


def _decode_legacy(data: bytes, error: UnicodeDecodeError) -> str:
    if _UTF8_MULTIBYTE.search(data):
        raise InputError(
            f"undecodable bytes: invalid UTF-8 at byte {error.start} in a file that is "
            "otherwise UTF-8"
        )
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise InputError("undecodable bytes: not UTF-8 and no known encoding fits")
    encoding = best.encoding
    if _LATIN_FAMILY.match(encoding):
        # Short Western texts fit several code pages equally well; cp1252 is by far the
        # most common one for English news.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def check_unicode(value: str, what: str) -> str:
    """``value`` unless it holds a lone surrogate (``"\\ud800"`` in JSON decodes to one):
    such a string is not Unicode text and cannot be stored; `InputError` names where."""
    found = _SURROGATE.search(value)
    if found is not None:
        raise InputError(
            f"invalid Unicode in {what}: lone surrogate U+{ord(found.group()):04X} at "
            f"character {found.start()}"
        )
    return value


def clean_text(text: str) -> str:
    """Normalise Unicode (NFC) and whitespace: one space between words, lines trimmed,
    paragraphs separated by one blank line, no control or zero-width characters."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_SEPARATORS.sub("\n", text).translate(_ZERO_WIDTH)
    text = _CONTROL.sub("", text.replace("\t", " "))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def paragraphs_text(paragraphs: list[str]) -> str:
    """Join paragraphs with a blank line, as newsdesk's clean text does."""
    return clean_text("\n\n".join(p for p in paragraphs if p.strip()))
