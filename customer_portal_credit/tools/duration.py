"""Hours as customers read them."""


def format_hours(hours):
    """'3 h 30', '10 h', '0 h 45', '-1 h 15' for a number of hours."""
    sign = "-" if hours < 0 else ""
    minutes = round(abs(hours) * 60)
    whole, rest = divmod(minutes, 60)
    return f"{sign}{whole} h {rest:02d}" if rest else f"{sign}{whole} h"
