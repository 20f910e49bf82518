"""Typed custom input, checked before it is queued: the same rules the judge applies, so a
mistake is answered at once with the judge's message instead of after a grading."""
import json

from judge.custom import CustomInputError, prepare
from web.errors import Refused


def checked_custom_input(challenge, texts) -> str:
    """The input as stored (JSON of parameter -> literal text); Refused (400) when unusable."""
    if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
        raise Refused("Send the custom input as \"input\": {parameter: Python literal text}, "
                      f"one entry for each of {', '.join(challenge.params)}.")
    try:
        prepare(challenge, texts)
    except CustomInputError as exc:
        raise Refused(f"Custom input: {exc}") from None
    return json.dumps({name: texts[name] for name in challenge.params})
