from . import test_remote_ids, test_remote_in_copy, test_remote_page, test_remote_sessions
