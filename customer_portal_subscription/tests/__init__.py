from . import test_star_level
