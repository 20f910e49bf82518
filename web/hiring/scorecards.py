"""Scorecards: every team member rates each interview item (1-5) and writes notes of their own,
independently. A member sees the others' scorecards of an item, and the combined rating they
give, only once they have submitted their own for it, so no one anchors on a colleague's
score. Notes go into the summary and its CSV; private notes stay on the team's report page.

The combined rating of an item is the mean of its ratings; a written item earns
mean / 5 × its points (coding items earn their best graded score; ratings of them are shown
beside it).
"""
from dataclasses import dataclass, field
from statistics import mean

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from web import clock
from web.db import db
from web.errors import Refused
from web.models import InterviewItem, Scorecard

RUBRIC = {1: "poor", 2: "weak", 3: "adequate", 4: "good", 5: "excellent"}
MAX_NOTES = 10_000


def submit(item: InterviewItem, reviewer_id: int, rating: str, notes: str,
           private_notes: str = "") -> Scorecard:
    """Save the member's scorecard of the item (a later one replaces it); "" rates nothing."""
    if rating != "" and rating not in {str(n) for n in RUBRIC}:
        raise Refused("The rating must be a whole number from 1 to 5.")
    for text in (notes, private_notes):
        if len(text) > MAX_NOTES:
            raise Refused(f"Notes are limited to {MAX_NOTES:,} characters.", 413)
    card = db().scalar(select(Scorecard).where(Scorecard.item_id == item.id,
                                               Scorecard.reviewer_id == reviewer_id))
    if card is None:
        card = Scorecard(item_id=item.id, reviewer_id=reviewer_id)
        db().add(card)
    card.rating = int(rating) if rating else None
    card.notes, card.private_notes, card.submitted_at = notes, private_notes, clock.now()
    db().commit()
    return card


@dataclass
class ItemCards:
    """An item's scorecards as one member may see them."""
    mine: Scorecard | None = None
    others: list = field(default_factory=list)

    @property
    def visible(self) -> bool:
        """Whether the member may read the others' scorecards (and the combined rating)."""
        return self.mine is not None or not self.others

    @property
    def shown(self) -> list[Scorecard]:
        return ([self.mine] if self.mine else []) + (self.others if self.visible else [])

    @property
    def hidden(self) -> int:
        return 0 if self.visible else len(self.others)

    @property
    def ratings(self) -> list[int]:
        return [card.rating for card in self.shown if card.rating is not None]

    @property
    def combined(self) -> float | None:
        return combined(self.ratings)


def combined(ratings: list[int]) -> float | None:
    """The mean rating to two decimals (a whole number stays whole: 4, not 4.0)."""
    return round(mean(ratings), 2) if ratings else None


def cards_of(items, viewer_id: int | None) -> dict[int, ItemCards]:
    """item id -> its scorecards for `viewer_id` (None: a reader who sees all), one query."""
    ids = [item.id for item in items]
    found = {item_id: ItemCards() for item_id in ids}
    if not ids:
        return found
    rows = db().scalars(select(Scorecard).where(Scorecard.item_id.in_(ids))
                        .options(joinedload(Scorecard.reviewer)).order_by(Scorecard.id))
    for card in rows:
        entry = found[card.item_id]
        if viewer_id is not None and card.reviewer_id == viewer_id:
            entry.mine = card
        else:
            entry.others.append(card)
    if viewer_id is None:  # an export for the whole team: nothing to hide
        for entry in found.values():
            if entry.others and entry.mine is None:
                entry.mine, entry.others = entry.others[0], entry.others[1:]
    return found
