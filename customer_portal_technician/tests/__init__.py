from . import test_lock_exemptions, test_signature, test_sla, test_technician_desk
