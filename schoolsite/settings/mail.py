"""Outgoing e-mail from the environment: invitations to set a password, breach reports,
rejection notices and error reports all depend on it.

Either one address, `EMAIL_URL`:
    smtp://user:password@mail.example.kg:587   (STARTTLS, the usual submission port)
    smtps://user:password@mail.example.kg:465  (TLS from the first byte)
    smtp://127.0.0.1:25                        (a local relay, no sign-in)
    console://                                 (print e-mails instead of sending them)
or Django's own variables: `EMAIL_HOST`, `EMAIL_PORT`, `EMAIL_HOST_USER`,
`EMAIL_HOST_PASSWORD`, `EMAIL_USE_TLS`, `EMAIL_USE_SSL`. `DEFAULT_FROM_EMAIL` is the sender.
User names and passwords in the address are percent-encoded (`@` is `%40`).
"""

from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SMTP = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE = "django.core.mail.backends.console.EmailBackend"
TRUE = {"1", "true", "yes", "on"}


def email_settings(environ) -> dict:
    url = environ.get("EMAIL_URL", "").strip()
    if url:
        values = from_url(url)
    else:
        values = {
            "EMAIL_BACKEND": SMTP,
            "EMAIL_HOST": environ.get("EMAIL_HOST", "localhost"),
            "EMAIL_PORT": port(environ.get("EMAIL_PORT", "25")),
            "EMAIL_HOST_USER": environ.get("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": environ.get("EMAIL_HOST_PASSWORD", ""),
            "EMAIL_USE_TLS": environ.get("EMAIL_USE_TLS", "").strip().lower() in TRUE,
            "EMAIL_USE_SSL": environ.get("EMAIL_USE_SSL", "").strip().lower() in TRUE,
        }
    if values.get("EMAIL_USE_TLS") and values.get("EMAIL_USE_SSL"):
        raise ImproperlyConfigured("Set only one of EMAIL_USE_TLS and EMAIL_USE_SSL.")
    values["DEFAULT_FROM_EMAIL"] = environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
    return values


def from_url(url: str) -> dict:
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": CONSOLE}
    if parts.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(
            "EMAIL_URL must start with smtp://, smtps:// or console://, "
            f"not {parts.scheme or '(nothing)'}://."
        )
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL has no host name, e.g. smtp://mail.example.kg:587.")
    secure = parts.scheme == "smtps"
    try:
        given_port = parts.port
    except ValueError as error:
        raise ImproperlyConfigured(f"EMAIL_URL has an invalid port: {error}.") from error
    chosen_port = given_port or (465 if secure else 25)
    return {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": chosen_port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": secure,
        # The submission port speaks STARTTLS; a relay on port 25 may not.
        "EMAIL_USE_TLS": not secure and chosen_port == 587,
    }


def port(value: str) -> int:
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"EMAIL_PORT must be a number, not {value!r}.") from error
