from . import (
    test_access_code,
    test_error_answers,
    test_portal_home,
    test_portal_invoices,
    test_portal_orders,
    test_portal_subscriptions,
    test_sepa_mandate,
    test_star_level,
)
