"""Without a Docker engine every command that needs one stops with one plain line (exit 1),
never a traceback: the Docker client is pointed at a socket nobody listens on."""
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEAD = "unix:///nonexistent/docker.sock"


def cvjudge(tmp_path, *args, **env):
    environment = {**os.environ, "DOCKER_HOST": DEAD, "CVJUDGE_DATA_DIR": str(tmp_path),
                   "CVJUDGE_SECRET_KEY": "no-engine-test", **env}
    environment.pop("DATABASE_URL", None)
    environment.pop("CVJUDGE_BROKER_URL", None) if "CVJUDGE_BROKER_URL" not in env else None
    return subprocess.run([sys.executable, "-m", "web.cli", *args], cwd=REPO, env=environment,
                          capture_output=True, text=True, timeout=120)


def assert_plain_refusal(done, command: str):
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"cvjudge {command}: no Docker engine answers at {DEAD}"), last
    assert "make run" in last and "systemctl start docker" in last


@pytest.mark.parametrize("args", [
    ["serve", "--port", "1"],
    ["image"],
    ["cleanup"],
    ["check", "iou"],
    ["compose-images", "--env-file", "{tmp}/.env"],
])
def test_commands_refuse_plainly(tmp_path, args):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert_plain_refusal(cvjudge(tmp_path, *args), args[0])


def test_grade_refuses_before_grading(tmp_path):
    solution = tmp_path / "s.py"
    solution.write_text("def iou(box_a, box_b):\n    return 0.0\n")
    done = cvjudge(tmp_path, "grade", "iou", str(solution))
    assert_plain_refusal(done, "grade")
    assert "internal_error" not in done.stdout  # no grading was even tried


def test_worker_names_the_engine(tmp_path):
    assert cvjudge(tmp_path, "init-db").returncode == 0
    done = cvjudge(tmp_path, "worker", CVJUDGE_BROKER_URL="redis://127.0.0.1:1/0")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert f"cvjudge worker: no Docker engine answers at {DEAD}" in done.stderr


@pytest.fixture
def host_script():
    """mk/host.sh where the unprivileged user can read it: the checkout may sit in a folder
    only root can enter (`mktemp -d` makes one 0700), which is not what these tests are about."""
    folder = Path(tempfile.mkdtemp(prefix="cvjudge-host-script-"))
    folder.chmod(0o755)
    script = folder / "host.sh"
    shutil.copy(REPO / "mk" / "host.sh", script)
    script.chmod(0o644)
    yield script
    shutil.rmtree(folder)


def test_host_script_says_what_to_do_without_root(tmp_path, host_script):
    """mk/host.sh as an ordinary user changes nothing and says what to install or start."""
    if os.getuid() != 0:
        pytest.fail("this test drops root privileges to check the non-root path; run it as root")
    done = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                           "bash", str(host_script), "run"],
                          env={"PATH": os.environ["PATH"], "DOCKER_HOST": DEAD,
                               "HOME": str(tmp_path), "USER": "nobody"},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert 1 <= len(lines) <= 2 and "Traceback" not in done.stderr, done.stderr
    assert "apt-get install" in done.stderr or "systemctl start docker" in done.stderr


def test_host_script_names_the_missing_packages(tmp_path, host_script):
    """With nothing but a shell and Python on the PATH, it lists the Debian packages to install."""
    if os.getuid() != 0:
        pytest.fail("this test drops root privileges to check the non-root path; run it as root")
    bin_dir = Path(tempfile.mkdtemp(prefix="cvjudge-host-"))  # pytest's tmp is root-only
    bin_dir.chmod(0o755)
    for tool, target in (("bash", shutil.which("bash")), ("python3", sys.executable),
                         ("id", shutil.which("id"))):
        (bin_dir / tool).symlink_to(target)
    done = subprocess.run([shutil.which("setpriv"), "--reuid=65534", "--regid=65534", "--clear-groups",
                           str(bin_dir / "bash"), str(host_script), "run"],
                          env={"PATH": str(bin_dir), "HOME": str(tmp_path)},
                          capture_output=True, text=True, timeout=60)
    shutil.rmtree(bin_dir)
    assert done.returncode == 1, done
    lines = done.stderr.strip().splitlines()
    # python3-venv too when this user cannot run the linked Python (a root-only pyenv, say)
    listed = lines[0].removeprefix("cvjudge needs these Debian packages: ").rstrip(".")
    assert set(listed.split()) - {"python3-venv"} == {"docker.io", "nodejs", "npm", "debootstrap"}
    assert len(lines) == 2 and f"sudo apt-get install {listed}" in lines[1]
