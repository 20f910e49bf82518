"""Structured log lines: `event=stored submission=12 verdict=accepted`, one event per line.

Every step of a grading logs one event carrying the submission id, so the life of one
submission can be followed across web processes and workers with a single grep.
"""
import json
import logging

FORMAT = "%(asctime)s %(levelname)s %(name)s pid=%(process)d %(message)s"


def logfmt(**values) -> str:
    """`key=value` pairs; values with spaces, quotes or `=` are JSON-quoted."""
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        text = f"{value:.3f}" if isinstance(value, float) else str(value)
        if not text or any(c in text for c in ' "=\n\t'):
            text = json.dumps(text)
        parts.append(f"{key}={text}")
    return " ".join(parts)


def event(logger: logging.Logger, name: str, level: int = logging.INFO, **values) -> None:
    logger.log(level, "%s", logfmt(event=name, **values))


def configure(level: int = logging.INFO) -> None:
    """Send every logger to stderr in one format (the web app and `cvjudge worker` alike)."""
    logging.basicConfig(level=level, format=FORMAT)
