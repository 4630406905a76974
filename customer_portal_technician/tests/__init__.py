from . import test_signature, test_sla, test_technician_desk
