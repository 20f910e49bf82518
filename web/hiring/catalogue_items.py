"""What an interview item can be: a challenge of the catalogue or a question of the bank."""
from web.enums import ItemKind
from web.practice.catalogue import catalogue
from web.study.questions import questions


def catalogue_title(kind: str, ref_id: str) -> str | None:
    """The item's title in today's catalogue, or None when it is no longer there."""
    if kind == ItemKind.CHALLENGE:
        challenge = catalogue().challenges.get(ref_id)
        return challenge.title if challenge else None
    question = questions().get(ref_id)
    return question.title if question else None
