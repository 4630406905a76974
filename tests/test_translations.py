"""Every string a customer or technician reads has a French translation: each addon's
fr.po holds every entry of its .pot, translated, with the same placeholders."""

import re

import polib
import pytest
from helpers import ADDONS, REPO_ROOT

PLACEHOLDER = re.compile(r"%\(?\w*\)?[sd]|\{\w*\}")


@pytest.mark.parametrize("addon", ADDONS)
def test_french_translation_is_complete(addon):
    i18n = REPO_ROOT / addon / "i18n"
    pot = polib.pofile(str(i18n / f"{addon}.pot"))
    fr = polib.pofile(str(i18n / "fr.po"))
    translated = {entry.msgid: entry.msgstr for entry in fr if not entry.obsolete}
    missing = [e.msgid for e in pot if not translated.get(e.msgid)]
    assert not missing, f"{addon}/i18n/fr.po lacks: {missing}"
    for entry in pot:
        assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(
            PLACEHOLDER.findall(translated[entry.msgid])
        ), entry.msgid
    assert not fr.fuzzy_entries(), f"{addon}/i18n/fr.po has fuzzy entries"
