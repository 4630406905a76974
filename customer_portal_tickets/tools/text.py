"""What customers type, made safe to store and search."""

import re

# NUL and the other C0 control characters except tab, line feed and carriage return, plus
# DEL. PostgreSQL refuses NUL in any text; the others have no business in a form field.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value):
    """``value`` as a string without control characters; None and False give ''."""
    if value is None or value is False:
        return ""
    return CONTROL_CHARACTERS.sub("", str(value))
