"""One clock format: the server's `clock` filter and the browser's duration.js agree."""
import json
import shutil
import subprocess
from pathlib import Path

from web.display import clock_text

DURATION_JS = Path(__file__).resolve().parents[2] / "web" / "frontend" / "src" / "duration.js"
SECONDS = [0, 5, 59, 60, 61, 245, 599, 3599, 3600, 3661, 4500, 86399, 100000, 59.9, -3]


def browser_clock_texts(values) -> list[str]:
    node = shutil.which("node")
    assert node, "node is needed (it builds the front-end bundle too)"
    script = (f"import({json.dumps(DURATION_JS.as_uri())}).then(m => "
              f"console.log(JSON.stringify({json.dumps(values)}.map(m.clockText))))")
    return json.loads(subprocess.run([node, "--input-type=module", "-e", script], check=True,
                                     capture_output=True, text=True).stdout)


def test_the_server_shows_minutes_and_seconds_then_hours():
    assert [clock_text(s) for s in (0, 245, 3599, 3600, 4500, None)] == \
        ["0:00", "4:05", "59:59", "1:00:00", "1:15:00", "—"]


def test_the_browser_formats_every_value_as_the_server_does():
    assert browser_clock_texts(SECONDS) == [clock_text(s) for s in SECONDS]
