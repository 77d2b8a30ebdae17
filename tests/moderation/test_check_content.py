import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

EVAL_SET = Path(__file__).resolve().parent.parent / "data" / "moderation_eval.jsonl"


def check_content(*args, stdin: str | None = None, monkeypatch=None) -> str:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out = io.StringIO()
    call_command("check_content", *args, stdout=out)
    return out.getvalue()


def test_one_text_as_an_argument_gets_a_verdict_and_reasons_in_both_languages():
    output = check_content("Убейте их всех!", "--lang", "ru")
    assert output.startswith("verdict: reject")
    assert "violence" in output and "ky: " in output and "ru: " in output


def test_json_format_gives_offsets_into_the_original_text():
    text = "Давайте у б ь ё м их всех"
    result = json.loads(check_content(text, "--lang", "ru", "--format", "json"))
    assert result["verdict"] != "accept"
    finding = result["findings"][0]
    assert text[finding["start"] : finding["end"]] == finding["excerpt"]


def test_a_text_from_a_file(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("Мектепте жаңы спорт залы ачылды.", encoding="utf-8")
    assert check_content("--file", str(path), "--lang", "ky").strip() == "verdict: accept"


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        check_content("--file", str(tmp_path / "absent.txt"))


def test_a_text_from_standard_input(monkeypatch):
    output = check_content(
        "--lang", "ru", stdin="Бейте приезжих, гоните их из города!", monkeypatch=monkeypatch
    )
    assert output.startswith("verdict: reject")


def test_batch_mode_answers_every_line_of_the_evaluation_set_in_order(monkeypatch):
    lines = EVAL_SET.read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    assert len(items) >= 300
    batch = "\n".join(
        json.dumps({"id": item["id"], "lang": item["lang"], "text": item["text"]}) for item in items
    )
    output = check_content("--jsonl", stdin=batch, monkeypatch=monkeypatch).splitlines()
    answers = [json.loads(line) for line in output]
    assert [answer["id"] for answer in answers] == [item["id"] for item in items]
    assert all(answer["verdict"] in {"accept", "review", "reject"} for answer in answers)


def test_batch_mode_reports_a_bad_line_and_goes_on(monkeypatch):
    batch = "\n".join(
        [
            '{"id": 1, "lang": "ru", "text": "Привет"}',
            "not json",
            '{"id": 3, "lang": "en", "text": "x"}',
        ]
    )
    answers = [
        json.loads(line)
        for line in check_content("--jsonl", stdin=batch, monkeypatch=monkeypatch).splitlines()
    ]
    assert answers[0] == {"id": 1, "verdict": "accept", "findings": []}
    assert answers[1]["line"] == 2 and "not valid JSON" in answers[1]["error"]
    assert answers[2]["id"] == 3 and "unknown lang" in answers[2]["error"]
