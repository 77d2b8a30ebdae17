"""Abuse resistance for the forms visitors send (writing to the school, reporting a page),
without any third-party service: no CAPTCHA, no external script, nothing a parent must solve.

Four checks, each refusing with a message the visitor can act on while the form keeps what they
typed:

- a honeypot field that people never see and fill, but form-filling robots do;
- a signed time token rendered with the form: a form sent back sooner than a person could fill
  it, or one whose token is missing, forged or more than a day old, is refused;
- rate limits per visitor address and per school, counted in the shared cache in fixed windows.
  The address is never stored: the counter's key is a hash of the address with a salt that
  changes every day;
- field sizes, which the forms themselves declare (``max_length``).

The prohibited-content checker reads the accepted texts afterwards; that is the forms' business.
"""

import hashlib
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from accounts.lockout import client_ip

TOKEN_SALT = "mektep.visitor-form"
TOKEN_MAX_AGE = 24 * 60 * 60

# Defaults per kind of form: (submissions, window in seconds) per address and per school.
DEFAULT_LIMITS = {
    "feedback": {"address": (5, 60 * 60), "school": (200, 24 * 60 * 60)},
    "report": {"address": (10, 60 * 60), "school": (300, 24 * 60 * 60)},
}

HONEYPOT_MESSAGE = _(
    "The message was not sent: a field meant to stay empty was filled in. If you use a "
    "form-filling extension, turn it off for this page and send the form again."
)
TOO_FAST_MESSAGE = _(
    "The form was sent a few seconds after it opened, faster than a person fills it. Check what "
    "you wrote and send it again."
)
TOKEN_MESSAGE = _(
    "The form has expired or was not opened on this site. Everything you typed is still here: "
    "send it again."
)
ADDRESS_LIMIT_MESSAGE = _(
    "Too many messages have been sent from your connection in a short time. Please try again in "
    "an hour; what you typed is kept below."
)
SCHOOL_LIMIT_MESSAGE = _(
    "The school has received an unusually large number of messages today and accepts no more "
    "until tomorrow. Please try again later or telephone the school."
)


def limits(kind: str) -> dict[str, tuple[int, int]]:
    configured = getattr(settings, "MEKTEP_VISITOR_LIMITS", {}) or {}
    return {**DEFAULT_LIMITS[kind], **configured.get(kind, {})}


def token_issued_seconds_ago(seconds: float = 0) -> str:
    """A time token as if the form had been rendered ``seconds`` ago."""
    return signing.Signer(salt=TOKEN_SALT).sign(f"{time.time() - seconds:.3f}")


def address_hash(request) -> str:
    """A hash of the visitor's address that cannot be traced back after the day is over."""
    day = time.strftime("%Y-%m-%d", time.gmtime())
    material = f"{settings.SECRET_KEY}|{day}|{client_ip(request)}"
    return hashlib.sha256(material.encode()).hexdigest()[:32]


class Counter:
    """Submissions in the current fixed window of ``window`` seconds, in the shared cache."""

    def __init__(self, key: str, window: int):
        self.window = window
        self.key = f"mektep:visitor-limit:{key}:{int(time.time() // window)}"

    def count(self) -> int:
        return cache.get(self.key, 0)

    def add(self) -> None:
        # add() creates the entry only if it is missing; incr() is atomic on Redis and good
        # enough on the file cache (a lost increment lets one more message through).
        if not cache.add(self.key, 1, self.window):
            try:
                cache.incr(self.key)
            except ValueError:  # expired between the two calls
                cache.add(self.key, 1, self.window)


class GuardedForm(forms.Form):
    """A visitor's form with the honeypot, the time token and the rate limits.

    Subclasses set ``guard_kind``. ``is_valid()`` is False with a non-field error when a check
    refuses; ``refused`` is then True (store nothing) and ``status_code`` is the status to
    answer with. Call ``record_accepted()`` after storing an accepted submission.
    """

    guard_kind = "feedback"

    # Named like a field people expect, so that robots fill it; hidden from people (see
    # templates/includes/guard_fields.html).
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, request, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.site = site
        self.refused = False
        self.status_code = 200

    def counters(self) -> list[tuple[Counter, int, str]]:
        kind = limits(self.guard_kind)
        per_address, address_window = kind["address"]
        per_school, school_window = kind["school"]
        address = f"{self.guard_kind}:address:{address_hash(self.request)}"
        school = f"{self.guard_kind}:school:{self.site.pk if self.site else 0}"
        return [
            (Counter(address, address_window), per_address, ADDRESS_LIMIT_MESSAGE),
            (Counter(school, school_window), per_school, SCHOOL_LIMIT_MESSAGE),
        ]

    def refuse(self, message, status: int = 200):
        self.refused = True
        self.status_code = status
        raise forms.ValidationError(message)

    def clean(self):
        cleaned = super().clean()
        if self.data.get(self.add_prefix("website"), ""):
            self.refuse(HONEYPOT_MESSAGE)
        token = self.data.get(self.add_prefix("form_token"), "")
        try:
            issued = float(signing.Signer(salt=TOKEN_SALT).unsign(token))
        except (signing.BadSignature, ValueError, TypeError):
            self.refuse(TOKEN_MESSAGE)
        age = time.time() - issued
        if not age < TOKEN_MAX_AGE:  # also refuses a NaN
            self.refuse(TOKEN_MESSAGE)
        if age < settings.MEKTEP_VISITOR_MIN_FILL_SECONDS:
            self.refuse(TOO_FAST_MESSAGE)
        for counter, limit, message in self.counters():
            if counter.count() >= limit:
                self.refuse(message, status=429)
        return cleaned

    def record_accepted(self) -> None:
        for counter, _limit, _message in self.counters():
            counter.add()

    def fresh_token(self) -> str:
        """The token the re-rendered form carries: a new one each time it is shown."""
        return token_issued_seconds_ago(0)
