"""Shared by the repository-level tests (they span the five addons)."""

import pathlib

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
ADDONS = (
    "customer_portal_subscription",
    "customer_portal_tickets",
    "customer_portal_credit",
    "customer_portal_remote",
    "customer_portal_technician",
)


def suite_case(*tags):
    """Odoo tags test classes by the addon they live in (odoo.addons.<addon>.tests);
    these live outside any addon, so they are tagged here the same way."""

    def decorate(cls):
        cls.test_module = "customer_portal_suite"
        cls.test_class = cls.__name__
        cls.test_tags = {"standard", *(tags or ("at_install",))}
        return cls

    return decorate
