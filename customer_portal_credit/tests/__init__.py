from . import test_service_credit, test_service_credit_portal
