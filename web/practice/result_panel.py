"""What a submission's result panel shows (practice pages and interview items alike): the
result, its counterexample and the figure drawn for it."""
from judge.figures import render_figure
from web.practice.catalogue import catalogue


def panel_context(submission) -> dict:
    challenge = catalogue().challenges.get(submission.challenge_id)
    result = submission.result
    counterexample = result.get("counterexample") if result else None
    figure = render_figure(getattr(challenge, "figure", None), counterexample) if counterexample else None
    return {"submission": submission, "challenge": challenge, "result": result,
            "counterexample": counterexample, "figure": figure}
