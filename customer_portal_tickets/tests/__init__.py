from . import (
    test_document_links,
    test_form_input,
    test_form_resend,
    test_portal_support,
    test_portal_ticket_list,
    test_ticket_access,
    test_ticket_lifecycle,
    test_ticket_pages,
    test_ticket_rules,
)
