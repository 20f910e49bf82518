"""What an interview item can be: a challenge of the catalogue, a question of the (public)
bank, or one of the team's private questions (`team:<id>`)."""
from web.enums import ItemKind
from web.hiring import team_questions
from web.practice.catalogue import catalogue
from web.study.questions import questions


def written_question(ref_id: str, team_id: int | None):
    """The question an item names: the team's own, else the bank's (None when gone)."""
    if ref_id.startswith(team_questions.PREFIX):
        return team_questions.resolve(ref_id, team_id)
    return questions().get(ref_id)


def catalogue_title(kind: str, ref_id: str, team_id: int | None = None) -> str | None:
    """The item's title today, or None when it is no longer there (or not the team's)."""
    if kind == ItemKind.CHALLENGE:
        challenge = catalogue().challenges.get(ref_id)
        return challenge.title if challenge else None
    question = written_question(ref_id, team_id)
    return question.title if question else None


def is_public_question(kind: str, ref_id: str) -> bool:
    """A bank question: its model answer is on the public Concepts pages."""
    return kind == ItemKind.QUESTION and not ref_id.startswith(team_questions.PREFIX)
