"""Searching the question bank: every word must match, title hits weigh most."""
import re

WORD = re.compile(r"\w+")


def search(questions, query: str) -> list:
    """Questions matching every word of `query`, best first (title hits weigh most)."""
    terms = [term.lower() for term in WORD.findall(query)]
    if not terms:
        return []
    scored = []
    for question in questions:
        title = question.title.lower()
        body = " ".join((question.answer, " ".join(question.key_points),
                         " ".join(question.tags))).lower()
        if all(term in title or term in body for term in terms):
            score = sum(5 * title.count(term) + body.count(term) for term in terms)
            scored.append((-score, question.title, question))
    return [question for _, _, question in sorted(scored, key=lambda item: item[:2])]
