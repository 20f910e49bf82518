"""Pools: a template item that is drawn when the interview is created, so that candidates do
not all get the same questions.

A pool is "one of these" (`{"choices": [ids]}`) or "any item with this tag and difficulty"
(`{"tag": t, "difficulty": d}`, either may be "" for any), of one kind (challenge or question).
A pool's members are read from today's catalogue at each draw, so new challenges join it.

The draw, per interview: items the template names outright are placed first, and no pool
draws an item the interview already holds. Among a pool's members it prefers those the same
candidate e-mail has not met in an earlier interview of this team, then those the team has
used least (so exposure spreads evenly and two candidates in a row get different items), then
chance. What was drawn, and from what, is recorded on the interview item.
"""
import json
import random
from collections import Counter

from web.enums import DIFFICULTIES, ItemKind
from web.errors import Refused
from web.practice.catalogue import catalogue
from web.study.questions import questions

MAX_CHOICES = 50
_rng = random.SystemRandom()


def _bank(kind: str) -> dict:
    return catalogue().challenges if kind == ItemKind.CHALLENGE else questions()


def noun(kind: str) -> str:
    return "challenge" if kind == ItemKind.CHALLENGE else "question"


def checked_pool(kind: str | None, choices: list[str], tag: str | None,
                 difficulty: str | None) -> dict:
    """A pool from the template form: explicit choices, or a tag and difficulty filter."""
    if kind not in ItemKind.ALL:
        raise Refused("Choose whether the pool holds coding challenges or questions.")
    bank = _bank(kind)
    choices = list(dict.fromkeys(choice for choice in choices if choice))
    if choices:
        unknown = [choice for choice in choices if choice not in bank]
        if unknown:
            raise Refused(f"Not in the catalogue: {', '.join(unknown[:5])}.")
        if not 2 <= len(choices) <= MAX_CHOICES:
            raise Refused(f"A pool of chosen items needs 2 to {MAX_CHOICES} of them "
                          f"(for a single one, add it as a fixed item).")
        return {"choices": choices}
    pool = {"tag": (tag or "").strip(), "difficulty": (difficulty or "").strip()}
    if pool["difficulty"] and pool["difficulty"] not in DIFFICULTIES:
        raise Refused(f"The difficulty must be one of {', '.join(DIFFICULTIES)}.")
    if not members(kind, pool):
        raise Refused(f"No {noun(kind)} has tag “{pool['tag'] or 'any'}” and difficulty "
                      f"“{pool['difficulty'] or 'any'}”.")
    return pool


def members(kind: str, pool: dict) -> list[str]:
    """The pool's item ids in today's catalogue, in catalogue order."""
    bank = _bank(kind)
    if "choices" in pool:
        return [ref for ref in pool["choices"] if ref in bank]
    return [ref for ref, item in bank.items()
            if (not pool.get("tag") or pool["tag"] in item.tags)
            and (not pool.get("difficulty") or item.difficulty == pool["difficulty"])]


def describe(kind: str, pool: dict, *, count: bool = True) -> str:
    """In words, for the template page (with how many members it has today) and the report."""
    bank = _bank(kind)
    if "choices" in pool:
        titles = [bank[ref].title if ref in bank else ref for ref in pool["choices"]]
        return f"one {noun(kind)} of: " + ", ".join(titles)
    tag = pool.get("tag")
    words = ["any", pool.get("difficulty"), noun(kind), f"tagged {tag}" if tag else None]
    text = " ".join(word for word in words if word)
    return f"{text} ({len(members(kind, pool))} now)" if count else text


def loads(pool_json: str | None) -> dict | None:
    return json.loads(pool_json) if pool_json else None


def draw(kind: str, pool: dict, *, taken: set, seen: set, usage: Counter,
         rng: random.Random = _rng) -> tuple[str, dict]:
    """One member of the pool and the record of the draw (what could be drawn, what the
    candidate had met before, whether a repeat could not be avoided)."""
    eligible = [ref for ref in members(kind, pool) if (kind, ref) not in taken]
    if not eligible:
        raise Refused(f"A pool of this template ({describe(kind, pool)}) has nothing left to "
                      f"draw: every {noun(kind)} in it is gone from the catalogue or already "
                      f"in this interview.")
    fresh = [ref for ref in eligible if (kind, ref) not in seen]
    candidates = fresh or eligible
    least = min(usage[(kind, ref)] for ref in candidates)
    chosen = rng.choice([ref for ref in candidates if usage[(kind, ref)] == least])
    record = {"pool": pool, "eligible": eligible,
              "avoided": sorted(ref for ref in eligible if (kind, ref) in seen),
              "repeat": not fresh}
    return chosen, record
