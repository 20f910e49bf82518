"""Server time of the busiest pages with 1,000 users and 20,000 submissions in the database.

Seeds a temporary SQLite database (bulk inserts, not through the API), then renders each page
through the Flask test client many times and prints the median and 90th percentile, the
ratio to the lightest page as a yardstick, and the SQL statements one request runs. The
visitor is user0000, ranked somewhere in the middle (their rank shows on the leaderboard,
the progress page and their profile); /users/user0500 is another person's rank.

    python bench/page_times.py [--users 1000] [--submissions 20000] [--repeat 30]
"""
import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert  # noqa: E402

from web import create_app  # noqa: E402
from web.migrate import upgrade  # noqa: E402
from web.models import Submission, User, utcnow  # noqa: E402
from web.security import hash_password  # noqa: E402

VERDICTS = ("accepted", "wrong_answer", "runtime_error", "time_limit_exceeded")


def seed(app, users: int, submissions: int, rng: random.Random) -> None:
    database = app.extensions["cvjudge.db"]
    challenges = list(app.extensions["cvjudge.catalogue"].challenges)
    password = hash_password("bench-password")  # one hash: argon2 is slow on purpose
    now = utcnow()
    result = json.dumps({"verdict": "wrong_answer", "score": 50, "properties": [],
                         "counterexample": None})
    with database.engine.begin() as connection:
        connection.execute(insert(User), [
            {"username": f"user{i:04d}", "password_hash": password, "role": "member",
             "active": True, "bio": "", "created_at": now} for i in range(users)])
        rows = []
        for _ in range(submissions):
            score = rng.choice((0, 25, 50, 75, 100, 100))
            rows.append({"user_id": rng.randint(1, users), "challenge_id": rng.choice(challenges),
                         "kind": "submit", "code": "def f():\n    return 0\n" * 20,
                         "status": "done", "score": score,
                         "verdict": "accepted" if score == 100 else rng.choice(VERDICTS[1:]),
                         "result_json": result, "attempts": 1,
                         "created_at": now - timedelta(minutes=rng.randint(0, 60 * 24 * 60))})
        connection.execute(insert(Submission), rows)


def measure(client, path: str, repeat: int) -> list[float]:
    client.get(path)  # warm caches and templates
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.status_code)
    return times


def queries(app, client, path: str) -> int:
    """SQL statements one request of `path` runs."""
    from sqlalchemy import event
    count = [0]

    def counted(*_args):
        count[0] += 1
    engine = app.extensions["cvjudge.db"].engine
    event.listen(engine, "before_cursor_execute", counted)
    try:
        client.get(path)
    finally:
        event.remove(engine, "before_cursor_execute", counted)
    return count[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--submissions", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cvjudge-bench-"))
    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    upgrade(url)
    app = create_app({"DATABASE_URL": url, "WORKERS": 0, "WTF_CSRF_ENABLED": False})
    started = time.perf_counter()
    seed(app, args.users, args.submissions, random.Random(7))
    print(f"seeded {args.users} users and {args.submissions} submissions "
          f"in {time.perf_counter() - started:.1f} s ({url})")
    client = app.test_client()
    login = client.post("/login", data={"username": "user0000", "password": "bench-password"})
    assert login.status_code == 302, "could not log in"
    with app.app_context():  # the first user administers, so /admin/submissions can be timed
        from web.db import db
        db().get(User, 1).role = "admin"
        db().commit()
    pages = ["/api/v1/openapi.json", "/challenges/iou", "/", "/leaderboard",
             "/leaderboard?page=20", "/leaderboard?period=week", "/api/v1/leaderboard",
             "/users/user0500", "/progress", "/admin/submissions"]
    baseline = None
    print(f"{'page':32} {'median ms':>10} {'p90 ms':>8} {'x lightest':>10} {'queries':>8}")
    for path in pages:
        times = sorted(measure(client, path, args.repeat))
        median = statistics.median(times)
        baseline = baseline or median
        print(f"{path:32} {median * 1000:10.1f} {times[int(0.9 * len(times)) - 1] * 1000:8.1f} "
              f"{median / baseline:10.1f} {queries(app, client, path):8d}")


if __name__ == "__main__":
    main()
