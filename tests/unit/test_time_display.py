"""The browser's time display, run under node in chosen time zones: localtime.js names the
zone, and the progress chart's axis (time_axis.js) shows each date once and spreads a single
day from midnight to midnight."""
import json
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

SRC = Path(__file__).resolve().parents[2] / "web" / "frontend" / "src"


def run_js(module: str, expression: str, tz: str):
    """`expression` evaluated with the module's exports as `m`, in time zone `tz`."""
    node = shutil.which("node")
    assert node, "node is needed (it builds the front-end bundle too)"
    script = (f"import({json.dumps((SRC / module).as_uri())}).then(m => "
              f"console.log(JSON.stringify({expression})))")
    out = subprocess.run([node, "--input-type=module", "-e", script], check=True, text=True,
                         capture_output=True, env={**os.environ, "TZ": tz, "LANG": "en_US.UTF-8"})
    return json.loads(out.stdout)


@pytest.mark.parametrize("tz, zone", [("Asia/Kolkata", "GMT+5:30"), ("UTC", "UTC"),
                                      ("America/New_York", "EST")])
def test_a_moment_is_written_in_the_viewer_s_zone_with_its_name(tz, zone):
    iso = "2026-12-02T13:05:00Z"
    local = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(ZoneInfo(tz))
    assert run_js("localtime.js", f"m.localText({json.dumps(iso)})", tz) == \
        f"{local:%Y-%m-%d %H:%M} {zone}"
    assert run_js("localtime.js", "m.localText('not a time')", tz) is None


def axis(points_iso: list[str], tz: str) -> dict:
    points = json.dumps([{"x": p} for p in points_iso])
    return run_js("time_axis.js", f"""(() => {{
        const a = m.timeAxis({points}.map((p) => ({{ x: Date.parse(p.x) }})));
        return {{ min: a.min, max: a.max, labels: a.ticks.map(a.label), title: a.title,
                 hours: a.ticks.map((t) => new Date(t).getHours()) }};
    }})()""", tz)


def test_solves_within_one_day_spread_over_that_whole_day():
    shown = axis(["2026-12-02T09:00:00Z", "2026-12-02T09:20:00Z", "2026-12-02T11:00:00Z"],
                 "Europe/Berlin")
    berlin = ZoneInfo("Europe/Berlin")
    assert shown["min"] == datetime(2026, 12, 2, tzinfo=berlin).timestamp() * 1000
    assert shown["max"] == datetime(2026, 12, 3, tzinfo=berlin).timestamp() * 1000
    assert shown["hours"] == [0, 3, 6, 9, 12, 15, 18, 21]
    assert shown["labels"][:2] == ["00:00", "03:00"] and "2026" in shown["title"]


def test_each_date_is_shown_once_over_a_few_days_and_a_long_span():
    few = axis(["2026-11-28T22:00:00Z", "2026-12-02T09:00:00Z"], "America/New_York")
    assert len(few["labels"]) == len(set(few["labels"])) == 6  # Nov 28 to Dec 3, midnights
    assert set(few["hours"]) == {0} and few["title"] == ""
    long = axis(["2026-01-01T12:00:00Z", "2026-12-01T12:00:00Z"], "Asia/Tokyo")
    assert len(long["labels"]) == len(set(long["labels"])) <= 9
