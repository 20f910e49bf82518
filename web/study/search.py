"""Searching the question bank, forgiving typos: every word of the query must match a word of
the question (exactly, as the start of a longer word, or, for a word the bank does not have,
within one or two edits: "suppresion" finds "suppression"). Title hits weigh most, exact hits
more than near ones. Each hit comes with a snippet of the answer around the first match, the
matches marked."""
import re
from dataclasses import dataclass

from markupsafe import Markup, escape
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

WORD = re.compile(r"\w+")
MARKUP = re.compile(r"```.*?```|\$\$.*?\$\$|!\[[^\]]*\]\([^)]*\)|[`*_#>|$\\]|\]\([^)]*\)|\[", re.S)
SNIPPET_CHARS = 180


@dataclass(frozen=True)
class Hit:
    question: object
    title: Markup    # the title, matches marked
    snippet: Markup  # a stretch of the answer, matches marked ("" when only the title matched)


def plain_text(markdown: str) -> str:
    """The answer's words without Markdown's punctuation, code blocks or display maths."""
    return " ".join(MARKUP.sub(" ", markdown).split())


def _tolerance(term: str) -> int:
    return 0 if len(term) < 4 else 1 if len(term) < 8 else 2


def matching_words(term: str, vocabulary: set[str]) -> dict[str, bool]:
    """{word: exact?} for the words of `vocabulary` that `term` stands for."""
    words = {word: True for word in vocabulary
             if word == term or (len(term) >= 3 and word.startswith(term))}
    limit = _tolerance(term)
    if limit and not words:  # a word the bank has is taken as meant; only unknown ones are fuzzed
        for word, _distance, _ in process.extract(term, vocabulary, scorer=Levenshtein.distance,
                                                  score_cutoff=limit, limit=None):
            words.setdefault(word, False)
    return words


def _mark(text: str, words: set[str]) -> Markup:
    if not words:
        return escape(text)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                         + r")\b", re.I)
    out, last = [], 0
    for match in pattern.finditer(text):
        out += [escape(text[last:match.start()]), Markup("<mark>%s</mark>") % match.group(0)]
        last = match.end()
    return Markup("").join([*out, escape(text[last:])])


def snippet(text: str, words: set[str]) -> Markup:
    """About SNIPPET_CHARS of `text` around the first of `words`, cut at spaces, marked."""
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.I) if words else None
    match = pattern.search(text) if pattern else None
    if match is None:
        return Markup("")
    start = max(0, match.start() - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    if start:
        start = text.find(" ", start) + 1 or start
    cut = text.rfind(" ", match.end(), end)
    if end < len(text) and cut > 0:
        end = cut
    body = _mark(text[start:end], words)
    return Markup("%s%s%s") % ("… " if start else "", body, " …" if end < len(text) else "")


def search(questions, query: str) -> list[Hit]:
    """Questions matching every word of `query`, best first."""
    terms = list(dict.fromkeys(term.lower() for term in WORD.findall(query)))
    if not terms:
        return []
    docs = []
    for question in questions:
        body = plain_text(question.answer)
        title_words = set(WORD.findall(question.title.lower()))
        words = title_words | set(WORD.findall(" ".join(
            (body, " ".join(question.key_points), " ".join(question.tags).replace("-", " "))).lower()))
        docs.append((question, body, title_words, words))
    vocabulary = set().union(*(words for *_, words in docs)) if docs else set()
    matches = {term: matching_words(term, vocabulary) for term in terms}
    hits = []
    for question, body, title_words, words in docs:
        found = [{w: exact for w, exact in matches[term].items() if w in words} for term in terms]
        if not all(found):
            continue
        score = sum((5 if title_words & set(hit) else 1) * (2 if any(hit.values()) else 1)
                    for hit in found)
        marked = {word for hit in found for word in hit}
        hits.append((-score, question.title,
                     Hit(question, _mark(question.title, marked), snippet(body, marked))))
    return [hit for *_, hit in sorted(hits, key=lambda item: item[:2])]
