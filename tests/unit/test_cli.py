"""CLI usage errors need no Docker: they are refused before any grading starts."""
from judge.cli import main


def test_unknown_challenge_lists_the_known_ones(capsys, tmp_path):
    solution = tmp_path / "s.py"
    solution.write_text("def iou(a, b):\n    return 0.0\n")
    assert main(["grade", "nope", str(solution)]) == 2
    err = capsys.readouterr().err
    assert "unknown challenge 'nope'" in err and "iou" in err


def test_unreadable_file_is_a_usage_error(capsys, tmp_path):
    assert main(["grade", "iou", str(tmp_path / "missing.py")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_non_utf8_file_is_a_usage_error(capsys, tmp_path):
    solution = tmp_path / "s.py"
    solution.write_bytes(b"def iou(a, b):\n    return '\xff'\n")
    assert main(["grade", "iou", str(solution)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_challenges_are_listed(capsys):
    assert main(["challenges"]) == 0
    out = capsys.readouterr().out
    assert "iou" in out and "conv2d" in out
