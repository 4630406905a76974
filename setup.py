"""Packages the four addons as one wheel, installed into the ``odoo.addons`` namespace
the way OCA's addon wheels are: ``pip install .`` next to an Odoo 18 installation
makes them visible to Odoo without touching ``addons_path``."""

import ast
import pathlib

from setuptools import setup

ROOT = pathlib.Path(__file__).resolve().parent
ADDONS = sorted(p.parent.name for p in ROOT.glob("customer_portal_*/__manifest__.py"))
SKIP = {"__pycache__"}


def addon_packages(addon):
    """Every folder of the addon holding Python code is a package."""
    base = ROOT / addon
    for init in sorted(base.rglob("__init__.py")):
        rel = init.parent.relative_to(base)
        if SKIP.intersection(rel.parts):
            continue
        yield ".".join(("odoo", "addons", addon, *rel.parts))


def addon_data(addon):
    """Every non-Python file of the addon (views, data, i18n, static...), and its
    migration scripts (their folders are versions, not packages)."""
    base = ROOT / addon
    return sorted(
        str(path.relative_to(base))
        for path in base.rglob("*")
        if path.is_file()
        and path.suffix != ".pyc"
        and (path.suffix != ".py" or "migrations" in path.parts)
        and not SKIP.intersection(path.parts)
    )


def depends():
    """PyPI requirements: the OCA addons our manifests depend on."""
    oca = {
        "helpdesk_mgmt",
        "helpdesk_mgmt_rating",
        "helpdesk_mgmt_sla",
        "helpdesk_mgmt_timesheet",
        "subscription_oca",
    }
    found = set()
    for addon in ADDONS:
        manifest = ast.literal_eval((ROOT / addon / "__manifest__.py").read_text())
        found |= oca.intersection(manifest["depends"])
    return [f"odoo-addon-{name.replace('_', '-')}==18.0.*" for name in sorted(found)]


packages = [pkg for addon in ADDONS for pkg in addon_packages(addon)]
setup(
    name="odoo-addons-customer-portal-suite",
    version="18.0.1.0.0",
    description="Customer portal support suite for Odoo 18 Community: portal helpdesk, "
    "star levels, subscriptions, service credit, remote maintenance",
    long_description=(ROOT / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="AGPL-3.0-or-later",
    author="Customer Portal Support Suite",
    python_requires=">=3.10",
    packages=packages,
    package_dir={f"odoo.addons.{addon}": addon for addon in ADDONS},
    package_data={f"odoo.addons.{addon}": addon_data(addon) for addon in ADDONS},
    include_package_data=False,
    install_requires=["odoo>=18.0a,<18.1dev", *depends()],
    classifiers=[
        "Framework :: Odoo",
        "Framework :: Odoo :: 18.0",
        "Programming Language :: Python :: 3",
    ],
    zip_safe=False,
)
