"""OCA's own test suites of the OCA modules we install, run by ``make test`` against our
test database (scripts/run-tests.sh), with the differences we intend.

As a pytest plugin (``pytest -p oca_suites``, this folder on PYTHONPATH) it:

- collects the OCA tests as Odoo's test runner does (``odoo.tests.loader``): only the
  test classes a test module defines (not those it imports: helpdesk_mgmt's test_js
  imports web's ``WebSuite``, helpdesk_mgmt_sla's imports its ``common`` class), and
  only the test methods a class defines (not those it inherits: helpdesk_mgmt_sla's
  classes inherit all of helpdesk_mgmt's ticket tests, helpdesk_mgmt's JS class all of
  ``WebSuite``'s). pytest collects those too, and they fail with or without our addons;
- marks each intended difference ``xfail(strict=True)``, with its reason: it must fail
  (a difference that no longer shows fails the run, so that the list stays true), and
  any other failure of an OCA test fails the run.

Run as a script, it prints the test folders of those modules, one a line, for pytest.
"""

import importlib.util
import pathlib
import sys

OCA_MODULES = (
    "helpdesk_mgmt",
    "helpdesk_mgmt_project",
    "helpdesk_mgmt_rating",
    "helpdesk_mgmt_sla",
    "helpdesk_mgmt_timesheet",
    "project_timesheet_time_control",
    "subscription_oca",
)

_FORMS = (
    "helpdesk_mgmt's /new/ticket and /submitted/ticket are redirected to our portal forms "
    "(/my/support), which ask what the customer needs (incident, service, administrative) "
    "and apply the customer's rules"
)
# (module, test class, test method): why our addons change what the OCA test checks.
INTENDED = {
    ("helpdesk_mgmt", "TestHelpdeskPortal", "test_submit_ticket_01"): _FORMS,
    ("helpdesk_mgmt", "TestHelpdeskPortal", "test_submit_ticket_02"): _FORMS,
    ("helpdesk_mgmt_timesheet", "TestHelpdeskPortal", "test_submit_ticket_team"): _FORMS,
    ("helpdesk_mgmt", "TestHelpdeskPortal", "test_close_ticket"): (
        "the ticket page has one confirmed 'Mark as resolved' instead of one button per "
        "closing stage"
    ),
    ("helpdesk_mgmt", "TestHelpdeskPortal", "test_close_ticket_invalid_stage"): (
        "our close route answers with Odoo's request.redirect, 303 (See Other, the answer "
        "to a POST), where helpdesk_mgmt's uses werkzeug's 302"
    ),
    ("helpdesk_mgmt", "TestHelpdeskFetchmail", "test_message_process_known_sender"): (
        "the trust boundary: an e-mail's Cc subscribes only contacts of the sender's own "
        "company (and staff), not any known address (the test's Cc is another company's)"
    ),
}


def test_folders():
    """The tests/ folders of the OCA modules, as installed."""
    folders = []
    for module in OCA_MODULES:
        spec = importlib.util.find_spec(f"odoo.addons.{module}")
        if spec is None:
            raise SystemExit(f"oca_suites: the OCA module {module} is not installed")
        folders.append(str(pathlib.Path(spec.submodule_search_locations[0]) / "tests"))
    return folders


def _oca_key(item):
    """(module, class, method) of an OCA test item, or None for any other test."""
    cls = getattr(item, "cls", None)
    module = getattr(getattr(item, "module", None), "__name__", "")
    parts = module.split(".")
    if cls is None or len(parts) < 4 or parts[:2] != ["odoo", "addons"]:
        return None
    if parts[2] not in OCA_MODULES or parts[3] != "tests":
        return None
    return parts[2], cls.__name__, item.name


def _collected_by_odoo(item):
    """Whether Odoo's runner runs this test (odoo.tests.loader.get_module_test_cases)."""
    cls = item.cls
    if cls.__module__ != item.module.__name__:
        return False
    return item.name in vars(cls) or getattr(cls, "allow_inherited_tests_method", False)


def pytest_collection_modifyitems(config, items):
    import pytest

    kept, dropped = [], []
    for item in items:
        key = _oca_key(item)
        if key is None:
            kept.append(item)
            continue
        if not _collected_by_odoo(item):
            dropped.append(item)
            continue
        kept.append(item)
        if key in INTENDED:
            item.add_marker(pytest.mark.xfail(reason=INTENDED[key], strict=True))
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


if __name__ == "__main__":
    sys.stdout.write("\n".join(test_folders()) + "\n")
