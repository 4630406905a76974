from . import duration
