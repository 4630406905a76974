from . import test_portal_support, test_ticket_lifecycle
