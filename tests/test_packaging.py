"""setup.py builds one wheel holding the five addons in the odoo.addons namespace, as
OCA's wheels are, and Odoo finds the addons from an installation of that wheel alone."""

import ast
import os
import pathlib
import subprocess
import sys
import zipfile

from helpers import ADDONS, REPO_ROOT

FIND = """
import odoo
from odoo.tools import config
config.parse_config([])
from odoo.modules.module import get_module_path, initialize_sys_path, load_manifest
initialize_sys_path()
for name in %r:
    manifest = load_manifest(name)
    print(name, get_module_path(name), manifest and manifest['version'])
"""


def test_wheel_holds_the_addons_and_odoo_loads_them(tmp_path):
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-w", str(tmp_path / "dist"), str(REPO_ROOT)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for addon in ADDONS:
        assert f"odoo/addons/{addon}/__manifest__.py" in names
        assert f"odoo/addons/{addon}/i18n/fr.po" in names
        assert f"odoo/addons/{addon}/static/description/icon.png" in names
    # Upgrades of an installed suite need the migration scripts.
    migrations = [name for name in names if "/migrations/" in name]
    assert "odoo/addons/customer_portal_tickets/migrations/18.0.1.3.0/post-migrate.py" in migrations
    # A namespace, like OCA wheels: the wheel must not ship odoo's own __init__ files.
    assert "odoo/__init__.py" not in names
    assert "odoo/addons/__init__.py" not in names

    target = tmp_path / "site"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stdout + installed.stderr

    # Run from an empty folder, so that only the wheel's copy can be found.
    env = dict(os.environ, PYTHONPATH=str(target))
    found = subprocess.run(
        [sys.executable, "-c", FIND % (list(ADDONS),)],
        capture_output=True, text=True, check=False, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert found.returncode == 0, found.stdout + found.stderr
    lines = dict(line.split(" ", 1) for line in found.stdout.strip().splitlines())
    for addon in ADDONS:
        path, version = lines[addon].rsplit(" ", 1)
        assert pathlib.Path(path) == target / "odoo" / "addons" / addon
        manifest = ast.literal_eval((REPO_ROOT / addon / "__manifest__.py").read_text())
        assert version == manifest["version"], "the wheel carries the manifest in the repo"


def test_addon_readmes_are_up_to_date():
    checked = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "gen-addon-readmes.py"), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr
