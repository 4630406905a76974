"""make run, make test and CI install Debian's wkhtmltopdf when it is missing (PDF
invoices, quotes, orders): ensure_wkhtmltopdf of scripts/lib.sh, run in bash with a PATH
of our own where `wkhtmltopdf`, `id`, `sudo` and `apt-get` are what each case needs
(the machine's own wkhtmltopdf is never on that PATH). And the install-log check of
make test lets through the one warning Debian's build causes, nothing else."""

import os
import shutil
import subprocess

import pytest
from helpers import REPO_ROOT

LIB = REPO_ROOT / "scripts" / "lib.sh"
# What lib.sh and the function use from the system, linked into the fake PATH.
TOOLS = ("dirname", "mkdir", "tail", "cat", "env", "grep", "chmod", "touch")


def _script(path, body):
    path.write_text("#!/bin/bash\n" + body)
    path.chmod(0o755)


@pytest.fixture
def fake_bin(tmp_path):
    """A bin folder holding the few system tools lib.sh needs; apt-get, sudo and id are
    added per case. apt-get writes its arguments to calls.log and, on install, creates a
    wkhtmltopdf in the folder (unless FAIL is set)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in TOOLS:
        os.symlink(shutil.which(tool), bin_dir / tool)
    return bin_dir


def _apt_get(bin_dir, fail=False):
    _script(
        bin_dir / "apt-get",
        f'echo "apt-get $*" >> "{bin_dir}/calls.log"\n'
        + ("exit 100\n" if fail else "")
        + f'case "$*" in *install*wkhtmltopdf*) '
        f'printf "#!/bin/bash\\n" > "{bin_dir}/wkhtmltopdf"; '
        f'chmod +x "{bin_dir}/wkhtmltopdf";; esac\n',
    )


def _id(bin_dir, uid):
    _script(bin_dir / "id", f'[ "$1" = -u ] && echo {uid} || echo "uid={uid}"\n')


def _run(bin_dir):
    state = bin_dir.parent / "state"
    result = subprocess.run(  # noqa: S603
        [
            "/bin/bash",
            "-c",
            f'source "{LIB}"; STATE_DIR="{state}"; ensure_wkhtmltopdf; echo "rc=$?"',
        ],
        env={"PATH": str(bin_dir), "HOME": str(bin_dir.parent)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    calls = bin_dir / "calls.log"
    return result, calls.read_text() if calls.exists() else ""


def test_present_nothing_installed(fake_bin):
    _script(fake_bin / "wkhtmltopdf", "exit 0\n")
    _apt_get(fake_bin)
    _id(fake_bin, 0)
    result, calls = _run(fake_bin)
    assert "rc=0" in result.stdout
    assert calls == ""
    assert "WARNING" not in result.stderr


def test_missing_as_root_installs_the_debian_package(fake_bin):
    _apt_get(fake_bin)
    _id(fake_bin, 0)
    result, calls = _run(fake_bin)
    assert "rc=0" in result.stdout
    assert "apt-get install -y -qq wkhtmltopdf" in calls
    assert (fake_bin / "wkhtmltopdf").exists()
    assert "Installing Debian's wkhtmltopdf" in result.stderr
    assert "WARNING" not in result.stderr


def test_missing_with_stale_lists_updates_then_installs(fake_bin):
    # The first install fails (no package lists yet), the second after update works.
    _script(
        fake_bin / "apt-get",
        f'echo "apt-get $*" >> "{fake_bin}/calls.log"\n'
        f'[ -f "{fake_bin}/updated" ] || {{ [ "$1" = update ] && touch "{fake_bin}/updated" '
        f"&& exit 0; exit 100; }}\n"
        f'printf "#!/bin/bash\\n" > "{fake_bin}/wkhtmltopdf"; chmod +x "{fake_bin}/wkhtmltopdf"\n',
    )
    _id(fake_bin, 0)
    result, calls = _run(fake_bin)
    assert calls.splitlines() == [
        "apt-get install -y -qq wkhtmltopdf",
        "apt-get update -qq",
        "apt-get install -y -qq wkhtmltopdf",
    ]
    assert "WARNING" not in result.stderr


def test_missing_with_passwordless_sudo_installs_through_sudo(fake_bin):
    _apt_get(fake_bin)
    _id(fake_bin, 1000)
    _script(
        fake_bin / "sudo",
        f'echo "sudo $*" >> "{fake_bin}/calls.log"\n[ "$2" = true ] || "${{@:2}}"\n',
    )
    result, calls = _run(fake_bin)
    assert "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wkhtmltopdf" in calls
    assert (fake_bin / "wkhtmltopdf").exists()
    assert "WARNING" not in result.stderr


@pytest.mark.parametrize("case", ["not root, no sudo", "install fails"])
def test_cannot_install_says_pdfs_fail_and_how_to_install(fake_bin, case):
    if case == "install fails":
        _apt_get(fake_bin, fail=True)
        _id(fake_bin, 0)
    else:
        _apt_get(fake_bin)
        _id(fake_bin, 1000)
    result, calls = _run(fake_bin)
    assert "rc=0" in result.stdout, "make run still serves the portal"
    assert not (fake_bin / "wkhtmltopdf").exists()
    assert "WARNING: wkhtmltopdf is not installed" in result.stderr
    assert "PDF will fail" in result.stderr
    assert "apt-get install wkhtmltopdf" in result.stderr
    if case == "not root, no sudo":
        assert calls == "", "no apt-get without the rights to run it"


def test_install_log_check_allows_only_wkhtmltopdf_stderr(tmp_path):
    log = tmp_path / "install.log"
    stamp = "2026-12-03 11:38:13,853 10549"
    report = "odoo.addons.base.models.ir_actions_report"
    log.write_text(
        f"{stamp} INFO portal_test odoo.modules.loading: Modules loaded.\n"
        f"{stamp} WARNING portal_test {report}: wkhtmltopdf: QStandardPaths: "
        "XDG_RUNTIME_DIR not set, defaulting to '/tmp/runtime-root'\n"
        f"{stamp} WARNING portal_test {report}: Wkhtmltopdf failed (error code: -11).\n"
        f"{stamp} WARNING portal_test odoo.models: a field is defined twice\n"
        f"{stamp} ERROR portal_test odoo.sql_db: bad query\n"
    )
    result = subprocess.run(  # noqa: S603
        ["/bin/bash", "-c", f'source "{LIB}"; log_problems "{log}"'],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    problems = result.stdout.splitlines()
    assert len(problems) == 3, problems
    assert not any("wkhtmltopdf: QStandardPaths" in line for line in problems)
    assert any("Wkhtmltopdf failed" in line for line in problems)
