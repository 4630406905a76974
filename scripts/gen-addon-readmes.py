"""Writes each addon's README.rst from its readme/*.md fragments (as OCA's
oca-gen-addon-readme does), so that Odoo's Apps page and pylint-odoo find it.

Run: .venv/bin/python scripts/gen-addon-readmes.py  (tests/test_packaging.py checks
that the committed README.rst files are up to date)."""

import ast
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SECTIONS = [
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
]


def render(addon: pathlib.Path) -> str:
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    title = manifest["name"]
    out = ["=" * len(title), title, "=" * len(title), ""]
    out += [f"License ``{manifest['license']}``, version ``{manifest['version']}``", ""]
    for filename, heading in SECTIONS:
        path = addon / "readme" / filename
        if not path.exists():
            continue
        if heading:
            out += [heading, "=" * len(heading), ""]
        # Markdown inline code `x` becomes RST ``x``; lists and paragraphs are alike.
        text = path.read_text().strip().replace("`", "``")
        out += [text, ""]
    out += ["Credits", "=======", "", f"Authors: {manifest['author']}", ""]
    return "\n".join(out)


def main(check: bool) -> int:
    stale = []
    for addon in sorted(ROOT.glob("customer_portal_*")):
        target = addon / "README.rst"
        text = render(addon)
        if check:
            if not target.exists() or target.read_text() != text:
                stale.append(str(target.relative_to(ROOT)))
        else:
            target.write_text(text)
    if stale:
        sys.stderr.write("out of date: %s\n" % ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
