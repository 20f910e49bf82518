"""How alike two candidates' Python sources are, for the interview report's similarity flag.

    compare(code_a, code_b, base) -> Match(score, distinctive, threshold, flagged)
    similarity(code_a, code_b, base="") -> float in [0, 1]
    marks(code_a, code_b, base) -> per source, its text cut into (text, "shared"|"common"|"")
    matching_lines(code_a, code_b, base="") -> (lines of code_a, lines of code_b), 1-based
    common(sources) -> the grams of what honest solutions share, to pass as `base`

Each source becomes a stream of normalised tokens (Python's `tokenize`): comments, docstrings,
string-only statements, newlines, indentation and grouping parentheses are dropped, so layout and
commentary do not count; every identifier the author chose (variables, parameters, functions,
import aliases) becomes `V`, numbers `N` and strings `S`, so renaming hides nothing. Keywords,
operators, attribute names (`np.maximum`, `order.size`) and called builtins (`sorted(`, `max(`)
stay as written: a copier cannot rename them without changing the program, and they are what
tells two honest solutions of one small problem apart.

A token counts as matched when it lies inside a run of K tokens (a gram) that the other source
has too; the score is the mean over both sources of the share of their tokens matched. This is
the coverage measure of JPlag-style tools, found with the k-gram matching MOSS uses. Unlike a
count of shared grams, coverage hardly moves when functions are reordered or junk is inserted:
that only splits a long shared run in two, and both halves stay covered.

What honest solutions share is no evidence. Tokens inside any gram of `base` count neither as
matched nor in the total: the starter both candidates began from (with the formulas its
docstrings spell out), and, in the report, the challenge's reference, its correct solutions and
accepted practice submissions, so a textbook IoU written twice is not a copy. What is left is
each source's *distinctive* tokens. A pair is flagged only when the shorter side has at least
MIN_DISTINCTIVE of them, and the bar falls with length, from SHORT_BAR at MIN_DISTINCTIVE to
SUSPICIOUS at LONG and beyond: a few shared lines decide little, a long shared body much.
bench/similarity_calibration.py prints the figures behind K and these constants.

Nothing here raises on bad input: where `tokenize` gives up (unterminated strings, bad
indentation), a plain regular expression with the same token classes lexes the rest, and each
source is cut at MAX_CHARS characters and MAX_TOKENS tokens, so a huge paste costs bounded time.
A pair with nothing of its own beyond `base` scores 0.0.
"""
import bisect
import builtins
import io
import keyword
import re
import tokenize
from collections.abc import Iterable
from typing import NamedTuple

# Discounted, independent correct pairs of the catalogue score 0.48 at most (median 0.01);
# disguised copies of code with 25+ distinctive tokens score 0.8 to 1.0 (see the bench).
SUSPICIOUS = 0.6  # the bar for long solutions (LONG distinctive tokens or more)
SHORT_BAR = 0.75  # the bar at MIN_DISTINCTIVE distinctive tokens
MIN_DISTINCTIVE = 25  # fewer distinctive tokens on either side (about two lines): never flagged
LONG = 150
K = 8  # tokens per gram: 6-7 let honest pairs match on idioms, 10 lets junk split copies apart
MAX_CHARS = 64 * 1024  # about 1,500 lines; real answers are a few dozen
MAX_TOKENS = 12_000

_BUILTINS = frozenset(name for name in dir(builtins) if not name.startswith("_"))
_KEYWORDS = frozenset(keyword.kwlist)  # hard keywords only: `match`, `case`, `_` can be names
_SKIPPED = {tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT,
            tokenize.ENCODING, tokenize.ENDMARKER}
_KINDS = {tokenize.NAME: "name", tokenize.NUMBER: "number", tokenize.STRING: "string"}
_STRING_PARTS = {"FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END",  # tokenize on Python 3.12+
                 "TSTRING_START", "TSTRING_MIDDLE", "TSTRING_END"}  # 3.14+
_UNQUOTE = str.maketrans("'\"#", "   ")  # to read strings and comments as if they were code
_FALLBACK = re.compile(r"""
    (?P<skip>\s+|\#[^\r\n]*|\\)
  | (?P<string>[rRbBuUfF]{0,2}(?:'''(?s:.*?)'''|\"\"\"(?s:.*?)\"\"\"
                               |'(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?))
  | (?P<number>(?:\d|\.\d)(?:[eE][+-]|[\w.])*)
  | (?P<name>\w+)
  | (?P<op>\*\*=|//=|>>=|<<=|\.\.\.|->|:=|[-+*/%&|^@<>=!]=|\*\*|//|<<|>>|\S)
""", re.VERBOSE)

_Gram = tuple[str, ...]


class _Token(NamedTuple):
    kind: str  # "name", "number", "string" or "op"
    text: str
    first_line: int  # 1-based lines of the original source the token spans
    last_line: int
    start: int  # character offsets in the original source
    end: int


class _Side(NamedTuple):
    tokens: list[_Token]  # normalised
    hits: list[bool]  # per token: inside a shared gram and inside no gram of base
    given: list[bool]  # per token: inside a gram of base
    own: int  # tokens inside no gram of base
    matched: int  # tokens with a hit


class Common(frozenset):
    """The grams of some sources (see `common`): pass it as `base` to reuse it across pairs."""


Base = str | Iterable[str] | Common


class Match(NamedTuple):
    score: float  # 0.0 to 1.0, see similarity()
    distinctive: int  # tokens of its own (beyond the base) on the shorter side
    threshold: float | None  # the bar for this length; None: too short to judge
    flagged: bool


def common(sources: Base) -> Common:
    """The grams of each source read as code, and read again with its strings and comments
    opened up, so that a formula a docstring spells out counts as given too."""
    if isinstance(sources, Common):
        return sources
    if isinstance(sources, str):
        sources = [sources]
    elif not isinstance(sources, Iterable):  # bad input scores as if no base were given
        sources = []
    grams: set[_Gram] = set()
    for source in sources:
        if not isinstance(source, str) or not source:
            continue
        as_code = _from_regex(source[:MAX_CHARS].translate(_UNQUOTE), 0, [0])
        grams.update(_grams(_normalise(_lex(source))), _grams(_normalise(as_code)))
    return Common(grams)


def threshold(distinctive: int) -> float | None:
    """The score from which a pair is flagged, given the shorter side's distinctive tokens."""
    if distinctive < MIN_DISTINCTIVE:
        return None
    if distinctive >= LONG:
        return SUSPICIOUS
    return SHORT_BAR + (SUSPICIOUS - SHORT_BAR) * (distinctive - MIN_DISTINCTIVE) / \
        (LONG - MIN_DISTINCTIVE)


def compare(code_a: str, code_b: str, base: Base = "") -> Match:
    """The score, and whether it is high enough for a pair of this length to be flagged."""
    a, b = _compare(code_a, code_b, base)
    score, distinctive = _score(a, b), min(a.own, b.own)
    bar = threshold(distinctive)
    return Match(score, distinctive, bar, bar is not None and score >= bar)


def similarity(code_a: str, code_b: str, base: Base = "") -> float:
    """How much of their own code two sources share, from 0.0 (nothing) to 1.0 (all of it)."""
    return _score(*_compare(code_a, code_b, base))


def _score(a: "_Side", b: "_Side") -> float:
    if not a.own or not b.own:
        return 0.0
    return (a.matched / a.own + b.matched / b.own) / 2


def matching_lines(code_a: str, code_b: str, base: Base = "") -> tuple[set[int], set[int]]:
    """The 1-based lines of each source holding tokens the other shares, to highlight them."""
    a, b = _compare(code_a, code_b, base)
    return _hit_lines(a), _hit_lines(b)


Segments = list[tuple[str, str]]
_GAP = re.compile(r"[ \t()]*")


def marks(code_a: str, code_b: str, base: Base = "") -> tuple[Segments, Segments]:
    """Each source cut into consecutive pieces of text, each marked "shared" (tokens the other
    side has too, beyond the base), "common" (inside the base: honest material) or "" (the
    rest, layout included); joined, the pieces give the source back exactly."""
    a, b = _compare(code_a, code_b, base)
    return _segments(code_a, a), _segments(code_b, b)


def _segments(code, side: _Side) -> Segments:
    text = code[:MAX_CHARS] if isinstance(code, str) else ""
    pieces: Segments = []
    at = 0
    for tok, hit, given in zip(side.tokens, side.hits, side.given):
        mark = "shared" if hit else "common" if given else ""
        if tok.start > at:
            pieces.append((text[at:tok.start], ""))
        start = max(tok.start, at)
        if tok.end > start:
            if pieces and pieces[-1][1] == mark and mark:
                pieces[-1] = (pieces[-1][0] + text[start:tok.end], mark)
            else:
                pieces.append((text[start:tok.end], mark))
        at = max(at, tok.end)
    if at < len(text):
        pieces.append((text[at:], ""))
    return _joined(pieces)


def _joined(pieces: Segments) -> Segments:
    """Neighbours of one mark become one piece, and so do two of one mark with only spaces or
    grouping parentheses (which the comparison drops) between them on a line, so a copied run
    reads as one."""
    out: Segments = []
    for text, mark in pieces:
        if out and out[-1][1] == mark:
            out[-1] = (out[-1][0] + text, mark)
        elif mark and len(out) >= 2 and out[-1][1] == "" and _GAP.fullmatch(out[-1][0]) and \
                out[-2][1] == mark:
            gap = out.pop()
            out[-1] = (out[-1][0] + gap[0] + text, mark)
        else:
            out.append((text, mark))
    return out


def _compare(code_a: str, code_b: str, base: Base) -> tuple[_Side, _Side]:
    tokens_a, tokens_b = _normalise(_lex(code_a)), _normalise(_lex(code_b))
    grams_a, grams_b = _grams(tokens_a), _grams(tokens_b)
    given = common(base)
    shared = set(grams_a) & set(grams_b)
    return _side(tokens_a, grams_a, shared, given), _side(tokens_b, grams_b, shared, given)


def _given_grams(base: Base) -> set[_Gram]:
    return common(base)


def _side(tokens: list[_Token], grams: list[_Gram], shared: set[_Gram],
          given: set[_Gram]) -> _Side:
    in_given, in_shared = _covered(grams, len(tokens), given), _covered(grams, len(tokens), shared)
    hits = [match and not starter for match, starter in zip(in_shared, in_given)]
    return _Side(tokens, hits, in_given, in_given.count(False), hits.count(True))


def _covered(grams: list[_Gram], length: int, wanted: set[_Gram]) -> list[bool]:
    """Per token: does some gram in `wanted` contain it?"""
    covered = [False] * length
    for start, gram in enumerate(grams):
        if gram in wanted:
            end = min(start + K, length)
            covered[start:end] = [True] * (end - start)
    return covered


def _hit_lines(side: _Side) -> set[int]:
    return {line for tok, hit in zip(side.tokens, side.hits) if hit
            for line in range(tok.first_line, tok.last_line + 1)}


# ----- from text to normalised tokens ----------------------------------------------------------

def _lex(source) -> list[_Token]:
    """The tokens `tokenize` gives, then the fallback lexer's from wherever `tokenize` gave up."""
    if not isinstance(source, str):
        return []
    source = source[:MAX_CHARS]
    lines = io.StringIO(source).readlines()
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line))
    resume, raw, kept = (1, 0), [], 0
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            raw.append(tok)
            resume = tok.end
            kept += tok.type not in _SKIPPED
            if kept >= MAX_TOKENS:
                break
        else:
            resume = None
    except Exception:  # TokenError, IndentationError, SyntaxError: the fallback reads on
        pass
    tokens = _from_tokenize(_without_docstrings(raw), line_starts)
    if resume is not None and len(tokens) < MAX_TOKENS:
        row, col = resume
        offset = min(line_starts[min(row, len(lines) + 1) - 1] + col, len(source))
        tokens += _from_regex(source, offset, line_starts)
    return tokens[:MAX_TOKENS]


def _without_docstrings(raw: list) -> list:
    """Drop statements made of string literals only: docstrings, and junk that does nothing."""
    kept, statement_start = [], True
    i = 0
    while i < len(raw):
        tok = raw[i]
        if statement_start and tok.type == tokenize.STRING:
            j = i
            while j < len(raw) and raw[j].type in (tokenize.STRING, tokenize.NL, tokenize.COMMENT):
                j += 1
            if j == len(raw) or raw[j].type in (tokenize.NEWLINE, tokenize.ENDMARKER):
                i = j
                continue
        if tok.type not in (tokenize.NL, tokenize.COMMENT):
            statement_start = tok.type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT) \
                or tok.string in (";", ":")
        kept.append(tok)
        i += 1
    return kept


def _from_tokenize(raw: list, line_starts: list[int]) -> list[_Token]:
    """Keep what carries meaning; an f-string split into parts (3.12+) becomes one string."""
    def offset(row_col: tuple[int, int]) -> int:
        row, col = row_col
        return line_starts[min(row, len(line_starts)) - 1] + col

    tokens, depth = [], 0  # depth: inside an f-string split into parts (Python 3.12+)
    for tok in raw:
        name = tokenize.tok_name.get(tok.type, "")
        if name in _STRING_PARTS:
            if name.endswith("_START"):
                if depth == 0:
                    tokens.append(_Token("string", tok.string, tok.start[0], tok.end[0],
                                         offset(tok.start), offset(tok.end)))
                depth += 1
            elif name.endswith("_END"):
                depth = max(0, depth - 1)
                if depth == 0 and tokens:
                    tokens[-1] = tokens[-1]._replace(last_line=tok.end[0], end=offset(tok.end))
            continue
        if depth or tok.type in _SKIPPED or not tok.string.strip():
            continue
        tokens.append(_Token(_KINDS.get(tok.type, "op"), tok.string, tok.start[0], tok.end[0],
                             offset(tok.start), offset(tok.end)))
    return tokens


def _from_regex(source: str, offset: int, line_starts: list[int]) -> list[_Token]:
    """A plain split into the same token classes, for text `tokenize` cannot read."""
    tokens = []
    for match in _FALLBACK.finditer(source, offset):
        kind = match.lastgroup
        if kind == "skip":
            continue
        first = bisect.bisect_right(line_starts, match.start())
        last = bisect.bisect_right(line_starts, max(match.start(), match.end() - 1))
        tokens.append(_Token(kind, match.group(), first, last, match.start(), match.end()))
        if len(tokens) >= MAX_TOKENS:
            break
    return tokens


def _normalise(tokens: list[_Token]) -> list[_Token]:
    """Replace what an author may rename freely by placeholders; drop what layout can change.

    Statement separators go, and so do grouping parentheses (those not after a name, `)` or
    `]`), since re-printing code adds or removes them freely; call and definition ones stay.
    """
    grouping = _grouping_parentheses(tokens)
    result = []
    for i, tok in enumerate(tokens):
        text = tok.text
        if i in grouping or text == ";":
            continue
        if tok.kind == "name" and text not in _KEYWORDS:
            after_dot = i > 0 and tokens[i - 1].text == "."
            called = i + 1 < len(tokens) and tokens[i + 1].text == "("
            if not (after_dot or (called and text in _BUILTINS)):
                text = "V"
        elif tok.kind == "number":
            text = "N"
        elif tok.kind == "string":
            text = "S"
        result.append(tok._replace(text=text))
    return result


def _grouping_parentheses(tokens: list[_Token]) -> set[int]:
    """Positions of the `(` and `)` that only group, matched by nesting."""
    grouping, open_ = set(), []
    for i, tok in enumerate(tokens):
        if tok.text == "(":
            before = tokens[i - 1] if i else None
            call = before is not None and (before.text in (")", "]") or before.kind == "name"
                                           and before.text not in _KEYWORDS)
            open_.append(None if call else i)
        elif tok.text == ")" and open_:
            start = open_.pop()
            if start is not None:
                grouping.update((start, i))
    return grouping


def _grams(tokens: list[_Token]) -> list[_Gram]:
    """Every run of K token texts (the whole stream when shorter, nothing when empty)."""
    texts = [tok.text for tok in tokens]
    count = max(len(texts) - K + 1, 1) if texts else 0
    return [tuple(texts[i:i + K]) for i in range(count)]
