"""Numbers from URLs and forms, as the portal routes of the suite read them: anything
else (letters, NUL bytes, digits of other scripts such as "²", huge numbers) is no
number, never an error."""

import re

DIGITS = re.compile(r"[0-9]{1,9}")


def to_id(value):
    """A positive database id from a URL or form value, or None."""
    value = str(value if value is not None else "").strip()
    return int(value) if DIGITS.fullmatch(value) and int(value) > 0 else None


def to_page(value):
    """A page number from a URL or form value; 1 when it is none."""
    return to_id(value) or 1
