from . import test_portal_support
