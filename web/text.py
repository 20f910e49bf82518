"""What typed text must be before it is stored: names, written answers, any text field.

One rule each, shared by every area, refused with `Refused` and a message a person can act on
(never cut silently).
"""
import unicodedata

from web.errors import Refused

MAX_ANSWER_CHARS = 20_000  # a written answer: a quiz's or an interview's


def visible_text(value: str) -> str:
    """`value` without control and format characters (zero-width spaces and joiners, bidi
    overrides, soft hyphens), in NFC: a name shown to other people must look like what it is,
    and `admin\u200b` must not pass for `admin`."""
    kept = "".join(ch for ch in value if unicodedata.category(ch) not in ("Cc", "Cf")
                   or ch in "\t\n")
    return unicodedata.normalize("NFC", kept)


def clean_name(value: str | None, what: str, limit: int) -> str:
    """A name typed in a form: invisible characters dropped, runs of whitespace made one
    space; refused unless 1..limit long."""
    name = " ".join(visible_text(value or "").split())
    if not name or len(name) > limit:
        raise Refused(f"{what} needs 1 to {limit} characters.")
    return name


def check_text(value, what: str, kind: str) -> int:
    """`value`'s size in UTF-8 bytes; refuses what is not a string, or holds a lone surrogate
    (JSON can carry one, no database stores it) or a NUL character."""
    if not isinstance(value, str):
        raise Refused(f"{what} must be a string of {kind}")
    try:
        size = len(value.encode("utf-8"))
    except UnicodeEncodeError:
        raise Refused(f"The {what} is not valid text: it contains a lone surrogate "
                      "character. Retype or remove it.") from None
    if "\x00" in value:
        raise Refused(f"The {what} contains a NUL character (\\0), which {kind} "
                      "cannot hold. Remove it and try again.")
    return size


def check_answer(answer) -> str:
    """A written answer as it will be stored: text, at most MAX_ANSWER_CHARS (413 beyond)."""
    check_text(answer, "answer", "a written answer")
    if len(answer) > MAX_ANSWER_CHARS:
        raise Refused(f"The answer is {len(answer):,} characters long; the limit is "
                      f"{MAX_ANSWER_CHARS:,}. Shorten it and it will be saved.", 413)
    return answer
