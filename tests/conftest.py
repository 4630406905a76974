"""Fixtures of the repository-level tests."""

import os
import pathlib
import subprocess
import sys

import pytest


@pytest.fixture(scope="session")
def odoo_bin():
    """Runs odoo-bin (or one of its commands, e.g. "shell") with the test config;
    returns the CompletedProcess."""
    import odoo
    from odoo.tools import config

    odoo_bin_path = pathlib.Path(odoo.__file__).resolve().parent.parent / "odoo-bin"

    def run(*args, stdin=None, timeout=900):
        command = [args[0]] if args and not args[0].startswith("-") else []
        options = args[len(command) :]
        return subprocess.run(
            [sys.executable, str(odoo_bin_path), *command, "-c", config.rcfile, *options],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    return run


@pytest.fixture
def scratch_db():
    """The name of a database a test may create; dropped afterwards."""
    import odoo.sql_db

    name = "portal_scratch_%d" % os.getpid()
    yield name
    odoo.sql_db.close_db(name)
    with odoo.sql_db.db_connect("postgres").cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute('DROP DATABASE IF EXISTS "%s"' % name)
