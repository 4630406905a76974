from . import (
    test_lock_exemptions,
    test_portal_rating,
    test_queue_order,
    test_signature,
    test_signature_in_copy,
    test_sla,
    test_technician_desk,
)
