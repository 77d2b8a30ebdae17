"""The engine: offsets, context exceptions, the never-pass-a-call rule and the verdict."""

import json
from pathlib import Path

import pytest

from moderation.checker import Checker, CheckResult, Finding, check, load_rules

MESSAGE = {"ky": "Маселе бар.", "ru": "Есть проблема."}


def _checker(tmp_path: Path, **rule) -> Checker:
    base = {
        "id": "test.rule",
        "category": "violence",
        "language": "ru",
        "action": "reject",
        "message": MESSAGE,
    }
    (tmp_path / "rules.yaml").write_text(
        json.dumps({"rules": [base | rule]}, ensure_ascii=False), encoding="utf-8"
    )
    return Checker(load_rules(tmp_path))


def test_spaced_out_call_to_violence_is_rejected_with_original_offsets():
    text = "Эй, у б е й т е его!"
    result = check(text, "ru")
    assert result.verdict == "reject"
    finding = result.findings[0]
    assert (finding.start, finding.end) == (4, 15)
    assert finding.excerpt == text[finding.start : finding.end] == "у б е й т е"


def test_zero_width_obfuscated_call_excerpt_is_the_original_substring():
    text = "Аны ө\u200bлтү\u200bргүлө!"
    finding = check(text, "ky").findings[0]
    assert finding.excerpt == "ө\u200bлтү\u200bргүлө"
    assert text[finding.start : finding.end] == finding.excerpt


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Убeй eго!", "ru"),
        ("Надо ууубить его.", "ru"),
        ("Ошол баланы сaбaгылa!", "ky"),
        ("Бл*ть, опять контрольная.", "ru"),
        ("н а ш а сатабыз", "ky"),
    ],
)
def test_obfuscated_prohibited_text_is_not_accepted(text, lang):
    assert check(text, lang).verdict != "accept"


def test_preventive_context_lowers_a_mention_to_accept():
    assert check("Баңгизат сатуу кылмыш экенин айттык.", "ky").verdict == "reject"
    text = "Баңгизаттын зыяны тууралуу профилактикалык сабак өттү."
    assert check(text, "ky").verdict == "accept"


def test_explicit_call_is_never_passed_silently_even_in_educational_context():
    text = "Урок профилактики: бейте его, он стукач!"
    result = check(text, "ru")
    assert result.verdict == "review"
    assert [f.rule_id for f in result.findings] == ["violence.call.ru"]


def test_exception_action_accept_still_leaves_calls_at_review(tmp_path):
    checker = _checker(tmp_path, patterns=["бить"], exceptions=["урок"], exception_action="accept")
    assert checker.check("На уроке бейте сильнее.", "ru").verdict == "review"
    assert checker.check("На уроке бьют сильнее.", "ru").verdict == "accept"
    assert checker.check("Они бьют сильнее.", "ru").verdict == "reject"


def test_only_calls_rule_ignores_narrative_forms(tmp_path):
    checker = _checker(tmp_path, patterns=["бить"], only_calls=True)
    assert checker.check("Они били врага.", "ru").verdict == "accept"
    assert checker.check("Бей врага!", "ru").verdict == "reject"


def test_rule_marked_as_call_cannot_be_lowered_to_accept(tmp_path):
    checker = _checker(
        tmp_path,
        patterns=["джихад"],
        call=True,
        exceptions=["урок"],
        exception_action="accept",
    )
    assert checker.check("На уроке: джихад.", "ru").verdict == "review"


def test_exception_outside_the_window_does_not_apply(tmp_path):
    checker = _checker(
        tmp_path, patterns=["наркотик"], exceptions=["урок"], exception_action="accept", window=2
    )
    assert checker.check("Урок. Раз два три четыре наркотики.", "ru").verdict == "reject"
    assert checker.check("Урок про наркотики.", "ru").verdict == "accept"


def test_multiword_pattern_allows_small_gaps_only(tmp_path):
    checker = _checker(tmp_path, patterns=["продать наркотик"], max_gap=1)
    assert checker.check("Продам лучшие наркотики.", "ru").verdict == "reject"
    assert checker.check("Продам машину, не трогаю наркотики.", "ru").verdict == "accept"


def test_verdict_is_the_most_severe_action():
    result = check("Директор ворует деньги, а физрук — идиот.", "ru")
    assert {f.action for f in result.findings} == {"review", "reject"}
    assert result.verdict == "reject"
    assert check("Директор ворует деньги.", "ru").verdict == "review"
    assert check("Директор поблагодарил учителей.", "ru") == CheckResult("accept", [])


def test_results_serialise_to_json():
    result = check("Физрук — идиот.", "ru")
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["verdict"] == "reject"
    finding = data["findings"][0]
    assert set(finding) == {"rule_id", "category", "action", "start", "end", "excerpt", "message"}
    assert set(finding["message"]) == {"ky", "ru"}
    assert isinstance(result.findings[0], Finding)


def test_every_finding_has_messages_in_both_languages():
    result = check("Сени өлтүрөм. Казино! Мугалим акмак.", "ky")
    assert len(result.findings) >= 3
    for finding in result.findings:
        assert finding.message["ky"] and finding.message["ru"]


def test_language_limits_the_rules_and_none_uses_all():
    text = "Аны сабагыла!"
    assert check(text, "ru").verdict == "accept"
    assert check(text, "ky").verdict == "reject"
    assert check(text).verdict == "reject"


def test_language_independent_rules_apply_to_every_language():
    assert check("Бул эмне деген хуйня", "ky").verdict == "reject"
    assert check("1xBet бонус", "ru").verdict == "reject"


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError, match="lang"):
        check("текст", "en")


def test_empty_text_is_accepted():
    assert check("", "ky").verdict == "accept"


def test_english_call_to_join_jihad_is_rejected_in_any_language():
    assert check("Brothers, join the jihad now!", "ky").verdict == "reject"
    assert check("Brothers, join the jihad now!", "ru").verdict == "reject"
