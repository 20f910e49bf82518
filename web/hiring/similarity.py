"""How alike two candidates' Python sources are, for the interview report's similarity flag.

    similarity(code_a, code_b, base="") -> float in [0, 1]
    matching_lines(code_a, code_b, base="") -> (lines of code_a, lines of code_b), 1-based
    SUSPICIOUS: the score from which the report flags a pair

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
that only splits a long shared run in two, and both halves stay covered. Tokens inside any gram
of `base` (the starter both candidates began from, and any statement text they were given) count
neither as matched nor in the total, and neither do formulas its docstrings and comments spell
out: a kept signature or the given output-size formula is not evidence. MOSS winnows the grams
down to index many files; with two short sources that only loses resolution, so all are kept.
bench/similarity_calibration.py prints the figures behind K and SUSPICIOUS.

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
from typing import NamedTuple

SUSPICIOUS = 0.72  # honest pairs of the test solutions reach 0.66, disguised copies start at 0.75
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


class _Side(NamedTuple):
    tokens: list[_Token]  # normalised
    hits: list[bool]  # per token: inside a shared gram and inside no gram of base
    own: int  # tokens inside no gram of base
    matched: int  # tokens with a hit


def similarity(code_a: str, code_b: str, base: str = "") -> float:
    """How much of their own code two sources share, from 0.0 (nothing) to 1.0 (all of it)."""
    a, b = _compare(code_a, code_b, base)
    if not a.own or not b.own:
        return 0.0
    return (a.matched / a.own + b.matched / b.own) / 2


def matching_lines(code_a: str, code_b: str, base: str = "") -> tuple[set[int], set[int]]:
    """The 1-based lines of each source holding tokens the other shares, to highlight them."""
    a, b = _compare(code_a, code_b, base)
    return _hit_lines(a), _hit_lines(b)


def _compare(code_a: str, code_b: str, base: str) -> tuple[_Side, _Side]:
    tokens_a, tokens_b = _normalise(_lex(code_a)), _normalise(_lex(code_b))
    grams_a, grams_b = _grams(tokens_a), _grams(tokens_b)
    given = _given_grams(base)
    shared = set(grams_a) & set(grams_b)
    return _side(tokens_a, grams_a, shared, given), _side(tokens_b, grams_b, shared, given)


def _given_grams(base: str) -> set[_Gram]:
    """The grams of `base` read as code, and read again with its strings and comments opened up,
    so that a formula a docstring spells out is given too."""
    if not isinstance(base, str) or not base:
        return set()
    as_code = _from_regex(base[:MAX_CHARS].translate(_UNQUOTE), 0, [0])
    return set(_grams(_normalise(_lex(base)))) | set(_grams(_normalise(as_code)))


def _side(tokens: list[_Token], grams: list[_Gram], shared: set[_Gram],
          given: set[_Gram]) -> _Side:
    in_given, in_shared = _covered(grams, len(tokens), given), _covered(grams, len(tokens), shared)
    hits = [match and not starter for match, starter in zip(in_shared, in_given)]
    return _Side(tokens, hits, in_given.count(False), hits.count(True))


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
    tokens = _from_tokenize(_without_docstrings(raw))
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


def _from_tokenize(raw: list) -> list[_Token]:
    """Keep what carries meaning; an f-string split into parts (3.12+) becomes one string."""
    tokens, depth = [], 0  # depth: inside an f-string split into parts (Python 3.12+)
    for tok in raw:
        name = tokenize.tok_name.get(tok.type, "")
        if name in _STRING_PARTS:
            if name.endswith("_START"):
                if depth == 0:
                    tokens.append(_Token("string", tok.string, tok.start[0], tok.end[0]))
                depth += 1
            elif name.endswith("_END"):
                depth = max(0, depth - 1)
            continue
        if depth or tok.type in _SKIPPED or not tok.string.strip():
            continue
        tokens.append(_Token(_KINDS.get(tok.type, "op"), tok.string, tok.start[0], tok.end[0]))
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
        tokens.append(_Token(kind, match.group(), first, last))
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
        result.append(_Token(tok.kind, text, tok.first_line, tok.last_line))
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
