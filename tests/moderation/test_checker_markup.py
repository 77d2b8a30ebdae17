"""Rich text reaches the checker as HTML; its tags must neither create findings nor hide them."""

import pytest

from moderation.checker import check

ASK_TO_CORRECT = (
    "Мектептен сиз тууралуу эмне сакталып турганын сурап, аны оңдоону же өчүрүүнү талап кыла "
    "аласыз."
)


@pytest.mark.parametrize(
    "html",
    [
        f"<p>{ASK_TO_CORRECT}</p>",
        f'<h2>Укуктарыңыз</h2><p data-block-key="x1">{ASK_TO_CORRECT}</p>',
        f"<ul><li>{ASK_TO_CORRECT}</li></ul>",
        f"<p>{ASK_TO_CORRECT.replace(' ', '&nbsp;', 1)}</p>",
    ],
)
def test_a_sentence_in_markup_is_judged_like_the_plain_sentence(html):
    assert check(ASK_TO_CORRECT, "ky").verdict == "accept"
    assert check(html, "ky").verdict == "accept"


@pytest.mark.parametrize(
    "html",
    [
        "<p>Директорубуз пара алат.</p>",
        "<p>Директорубуз <b>пара</b> алат.</p>",
        '<p>Директорубуз <a href="/x/">пара алат</a>.</p>',
    ],
)
def test_an_accusation_in_markup_is_still_found_at_its_place_in_the_stored_text(html):
    plain = check("Директорубуз пара алат.", "ky")
    assert plain.verdict == "reject"
    result = check(html, "ky")
    assert result.verdict == plain.verdict
    finding = result.findings[0]
    # Offsets point into the text as stored, tags included: the queue highlights by them.
    assert html[finding.start : finding.end].startswith("Директорубуз")
