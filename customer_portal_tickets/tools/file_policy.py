"""Which files a customer may attach: names, sizes, counts and contents. The limits come
from the company's settings (``res.company._portal_ticket_file_limits``); the model
method ``helpdesk.ticket._check_customer_files`` applies them with this module."""

import io
import tarfile
import tempfile
import zipfile
import zlib

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
    "gz": (b"\x1f\x8b",),
    "tgz": (b"\x1f\x8b",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "ppt": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
}
TEXT_EXTENSIONS = {"txt", "log", "csv"}
DEFAULT_ALLOWED_EXTENSIONS = (
    "png,jpg,jpeg,gif,bmp,webp,pdf,txt,log,csv,doc,docx,odt,xls,xlsx,ods,ppt,pptx,odp,zip"
)
MEGABYTE = 1024 * 1024
# Archives are opened and their members checked (a .docx, .xlsx or .odt is a zip too;
# .gz, .tgz and .tar when a company accepts them; other archive types cannot be checked,
# so they are best left out of the accepted types):
# programs inside are refused like programs outside, and so are archives that would
# unpack into far more than they weigh (zip bombs) or hold archives too deep to check.
ZIP_EXTENSIONS = {"zip", "docx", "xlsx", "pptx", "odt", "ods", "odp"}
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
ZIP_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
# Not in the default types, but a company may accept them: opened too.
GZIP_EXTENSIONS = {"gz", "tgz"}
GZIP_MAGIC = b"\x1f\x8b"
TAR_EXTENSIONS = {"tar", "tgz"}
# An archive holding archives holding archives: a .docx in a zip, its chart's .xlsx.
ARCHIVE_MAX_DEPTH = 3
ARCHIVE_MAX_MEMBERS = 5000
# Everything an attachment unpacks into, nested archives included.
ARCHIVE_MAX_UNPACKED = 200 * MEGABYTE
# A member larger than this unpacked may not be more than ARCHIVE_MAX_RATIO times its
# packed size (text compresses 5 to 20 times; a bomb 1,000 times).
ARCHIVE_RATIO_FLOOR = MEGABYTE
ARCHIVE_MAX_RATIO = 100
# Bytes read of each member to recognise a program or an archive (a tar's magic is at 257).
MAGIC_PREFIX = 512


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
    if extension == "tar":
        return is_tar(data)
    signatures = SIGNATURES.get(extension)
    return signatures is None or data.startswith(signatures)


def refusal_reason(name, data, extensions, max_bytes):
    """Why a file is refused, as a key of the messages of
    ``helpdesk.ticket._check_customer_files``, or None. ``data`` may be cut just past
    ``max_bytes`` (see ``CappedSpool``): its length still tells."""
    extension = extension_of(name)
    if extension in BLOCKED_EXTENSIONS or looks_executable(data):
        return "program"
    if extension not in extensions:
        return "type"
    if len(data) > max_bytes:
        return "size"
    if not content_matches_extension(data, extension):
        return "content"
    if extension in ZIP_EXTENSIONS | GZIP_EXTENSIONS | TAR_EXTENSIONS or is_archive(data):
        return archive_refusal_reason(data)
    return None


def is_tar(data):
    """A POSIX (ustar) tar archive: its magic is at offset 257."""
    return data[257:262] == b"ustar"


def is_archive(data):
    return data.startswith(ZIP_MAGICS) or data.startswith(GZIP_MAGIC) or is_tar(data)


class _ArchiveRefused(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def archive_refusal_reason(data):
    """Why an archive (zip, or a document that is one, gzip, tar) is refused, or None:
    ``archive_program`` (a program inside, at any depth), ``archive_bomb`` (too many
    members, too large unpacked, or packed too tightly), ``archive_nested`` (archives
    nested deeper than ``ARCHIVE_MAX_DEPTH``), ``archive_unreadable`` (damaged, or
    protected by a password: its content cannot be checked). Nothing is unpacked past
    the sizes the archive declares, and those are bounded before anything is read."""
    budget = {"unpacked": 0, "members": 0}
    try:
        _check_archive(data, 1, budget)
    except _ArchiveRefused as refused:
        return refused.reason
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        tarfile.TarError,
        zlib.error,
        NotImplementedError,
        EOFError,
        OSError,
    ):
        return "archive_unreadable"
    except (ValueError, RuntimeError):
        # zipfile's answer to encrypted members and to inconsistent headers.
        return "archive_unreadable"
    return None


def _check_archive(data, depth, budget):
    if depth > ARCHIVE_MAX_DEPTH:
        raise _ArchiveRefused("archive_nested")
    if data.startswith(GZIP_MAGIC):
        # A compressed file: what it holds is checked as if it were attached (a .tar.gz
        # is one archive, not two levels).
        content = _gunzip(data, budget)
        if looks_executable(content):
            raise _ArchiveRefused("archive_program")
        if is_archive(content):
            _check_archive(content, depth, budget)
    elif is_tar(data):
        _check_tar(data, depth, budget)
    elif data.startswith(ZIP_MAGICS):
        _check_zip(data, depth, budget)
    else:
        raise _ArchiveRefused("archive_unreadable")


def _gunzip(data, budget):
    """The content of gzip ``data``, unpacked no further than the budget and the ratio
    allow (gzip declares no size to check first)."""
    room = ARCHIVE_MAX_UNPACKED - budget["unpacked"]
    limit = min(room, max(ARCHIVE_RATIO_FLOOR, ARCHIVE_MAX_RATIO * len(data)))
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
    content = unpacker.decompress(data, limit + 1)
    if len(content) > limit:
        raise _ArchiveRefused("archive_bomb")
    if not unpacker.eof or unpacker.unused_data.strip(b"\x00"):
        # Cut short, or several members (gunzip would unpack the next ones unchecked).
        raise _ArchiveRefused("archive_unreadable")
    budget["unpacked"] += len(content)
    return content


def _check_tar(data, depth, budget):
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as archive:
        for member in archive:
            budget["members"] += 1
            if budget["members"] > ARCHIVE_MAX_MEMBERS:
                raise _ArchiveRefused("archive_bomb")
            if not member.isfile():
                continue
            if extension_of(member.name.rsplit("/", 1)[-1]) in BLOCKED_EXTENSIONS:
                raise _ArchiveRefused("archive_program")
            # Not compressed: its members are no larger than the archive itself.
            budget["unpacked"] += member.size
            if budget["unpacked"] > ARCHIVE_MAX_UNPACKED:
                raise _ArchiveRefused("archive_bomb")
            stream = archive.extractfile(member)
            head = stream.read(MAGIC_PREFIX)
            if looks_executable(head):
                raise _ArchiveRefused("archive_program")
            if is_archive(head):
                _check_archive(head + stream.read(member.size), depth + 1, budget)


def _check_zip(data, depth, budget):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        budget["members"] += len(members)
        if budget["members"] > ARCHIVE_MAX_MEMBERS:
            raise _ArchiveRefused("archive_bomb")
        # The declared sizes first: nothing is unpacked from an archive they condemn.
        for info in members:
            # Encrypted (bit 0), or packed with a method whose unpacking zipfile does not
            # bound (bzip2, lzma): not checkable.
            if info.flag_bits & 0x1 or info.compress_type not in ZIP_METHODS:
                raise _ArchiveRefused("archive_unreadable")
            if extension_of(info.filename.rstrip("/").rsplit("/", 1)[-1]) in BLOCKED_EXTENSIONS:
                raise _ArchiveRefused("archive_program")
            budget["unpacked"] += info.file_size
            if budget["unpacked"] > ARCHIVE_MAX_UNPACKED:
                raise _ArchiveRefused("archive_bomb")
            if info.file_size > ARCHIVE_RATIO_FLOOR and info.file_size > ARCHIVE_MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise _ArchiveRefused("archive_bomb")
        for info in members:
            name = info.filename.rsplit("/", 1)[-1]
            with archive.open(info) as member:
                head = member.read(MAGIC_PREFIX)
                if looks_executable(head):
                    raise _ArchiveRefused("archive_program")
                if extension_of(name) in ZIP_EXTENSIONS or is_archive(head):
                    # Read whole (its declared size, counted above), then checked.
                    _check_archive(head + member.read(info.file_size), depth + 1, budget)


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
