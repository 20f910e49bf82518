"""`cvjudge questions` validates the bank: one line per question, or the first error."""
from tests.web.study.test_concepts import QUESTIONS, question, write_questions
from web.cli import main


def test_lists_a_good_bank(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CVJUDGE_QUESTIONS", write_questions(tmp_path / "q", QUESTIONS))
    monkeypatch.setenv("CVJUDGE_SECRET_KEY", "cli-test")
    assert main(["questions"]) == 0
    out = capsys.readouterr().out
    assert "iou-vs-dice" in out and "3 questions in" in out


def test_names_the_broken_file(tmp_path, monkeypatch, capsys):
    folder = write_questions(tmp_path / "q", {"broken.md": question("b", "B?", section="Nope")})
    monkeypatch.setenv("CVJUDGE_QUESTIONS", folder)
    monkeypatch.setenv("CVJUDGE_SECRET_KEY", "cli-test")
    assert main(["questions"]) == 1
    assert "broken.md" in capsys.readouterr().err
