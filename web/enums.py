"""The values that are stored, compared and shown across areas, each named once.

Plain string constants (not Enum members), because they are what the database holds and what
templates and the JSON API compare against.
"""
from judge.verdicts import Verdict

SOLVED = 100  # the score of a solved challenge; full marks and `accepted` are the same thing


class Status:
    """Where a submission is in its life: queued -> running -> done."""
    QUEUED, RUNNING, DONE = "queued", "running", "done"
    ALL = (QUEUED, RUNNING, DONE)


class Kind:
    """A graded submission, a run of the visible examples, or a run on typed custom input
    (neither run is ever scored)."""
    SUBMIT, RUN, CUSTOM = "submit", "run", "custom"
    ALL = (SUBMIT, RUN, CUSTOM)


class ItemKind:
    """What an interview item asks for: code for a challenge, or a written answer."""
    CHALLENGE, QUESTION = "challenge", "question"
    ALL = (CHALLENGE, QUESTION)


ROLES = ("member", "admin")
TEAM_ROLES = ("owner", "interviewer")  # owners also manage the members
OWNER = "owner"
DIFFICULTIES = ("easy", "medium", "hard")  # challenges and questions alike, easiest first

ACCEPTED = Verdict.ACCEPTED.value
JUDGE_FAILURE = Verdict.INTERNAL_ERROR.value  # shown, never counted against anyone
VERDICTS = tuple(verdict.value for verdict in Verdict)
