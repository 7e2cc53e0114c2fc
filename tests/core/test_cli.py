"""The command-line door: flags, --case files, JSON, exit codes, one-line errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cip_core.cli import main

BASE = [
    "--workplace-region", "brussels", "--language", "fr", "--start-date", "2021-10-01",
    "--duration-months", "3", "--weekly-hours", "38", "--age", "25",
    "--employment-contract", "no", "--short-study-internship", "non",
    "--diploma-curriculum", "nee", "--regulated-profession", "false",
    "--monthly-allowance", "900",
]  # fmt: skip


def run(
    argv: list[str], capsys: pytest.CaptureFixture[str], stdin: str = ""
) -> tuple[int, str, str]:
    code = main(argv, stdin=io.StringIO(stdin))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_answer(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([*BASE, "--json"], capsys)
    result = json.loads(out)
    assert code == 0
    assert result["verdict"] == "eligible"
    assert result["allowance"]["minimum"] == "829.10"


def test_text_answer_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([*BASE, "--lang", "nl"], capsys)
    assert code == 0
    assert "€\u00a0829,10" in out and "Bruxelles Formation" in out


def test_case_file_and_stdin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = {"trainee_region": "flanders", "workplace_region": "flanders",
            "employer_seat_brussels": False, "age": 30}  # fmt: skip
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    code, out, _ = run(["--case", str(path), "--json"], capsys)
    assert code == 0 and json.loads(out)["verdict"] == "refer"
    code, out, _ = run(["--case", "-", "--json", "--workplace-region", "wallonia"], capsys,
                       stdin=json.dumps(case))  # fmt: skip
    assert json.loads(out)["body"]["code"] == "forem"  # flags win over the file


@pytest.mark.parametrize(
    "argv",
    [
        ["--start-date", "2021-02-30"],
        ["--monthly-allowance", "-5"],
        ["--workplace-region", "mars"],
        ["--start-date", "2010-01-01"],
        ["--lang", "xx"],
        ["--case", "/nonexistent/case.json"],
        ["--case", "-"],
        ["--no-such-flag", "x"],
    ],
)
def test_bad_input_exit_2_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(argv, capsys, stdin="{not json")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("cip-check: ")
    assert "Traceback" not in err


def test_errors_are_translated(capsys: pytest.CaptureFixture[str]) -> None:
    run(["--start-date", "2021-02-30", "--lang", "nl"], capsys)
    _, _, err = run(["--start-date", "2021-02-30", "--lang", "nl"], capsys)
    assert "Begindatum" in err
    _, _, err = run(["--start-date", "2021-02-30"], capsys)
    assert "Date de début" in err


def test_python_m_entry_point_never_prints_a_traceback() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "cip_core", "--age", "abc"], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "Âge" in proc.stderr


@pytest.mark.parametrize(
    ("lang", "verdict", "source"),
    [("fr", "Réponse\u00a0: ", "[Source\u00a0: "), ("nl", "Antwoord: ", "[Bron: ")],
)
def test_text_labels_are_spaced_as_the_language_writes_them(
    capsys: pytest.CaptureFixture[str], lang: str, verdict: str, source: str
) -> None:
    code, out, _ = run([*BASE, "--lang", lang], capsys)
    assert code == 0
    assert out.startswith(verdict)
    assert source in out
    assert " :" not in out.replace("\u00a0:", "")  # no ordinary space before a colon
