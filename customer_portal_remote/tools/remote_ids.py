"""The remote-maintenance tools we support, their session IDs and the systems a customer
may download them for."""

import re
from urllib.parse import quote

TOOLS = [("teamviewer", "TeamViewer"), ("anydesk", "AnyDesk")]
SYSTEMS = ("windows", "macos", "linux")
# What Odoo's user-agent parser reports, by system we offer downloads for.
PLATFORM_SYSTEMS = {
    "windows": "windows",
    "macos": "macos",
    "linux": "linux",
    "chromeos": "linux",
    "iphone": "phone",
    "ipad": "phone",
    "android": "phone",
}
# Both tools show a 9- or 10-digit ID; AnyDesk may show an alias instead (name@ad).
NUMERIC_ID = re.compile(r"[0-9]{9,10}")
ANYDESK_ALIAS = re.compile(r"[a-z0-9][a-z0-9._-]{0,48}@ad")
SEPARATORS = re.compile(r"[\s\-]+")


def normalize_session_code(tool, text):
    """The session ID of ``tool`` as a customer typed it, normalised (spaces and dashes
    removed, an alias in lower case), or None when it is not one."""
    text = (text or "").strip()
    if tool == "anydesk" and "@" in text:
        alias = SEPARATORS.sub("", text).lower()
        return alias if ANYDESK_ALIAS.fullmatch(alias) else None
    digits = SEPARATORS.sub("", text)
    return digits if NUMERIC_ID.fullmatch(digits) else None


def connect_url(pattern, code):
    """The URL that opens ``code`` in the tool, from a pattern with ``{id}``."""
    return (pattern or "").replace("{id}", quote(code or "", safe="@"))


# Links a browser must never be handed as a remote tool: they run code or read files.
UNSAFE_SCHEMES = ("javascript", "data", "vbscript", "file", "blob", "about")
SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def is_tool_link(url):
    """Whether ``url`` is a link the technician's browser may hand to a tool: it names
    a scheme (``anydesk:``, ``teamviewer10://``, ``https://``) that is not one of the
    schemes that run code in the page or read local files."""
    match = SCHEME.match((url or "").strip())
    return bool(match) and match.group(1).lower() not in UNSAFE_SCHEMES


def system_of(platform):
    """windows, macos, linux or phone for a user-agent platform; None if unknown."""
    return PLATFORM_SYSTEMS.get(platform or "")
