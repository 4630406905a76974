from . import (
    test_document_links,
    test_portal_support,
    test_portal_ticket_list,
    test_ticket_access,
    test_ticket_lifecycle,
)
