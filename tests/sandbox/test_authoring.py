"""Authoring end to end: `cvjudge new` scaffolds a folder the loader accepts, `cvjudge check`
fails it until its reference is written and passes it after; loader errors name file and key."""
import shutil

import pytest

from judge.catalogue import CatalogueError, load_challenge
from tests.sandbox.conftest import run_cli


def test_new_then_check_after_filling_in_the_reference(tmp_path, docker_client):
    env = {"CVJUDGE_CHALLENGES": str(tmp_path)}
    code, out, err = run_cli("new", "pair_sum", "--dir", str(tmp_path), env=env)
    assert code == 0 and "pair_sum" in out, err
    folder = tmp_path / "pair_sum"
    assert load_challenge(folder).signature == "pair_sum(a, b)"
    code, out, err = run_cli("check", "pair_sum", env=env)
    assert code == 1 and "the starter should be rejected" in out and "correct_plain.py" in out
    (folder / "reference.py").write_text("def pair_sum(a, b):\n    return a + b\n")
    code, out, err = run_cli("check", "pair_sum", env=env)
    assert code == 0 and "catalogue OK" in out, out + err[-2000:]
    assert "wrong_subtracts.py -> wrong_answer" in err


def test_new_refuses_bad_ids_and_existing_folders(tmp_path):
    assert run_cli("new", "Bad-Id", "--dir", str(tmp_path))[0] == 2
    assert run_cli("new", "ok_id", "--dir", str(tmp_path))[0] == 0
    code, _, err = run_cli("new", "ok_id", "--dir", str(tmp_path))
    assert code == 2 and "already exists" in err


BREAKS = [  # file, old, new, what the error must say
    ("starter.py", "def scaffolded(a, b):", "def scaffolded(a, b, c=0):",
     "challenge.toml: function.params lists (a, b) but"),
    ("challenge.toml", 'tags = ["new"]', 'tags = ["new"]\nfigure = "pie_chart"',
     "challenge.toml: unknown figure kind 'pie_chart'"),
    ("challenge.toml", 'kind = "float"', 'kind = "approximately"', "challenge.toml: compare.kind"),
    ("solutions", None, None, "solutions: missing"),
]


@pytest.mark.parametrize("path, old, new, message", BREAKS, ids=[b[3][:30] for b in BREAKS])
def test_each_loader_error_names_its_file_and_key(tmp_path, path, old, new, message):
    run_cli("new", "scaffolded", "--dir", str(tmp_path))
    target = tmp_path / "scaffolded" / path
    if old is None:
        shutil.rmtree(target)
    else:
        target.write_text(target.read_text().replace(old, new))
    with pytest.raises(CatalogueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_challenge(tmp_path / "scaffolded")
