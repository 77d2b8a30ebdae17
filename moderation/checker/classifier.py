"""A learned second opinion on texts the rules let through.

The rules name what they find; they only know the words and constructions someone wrote down.
This model has read many more texts (``moderation/data/train_*.jsonl``, written for the project
in both languages: prohibited ones, benign ones that share their vocabulary, ordinary school
texts) and scores how much a new text resembles the prohibited ones. Above its threshold it adds
a ``review`` finding, so a doubtful text waits for a content moderator, with the word that
weighed most marked and the kind of content it resembles named. Only a text it is so sure of
that cross-validation found almost no benign text as close (``reject_threshold``) is rejected,
with what to rewrite and whom to ask.

The model is a logistic regression over features of the normalised text (the checker's own
normaliser, so obfuscation does not hide words): each distinct word, and the character 3- to
5-grams of each word with its boundaries, which carry Kyrgyz and Russian stems and endings
alike. One-vs-rest models over the prohibited training texts name the category. Both are
trained in plain Python by ``manage.py train_classifier`` and stored as weights in
``moderation/data/classifier.json.gz``; scoring a text is a dictionary look-up per feature,
cached per word.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .normalize import normalize, tokens
from .result import Finding
from .rules import CATEGORIES

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MODEL_PATH = DATA_DIR / "classifier.json.gz"
TRAINING_GLOB = "train_*.jsonl"
RULE_PREFIX = "classifier"
# Shorter texts (a name, a position, a title) say too little to be judged by resemblance; the
# rules still check them. Words glued together count by their letters.
MIN_WORDS = 6
MIN_LETTERS = 40
NGRAMS = (3, 4, 5)

MESSAGES = {
    "ky": (
        "Текст тыюу салынган мазмунга ({category}) окшош, бирок автоматтык эрежелер аны так "
        "аныктай алган жок. Аны мазмун модератору карап чыгат. Белгиленген сөздөрдү текшериңиз: "
        "эгер алар чакырык, коркутуу же кемсинтүү болсо, аларды алып салыңыз."
    ),
    "ru": (
        "Текст похож на запрещённое содержимое ({category}), но автоматические правила не "
        "смогли определить это точно. Его посмотрит модератор контента. Проверьте отмеченные "
        "слова: если это призыв, угроза или оскорбление, уберите их."
    ),
}
REJECT_MESSAGES = {
    "ky": (
        "Текст тыюу салынган мазмунга ({category}) өтө окшош. Белгиленген сөздү жана анын "
        "айланасын кайра жазыңыз: мектептин сайтында чакырык, коркутуу, кемсинтүү же жарнама "
        "болбошу керек. Текст туура деп ойлосоңуз, мазмун модераторуна кайрылыңыз."
    ),
    "ru": (
        "Текст очень похож на запрещённое содержимое ({category}). Перепишите отмеченное слово "
        "и текст вокруг него: на сайте школы не может быть призывов, угроз, оскорблений или "
        "рекламы. Если вы считаете текст допустимым, обратитесь к модератору контента."
    ),
}
CATEGORY_NAMES = {
    "violence": ("зомбулук же коркутуу", "насилие или угрозы"),
    "extremism": ("экстремизм", "экстремизм"),
    "strife": ("улуттук же диний кастык", "межнациональная или религиозная рознь"),
    "social_status": ("басмырлоо", "дискриминация"),
    "defamation": ("жалаа же кордоо", "клевета или оскорбление"),
    "unrelated": ("жарнама же тиешеси жок мазмун", "реклама или посторонний материал"),
    "drugs": ("баңгизат же алкоголь", "наркотики или алкоголь"),
    "suicide": ("өз жанын кыюу", "суицид"),
    "obscenity": ("одоно сөздөр", "нецензурная лексика"),
}


def words_of(text: str) -> list[tuple[str, int, int]]:
    """The normalised words of ``text`` with their spans in the original text."""
    norm = normalize(text)
    out = []
    for word, start, end in tokens(norm.text):
        if any(ch.isalpha() for ch in word):
            out.append((word, *norm.original_span(start, end)))
    return out


def word_features(word: str) -> list[str]:
    padded = f" {word} "
    grams = [f"w:{word}"]
    for n in NGRAMS:
        grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


def features(words: Iterable[str], lang: str | None) -> list[str]:
    """The features of a text: those of each distinct word (a feature two words share counts
    twice), and its language."""
    found: list[str] = []
    for word in dict.fromkeys(words):
        found.extend(word_features(word))
    if lang:
        found.append(f"lang:{lang}")
    return found


def text_features(text: str, lang: str | None) -> list[str]:
    return features((word for word, _, _ in words_of(text)), lang)


# Training -----------------------------------------------------------------------------------


def read_training(directory: Path = DATA_DIR) -> list[dict]:
    rows = []
    for path in sorted(directory.glob(TRAINING_GLOB)):
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                row = json.loads(line)
                if row.get("label") not in ("prohibited", "benign") or not row.get("text"):
                    raise ValueError(f"{path.name}:{number}: expected a label and a text")
                rows.append(row)
    return rows


def training_digest(directory: Path = DATA_DIR) -> str:
    digest = hashlib.sha256()
    for path in sorted(directory.glob(TRAINING_GLOB)):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    if x > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-x))


# Chosen by five-fold cross-validation on the training texts (3,490 of them): prohibited texts
# flagged when 1 % / 2 % of benign ones are. 3 passes at step 0.2 without much weight decay:
# 1,066 / 1,243 of 1,517; 5 passes at 0.1, decay 1e-4: 1,194 / 1,320; 10 passes at 0.05,
# decay 1e-2: 1,193 / 1,348. Strong decay also keeps single words from deciding alone, which
# matters for short texts such as a school's name.
EPOCHS = 10
RATE = 0.05
L2 = 1e-2


def train_binary(
    samples: Sequence[tuple[list[str], int]],
    epochs: int = EPOCHS,
    rate: float = RATE,
    l2: float = L2,
) -> tuple[float, dict[str, float]]:
    """Logistic regression by stochastic gradient descent with AdaGrad step sizes."""
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias, bias_square = 0.0, 1e-8
    order = list(range(len(samples)))
    rng = random.Random(20261130)
    # Classes are weighted so that each counts as much as the other.
    positives = sum(label for _, label in samples) or 1
    negatives = (len(samples) - positives) or 1
    class_weight = {1: len(samples) / (2 * positives), 0: len(samples) / (2 * negatives)}
    for _ in range(epochs):
        rng.shuffle(order)
        for index in order:
            feats, label = samples[index]
            score = bias + sum(weights.get(f, 0.0) for f in feats)
            error = (_sigmoid(score) - label) * class_weight[label]
            bias_square += error * error
            bias -= rate * error / math.sqrt(bias_square)
            for f in feats:
                w = weights.get(f, 0.0)
                gradient = error + l2 * w
                squares[f] = squares.get(f, 1e-8) + gradient * gradient
                weights[f] = w - rate * gradient / math.sqrt(squares[f])
    return bias, weights


def train_categories(
    samples: Sequence[tuple[list[str], str]], epochs: int = EPOCHS, rate: float = RATE
) -> dict[str, dict[str, float]]:
    """One-vs-rest logistic models that name the category of a prohibited text."""
    models = {}
    for category in CATEGORIES:
        bias, weights = train_binary(
            [(feats, int(label == category)) for feats, label in samples], epochs, rate
        )
        weights["__bias__"] = bias
        models[category] = weights
    return models


def _rounded(weights: dict[str, float], keep: float) -> dict[str, float]:
    return {f: round(w, 4) for f, w in weights.items() if abs(w) >= keep}


def train(rows: Sequence[dict], threshold: float, directory: Path = DATA_DIR) -> dict:
    binary = [(text_features(r["text"], r["lang"]), int(r["label"] == "prohibited")) for r in rows]
    bias, weights = train_binary(binary)
    prohibited = [
        (feats, row["category"])
        for (feats, label), row in zip(binary, rows, strict=True)
        if label and row["category"] in CATEGORIES
    ]
    categories = train_categories(prohibited)
    return {
        "version": 1,
        "threshold": threshold,
        "bias": bias,
        "weights": _rounded(weights, 0.002),
        "categories": {c: _rounded(w, 0.01) for c, w in categories.items()},
        "trained_on": len(rows),
        "training_digest": training_digest(directory),
    }


def save(model: dict, path: Path = MODEL_PATH) -> None:
    payload = json.dumps(model, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write(payload)


# Scoring ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Score:
    logit: float
    category: str
    marked: tuple[int, int]

    @property
    def probability(self) -> float:
        return _sigmoid(self.logit)


class Classifier:
    def __init__(self, model: dict):
        self.threshold = float(model["threshold"])
        self.reject_threshold = float(model.get("reject_threshold", float("inf")))
        self.bias = float(model["bias"])
        self.weights: dict[str, float] = model["weights"]
        self.categories: dict[str, dict[str, float]] = model["categories"]
        self.digest = model.get("training_digest", "")
        self._weight_of = lru_cache(maxsize=1 << 16)(self._word_weight)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Classifier:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return cls(json.load(handle))

    def _word_weight(self, word: str) -> float:
        weights = self.weights
        return sum(weights.get(f, 0.0) for f in word_features(word))

    def score(self, text: str, lang: str | None) -> Score:
        words = words_of(text)
        if len(words) < MIN_WORDS and sum(len(word) for word, _, _ in words) < MIN_LETTERS:
            return Score(float("-inf"), "", (0, 0))
        contributions = {word: self._weight_of(word) for word, _, _ in words}
        total = self.bias + sum(contributions.values())
        if lang:
            total += self.weights.get(f"lang:{lang}", 0.0)
        if total < self.threshold or not contributions:
            return Score(total, "", (0, 0))
        feats = features(contributions, lang)
        category = max(
            self.categories,
            key=lambda c: (
                self.categories[c].get("__bias__", 0.0)
                + sum(self.categories[c].get(f, 0.0) for f in feats)
            ),
        )
        strongest = max(contributions, key=contributions.__getitem__)
        marked = next((s, e) for w, s, e in words if w == strongest)
        return Score(total, category, marked)

    def finding(self, text: str, lang: str | None) -> Finding | None:
        """A ``review`` finding if ``text`` resembles prohibited content, ``reject`` if it
        resembles it so closely that cross-validation found almost no benign text as close;
        else ``None``."""
        score = self.score(text, lang)
        if not score.category:
            return None
        rejected = score.logit >= self.reject_threshold
        start, end = score.marked
        ky_name, ru_name = CATEGORY_NAMES[score.category]
        return Finding(
            rule_id=f"{RULE_PREFIX}.{score.category}",
            category=score.category,
            action="reject" if rejected else "review",
            start=start,
            end=end,
            excerpt=text[start:end],
            message={
                lang: (REJECT_MESSAGES if rejected else MESSAGES)[lang].format(category=name)
                for lang, name in (("ky", ky_name), ("ru", ru_name))
            },
        )
