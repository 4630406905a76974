"""Which files a customer may attach: names, sizes, counts and contents. The limits come
from the company's settings (``res.company._portal_ticket_file_limits``); the model
method ``helpdesk.ticket._check_customer_files`` applies them with this module."""

import tempfile

from odoo.tools import consteq

# Refused whatever the settings say.
BLOCKED_EXTENSIONS = {
    "exe", "com", "bat", "cmd", "msi", "scr", "dll", "ps1", "vbs", "js", "jar", "sh", "apk",
}  # fmt: skip
EXECUTABLE_MAGICS = (
    b"MZ",  # Windows programs and libraries
    b"\x7fELF",  # Linux programs
    b"\xcf\xfa\xed\xfe",  # macOS programs (Mach-O)
    b"\xfe\xed\xfa\xce",
    b"\xca\xfe\xba\xbe",
    b"#!",  # scripts
)
# What the first bytes of a file of each family must be.
SIGNATURES = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "bmp": (b"BM",),
    "pdf": (b"%PDF-",),
    "zip": (b"PK\x03\x04", b"PK\x05\x06"),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "ods": (b"PK\x03\x04",),
    "odp": (b"PK\x03\x04",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "ppt": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
}
TEXT_EXTENSIONS = {"txt", "log", "csv"}
DEFAULT_ALLOWED_EXTENSIONS = (
    "png,jpg,jpeg,gif,bmp,webp,pdf,txt,log,csv,doc,docx,odt,xls,xlsx,ods,ppt,pptx,odp,zip"
)
MEGABYTE = 1024 * 1024


def parse_extensions(text):
    """The extensions of a comma-separated setting, lower case, without dots, sorted."""
    return sorted({e.strip().lower().lstrip(".") for e in (text or "").split(",") if e.strip()})


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def looks_executable(data):
    return data.startswith(EXECUTABLE_MAGICS)


def content_matches_extension(data, extension):
    """Whether the bytes are what the extension says (the browser's word is not taken)."""
    if extension == "webp":
        return data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    if extension in TEXT_EXTENSIONS:
        return b"\x00" not in data[:8192]
    signatures = SIGNATURES.get(extension)
    return signatures is None or data.startswith(signatures)


def refusal_reason(name, data, extensions, max_bytes):
    """Why a file is refused, as a key of ``FileRefusal`` messages, or None. ``data`` may
    be cut just past ``max_bytes`` (see ``CappedSpool``): its length still tells."""
    extension = extension_of(name)
    if extension in BLOCKED_EXTENSIONS or looks_executable(data):
        return "program"
    if extension not in extensions:
        return "type"
    if len(data) > max_bytes:
        return "size"
    if not content_matches_extension(data, extension):
        return "content"
    return None


class CappedSpool:
    """A file-like object for the request parser that keeps at most ``cap`` bytes of an
    uploaded file and drops the rest: a customer's oversized file costs neither memory
    nor disk, yet its kept length (``cap``) tells that it was too large."""

    def __init__(self, cap):
        self._file = tempfile.SpooledTemporaryFile(max_size=512 * 1024)
        self._room = cap

    def write(self, data):  # pylint: disable=method-required-super
        if self._room > 0:
            kept = data[: self._room]
            self._file.write(kept)
            self._room -= len(kept)
        return len(data)

    def __getattr__(self, name):
        return getattr(self._file, name)


def tokens_match(expected, given):
    """Constant-time comparison of an access token with what a form sent."""
    return bool(expected and given) and consteq(expected, str(given))
