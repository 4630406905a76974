from odoo import fields, models

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


DEFAULT_ALLOWED_EXTENSIONS = (
    "png,jpg,jpeg,gif,bmp,webp,pdf,txt,log,csv,doc,docx,odt,xls,xlsx,ods,ppt,pptx,odp,zip"
)


class ResCompany(models.Model):
    _inherit = "res.company"

    portal_ticket_max_file_size = fields.Integer(
        string="Maximum File Size (MB)",
        default=10,
        help="Largest file a customer may attach to a ticket from the portal.",
    )
    portal_ticket_max_files = fields.Integer(
        string="Maximum Files per Message",
        default=10,
        help="Most files a customer may attach at once from the portal.",
    )
    portal_ticket_allowed_extensions = fields.Char(
        string="Allowed File Types",
        default=DEFAULT_ALLOWED_EXTENSIONS,
        help="Comma-separated extensions customers may attach. The content of each file "
        "is checked too: an executable renamed to .pdf is refused.",
    )
    portal_ticket_hourly_limit = fields.Integer(
        string="New Tickets per Hour",
        default=20,
        help="Most tickets one portal user may open in an hour.",
    )

    portal_ticket_reopen_days = fields.Integer(
        string="Reopen Window (days)",
        default=0,
        help="Days after a ticket is resolved during which the customer may reopen it "
        "from the portal. 0: never; the customer creates a follow-up ticket instead.",
    )
    portal_ticket_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Technical Support Team",
        default=lambda self: self.env.ref(
            "customer_portal_tickets.team_technical", raise_if_not_found=False
        ),
        help="Team that receives the incidents and service requests of the portal.",
    )

    def _portal_ticket_file_limits(self):
        self.ensure_one()
        extensions = self._portal_ticket_extensions()
        return {
            "max_size_mb": self.portal_ticket_max_file_size,
            "max_files": self.portal_ticket_max_files,
            "extensions": extensions,
            "hint": self.env._(
                "Screenshots or documents: up to %(count)s files of %(size)s MB each "
                "(%(types)s).",
                count=self.portal_ticket_max_files,
                size=self.portal_ticket_max_file_size,
                types=", ".join(extensions),
            ),
        }

    def _portal_ticket_extensions(self):
        text = self.portal_ticket_allowed_extensions or ""
        return sorted({e.strip().lower().lstrip(".") for e in text.split(",") if e.strip()})

    def _portal_ticket_check_files(self, files, already=0):
        """Check files a customer attaches: ``files`` is a list of (name, bytes).
        Returns a list of (name, message) for the refused ones."""
        self.ensure_one()
        errors = []
        extensions = self._portal_ticket_extensions()
        max_bytes = self.portal_ticket_max_file_size * 1024 * 1024
        accepted = already
        for name, data in files:
            extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
            if extension in BLOCKED_EXTENSIONS or looks_executable(data):
                errors.append(
                    (name, self.env._("%(name)s: programs cannot be attached.", name=name))
                )
            elif extension not in extensions:
                errors.append(
                    (
                        name,
                        self.env._(
                            "%(name)s: this type of file is not accepted. Accepted types: "
                            "%(types)s.",
                            name=name,
                            types=", ".join(extensions),
                        ),
                    )
                )
            elif len(data) > max_bytes:
                errors.append(
                    (
                        name,
                        self.env._(
                            "%(name)s is larger than %(size)s MB.",
                            name=name,
                            size=self.portal_ticket_max_file_size,
                        ),
                    )
                )
            elif not content_matches_extension(data, extension):
                errors.append(
                    (
                        name,
                        self.env._(
                            "%(name)s: its content is not a .%(extension)s file.",
                            name=name,
                            extension=extension,
                        ),
                    )
                )
            elif accepted >= self.portal_ticket_max_files:
                errors.append(
                    (
                        name,
                        self.env._(
                            "%(name)s: at most %(count)s files can be attached.",
                            name=name,
                            count=self.portal_ticket_max_files,
                        ),
                    )
                )
            else:
                accepted += 1
        return errors
