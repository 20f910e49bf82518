"""Which slice of a long list a request asks for: `?page=N` on pages, `?limit=&offset=` in the API.

Whatever arrives (missing, not a number, negative, absurdly large), the answer is a window
the database can serve.
"""
from dataclasses import dataclass

MAX_PAGE = 100_000  # beyond any real list; keeps OFFSET far from SQL's integer limits


@dataclass(frozen=True)
class Window:
    offset: int
    limit: int

    @property
    def page(self) -> int:
        return self.offset // self.limit + 1


def whole_number(args, name: str, default: int, lowest: int, highest: int) -> int:
    """`args[name]` as an int clamped to [lowest, highest]; `default` when it is not a number."""
    value = args.get(name, type=int)
    return default if value is None else min(max(value, lowest), highest)


def page_window(args, size: int) -> Window:
    """`?page=N` (from 1) with `size` rows a page."""
    page = whole_number(args, "page", 1, 1, MAX_PAGE)
    return Window(offset=(page - 1) * size, limit=size)


def limit_window(args, default: int, most: int) -> Window:
    """`?limit=N&offset=M`, with at most `most` rows."""
    return Window(offset=whole_number(args, "offset", 0, 0, MAX_PAGE * most),
                  limit=whole_number(args, "limit", default, 1, most))


def page_count(rows: int, size: int) -> int:
    return max(1, -(-rows // size))
