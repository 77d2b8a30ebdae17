"""The learned second opinion: how it is trained, how it scores and explains, and that the model
the project ships is the one its training texts give."""

import gzip
import io
import json

import pytest
from django.core.management import CommandError, call_command

from moderation.checker import check, classifier, default_classifier

PROHIBITED = {
    "ky": [
        "Эртең ошол баланы мектептин артында сабап салабыз, баарың келгиле",
        "Мугалимди коркутуп, терезесин таш менен чагып салгыла",
        "Кечинде аны тосуп алып, жакшылап тепкилейбиз",
    ],
    "ru": [
        "Завтра подкараулим его за школой и отметелим как следует",
        "Надо проучить этого учителя, разбить ему окна камнями",
        "Вечером встретим его у подъезда и хорошенько попинаем",
    ],
}
BENIGN = {
    "ky": [
        "Эртең мектептин спорт залында волейбол боюнча мелдеш болот",
        "Мугалимдер күнүнө карата окуучулар концерт даярдашты",
        "Кечинде ата-энелер жыйыны китепканада өтөт",
    ],
    "ru": [
        "Завтра в спортзале школы пройдут соревнования по волейболу",
        "Ко Дню учителя ученики подготовили праздничный концерт",
        "Вечером в библиотеке состоится родительское собрание",
    ],
}


def small_corpus() -> list[dict]:
    rows = []
    for label, texts in (("prohibited", PROHIBITED), ("benign", BENIGN)):
        for lang, items in texts.items():
            for number, text in enumerate(items):
                rows.append(
                    {
                        "id": f"{label}-{lang}-{number}",
                        "lang": lang,
                        "label": label,
                        "category": "violence" if label == "prohibited" else "none",
                        "text": text,
                    }
                )
    return rows


def test_a_model_trained_on_a_few_texts_scores_unseen_threats_above_unseen_school_news():
    model = classifier.Classifier(classifier.train(small_corpus(), threshold=0.0))
    threat = model.score("Подкараулим его завтра после уроков и отметелим", "ru")
    news = model.score("В спортзале школы завтра пройдут соревнования по баскетболу", "ru")
    assert threat.logit > news.logit
    assert threat.category == "violence"


def test_a_flag_marks_the_word_that_weighed_most_and_says_why_in_both_languages():
    model = classifier.Classifier(
        {
            "threshold": 1.0,
            "bias": -2.0,
            "weights": {"w:отметелим": 4.0, "w:его": 0.1},
            "categories": {"violence": {"w:отметелим": 1.0}, "drugs": {"w:закладка": 1.0}},
        }
    )
    text = "Завтра после уроков мы его отметелим."
    finding = model.finding(text, "ru")
    assert finding.action == "review"
    assert finding.category == "violence"
    assert finding.rule_id == "classifier.violence"
    assert text[finding.start : finding.end] == "отметелим" == finding.excerpt
    assert "модератор" in finding.message["ru"] and "модератору" in finding.message["ky"]
    assert model.finding("Завтра после уроков мы его поздравим.", "ru") is None


def test_obfuscation_does_not_hide_words_from_the_model():
    model = classifier.Classifier(
        {
            "threshold": 1.0,
            "bias": -2.0,
            "weights": {"w:отметелим": 4.0},
            "categories": {"violence": {}},
        }
    )
    assert (
        model.score("его о т м е т е л и м", "ru").logit == model.score("его отметелим", "ru").logit
    )
    assert model.score("его oтмeтeлим", "ru").logit == model.score("его отметелим", "ru").logit


def test_the_command_trains_a_model_with_a_cross_validated_threshold(tmp_path):
    rows = small_corpus() * 9  # the command asks for at least 100 texts
    data = tmp_path / "data"
    data.mkdir()
    (data / "train_small.jsonl").write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )
    output = tmp_path / "model.json.gz"
    out = io.StringIO()
    call_command("train_classifier", "--data", str(data), "--output", str(output), stdout=out)
    assert "cross-validation, review at score" in out.getvalue()
    assert "cross-validation, reject at score" in out.getvalue()
    model = classifier.Classifier.load(output)
    assert model.digest == classifier.training_digest(data)
    assert model.finding("Вечером встретим его у подъезда и хорошенько попинаем", "ru")


def test_the_command_refuses_bad_training_files(tmp_path):
    (tmp_path / "train_bad.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    with pytest.raises(CommandError, match="label"):
        call_command("train_classifier", "--data", str(tmp_path), stdout=io.StringIO())
    with pytest.raises(CommandError, match="false-alarms"):
        call_command("train_classifier", "--false-alarms", "0.7", stdout=io.StringIO())


def test_the_shipped_model_is_trained_on_the_shipped_training_texts():
    with gzip.open(classifier.MODEL_PATH, "rt", encoding="utf-8") as handle:
        model = json.load(handle)
    assert model["training_digest"] == classifier.training_digest(), (
        "moderation/data/train_*.jsonl changed: run `manage.py train_classifier`"
    )
    assert model["trained_on"] == len(classifier.read_training())
    assert default_classifier() is not None


def test_the_rules_decide_first_and_the_model_only_adds_a_review():
    rejected = check("Давайте побьём этого учителя, пусть знает своё место.", "ru")
    assert rejected.verdict == "reject"
    assert not any(f.rule_id.startswith("classifier.") for f in rejected.findings)
    news = check("В субботу в школе прошёл день открытых дверей для будущих первоклассников.", "ru")
    assert news.verdict == "accept"
