"""Phone numbers as links a phone can call."""


def tel_uri(number: str) -> str:
    """The number as a tel: link target, digits and a leading plus only."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return f"tel:+{digits}" if number.strip().startswith("+") else f"tel:{digits}"
