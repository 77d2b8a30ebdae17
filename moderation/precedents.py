"""Learning from moderators: every decision is kept, and texts like ones sent back are flagged.

Wikipedia's AbuseFilter works in three steps: log, tag, then disallow. Here each moderator's
decision is logged with the flags and texts it was about (:func:`record_decision`); a later
text of the same school that still contains, nearly unchanged, a passage a moderator sent back
is tagged for a moderator again, citing that decision (:func:`precedent_findings`). A human
already judged nearly the same words, so the finding asks for a review and does not reject.

Near-duplicates are found with character shingles: the text is stripped of markup, normalised
with the checker's own normaliser (case, look-alike letters, spacing tricks) and cut into
overlapping 5-character pieces. A passage counts as repeated when at least
:data:`THRESHOLD` of its pieces occur in the new text (containment), so an editor who adds to
the text or changes a word or two is caught, and one who removed the passage is not.

Only the school's own decisions are read, with one query per review.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache

from django.utils.formats import date_format
from django.utils.timezone import localtime

from .checker.normalize import normalize, tokens

CATEGORY = "precedent"
RULE_ID = "precedent.sent_back"
SHINGLE = 5
THRESHOLD = 0.8
# A passage shorter than this many shingles (about 20 characters) says too little to compare.
MIN_SHINGLES = 16
# A flagged word's sentence is widened with its neighbours until it is this long.
MIN_PASSAGE_CHARS = 60
MAX_PASSAGE_CHARS = 600
# The newest decisions sent back that are compared; a school has few.
MAX_DECISIONS = 500
MAX_CITED_PER_TEXT = 3

_BOUNDARY = re.compile(
    r"(?<=[.!?…])[\"»”)]*\s+|<(?:/?(?:p|h\d|li|ul|ol|div|blockquote)|br\s*/?)[^>]*>|\n+",
    re.IGNORECASE,
)

_TAG = re.compile(r"<[^>]*>")


# Shingles ----------------------------------------------------------------------------------


def plain_text(text: str) -> str:
    """``text`` without markup, its entities decoded and its spaces collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def canonical(text: str) -> str:
    """The words of ``text`` without markup, normalised, separated by single spaces."""
    plain = plain_text(text)
    return " ".join(word for word, _start, _end in tokens(normalize(plain).text))


def shingles(text: str) -> frozenset[str]:
    """The 5-character pieces of ``text``'s canonical form."""
    words = canonical(text)
    if len(words) <= SHINGLE:
        return frozenset({words}) if words else frozenset()
    return frozenset(words[i : i + SHINGLE] for i in range(len(words) - SHINGLE + 1))


@lru_cache(maxsize=4096)
def passage_shingles(passage_text: str) -> frozenset[str]:
    """Shingles of a passage sent back (at most MAX_PASSAGE_CHARS long), cached: the same
    passages are compared again at every review."""
    return shingles(passage_text)


def containment(part: frozenset[str], whole: frozenset[str]) -> float:
    """The share of ``part``'s shingles that occur in ``whole``."""
    return len(part & whole) / len(part) if part else 0.0


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


# Passages ----------------------------------------------------------------------------------


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence or block of ``text`` (markup between them left out)."""
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for begin, end in spans:
        piece = text[begin:end]
        stripped = piece.strip()
        if stripped and plain_text(stripped):
            lead = len(piece) - len(piece.lstrip())
            out.append((begin + lead, begin + lead + len(stripped)))
    return out


def passage(text: str, start: int, end: int) -> str:
    """The sentence(s) of ``text`` around ``[start, end)``, at least MIN_PASSAGE_CHARS long."""
    spans = sentences(text)
    if not spans:
        return ""
    if start >= end:
        return plain_text(text)[:MAX_PASSAGE_CHARS]
    inside = [i for i, (s, e) in enumerate(spans) if s < end and e > start]
    first, last = (inside[0], inside[-1]) if inside else (0, 0)

    def plain(a: int, b: int) -> str:
        return plain_text(text[spans[a][0] : spans[b][1]])

    while len(plain(first, last)) < MIN_PASSAGE_CHARS and (first > 0 or last < len(spans) - 1):
        if last < len(spans) - 1:
            last += 1
        if len(plain(first, last)) < MIN_PASSAGE_CHARS and first > 0:
            first -= 1
    return plain(first, last)[:MAX_PASSAGE_CHARS]


# Recording decisions -----------------------------------------------------------------------


def record_decision(task_state, user, decision: str, comment: str = ""):
    """Keep a moderator's decision on ``task_state`` with its flags and the texts judged.

    Called from ``ModeratorReviewTask.on_action``, which both the moderation queue and Wagtail's
    workflow actions use; a task state is recorded once, whichever door came first.
    """
    from django.contrib.contenttypes.models import ContentType

    from .content import collect_texts
    from .facts import site_of
    from .models import ModerationDecision, latest_check

    if task_state.status not in (task_state.STATUS_APPROVED, task_state.STATUS_REJECTED):
        return None  # the action did not decide anything
    if ModerationDecision.objects.filter(task_state=task_state).exists():
        return None
    workflow_state = task_state.workflow_state
    revision = task_state.revision
    obj = revision.as_object() if revision is not None else workflow_state.content_object
    check = latest_check(workflow_state)
    flags = check.flags if check else []
    base_type = workflow_state.base_content_type or ContentType.objects.get_for_model(obj)
    return ModerationDecision.objects.create(
        site=site_of(obj),
        content_type=base_type,
        object_id=str(workflow_state.object_id),
        object_title=str(obj)[:255],
        revision=revision,
        task_state=task_state,
        moderator=user if getattr(user, "pk", None) else None,
        decision=decision,
        comment=comment,
        findings=[
            {
                "rule_id": flag["rule_id"],
                "category": flag["category"],
                "action": flag["action"],
                "location": flag.get("location", ""),
                "lang": flag.get("lang", ""),
                "start": flag.get("start", 0),
                "end": flag.get("end", 0),
                "excerpt": flag.get("excerpt", ""),
                "passage": passage(flag.get("text", ""), flag.get("start", 0), flag.get("end", 0)),
            }
            for flag in flags
        ],
        texts=[
            {"location": text.location, "lang": text.lang, "text": text.text}
            for text in collect_texts(obj)
        ],
    )


# Finding precedents ------------------------------------------------------------------------


class _Passage:
    __slots__ = ("decision", "lang", "shingles")

    def __init__(self, decision, lang: str, text: str):
        self.decision = decision
        self.lang = lang
        self.shingles = passage_shingles(text)


def sent_back_passages(site_id: int) -> list[_Passage]:
    """The flagged passages of the school's decisions sent back, newest first (one query)."""
    from .models import ModerationDecision

    decisions = (
        ModerationDecision.objects.filter(site_id=site_id, decision=ModerationDecision.REJECT)
        .only("pk", "decided_at", "comment", "object_title", "findings")
        .order_by("-decided_at", "-pk")[:MAX_DECISIONS]
    )
    out, seen = [], set()
    for decision in decisions:
        for finding in decision.findings:
            key = (decision.pk, finding.get("lang", ""), finding.get("passage", ""))
            if key in seen or not finding.get("passage"):
                continue
            seen.add(key)
            candidate = _Passage(decision, finding.get("lang", ""), finding["passage"])
            if len(candidate.shingles) >= MIN_SHINGLES:
                out.append(candidate)
    return out


def best_sentence(text: str, target: frozenset[str]) -> tuple[int, int]:
    """The span of the sentence of ``text`` that shares most shingles with ``target``."""
    best, best_overlap = (0, 0), 0
    for start, end in sentences(text):
        if "<" in text[start:end]:
            continue  # keep markup out of the highlighted span
        overlap = len(shingles(text[start:end]) & target)
        if overlap > best_overlap:
            best, best_overlap = (start, end), overlap
    return best


def precedent_message(decision) -> dict[str, str]:
    date = date_format(localtime(decision.decided_at), "d.m.Y")
    title = decision.object_title
    comment = " ".join(decision.comment.split())
    ky_comment = (
        f"Модератордун комментарийи: «{comment}»."
        if comment
        else "Модератор комментарий калтырган эмес."
    )
    ru_comment = (
        f"Комментарий модератора: «{comment}»." if comment else "Комментария модератор не оставил."
    )
    return {
        "ky": f"Бул текст модератор {date} оңдоого кайтарган текстке дээрлик окшош "
        f"(чечим №{decision.pk}, «{title}»). {ky_comment} "
        "Ошол эскертүү эске алынганын текшериңиз.",
        "ru": f"Этот текст почти совпадает с текстом, который модератор {date} вернул на "
        f"доработку (решение №{decision.pk}, «{title}»). {ru_comment} "
        "Проверьте, учтено ли замечание.",
    }


def precedent_findings(texts: Iterable, facts) -> list:
    """A ``review`` finding for each text that repeats a passage the school's moderators sent
    back, citing the decision. ``facts.site_id`` scopes it to the school; without it, none."""
    site_id = getattr(facts, "site_id", None)
    texts = list(texts)
    if site_id is None or not texts:
        return []
    from .review import ReviewFinding

    passages = sent_back_passages(site_id)
    if not passages:
        return []
    findings = []
    for text_field in texts:
        text_shingles = shingles(text_field.text)
        if not text_shingles:
            continue
        cited: dict[int, tuple[float, _Passage]] = {}
        for candidate in passages:
            if candidate.lang and candidate.lang != text_field.lang:
                continue
            score = containment(candidate.shingles, text_shingles)
            pk = candidate.decision.pk
            if score >= THRESHOLD and score > cited.get(pk, (0.0, None))[0]:
                cited[pk] = (score, candidate)
        ranked = sorted(cited.values(), key=lambda item: -item[0])[:MAX_CITED_PER_TEXT]
        for _score, candidate in ranked:
            start, end = best_sentence(text_field.text, candidate.shingles)
            excerpt = text_field.text[start:end]
            if start >= end:
                excerpt = plain_text(text_field.text)[:200]
            findings.append(
                ReviewFinding(
                    location=text_field.location,
                    lang=text_field.lang,
                    rule_id=RULE_ID,
                    category=CATEGORY,
                    action="review",
                    start=start,
                    end=end,
                    excerpt=excerpt,
                    message=precedent_message(candidate.decision),
                    text=text_field.text,
                )
            )
    return findings
