from odoo import fields, models

from ..tools.remote_ids import SYSTEMS, TOOLS

DOWNLOAD_PAGES = {
    ("teamviewer", "windows"): "https://www.teamviewer.com/en/download/windows/",
    ("teamviewer", "macos"): "https://www.teamviewer.com/en/download/macos/",
    ("teamviewer", "linux"): "https://www.teamviewer.com/en/download/linux/",
    ("anydesk", "windows"): "https://anydesk.com/en/downloads/windows",
    ("anydesk", "macos"): "https://anydesk.com/en/downloads/mac-os",
    ("anydesk", "linux"): "https://anydesk.com/en/downloads/linux",
}


SYSTEM_NAMES = {"windows": "Windows", "macos": "macOS", "linux": "Linux"}


def _download_field(tool, system, label):
    return fields.Char(
        string=f"{label} Download for {SYSTEM_NAMES[system]}",
        default=DOWNLOAD_PAGES[(tool, system)],
        help="Where the download button leads: the vendor's official page by default. "
        "We host no binary.",
    )


class ResCompany(models.Model):
    _inherit = "res.company"

    remote_teamviewer_enabled = fields.Boolean(string="Offer TeamViewer", default=True)
    remote_anydesk_enabled = fields.Boolean(string="Offer AnyDesk", default=True)
    remote_teamviewer_url_windows = _download_field("teamviewer", "windows", "TeamViewer")
    remote_teamviewer_url_macos = _download_field("teamviewer", "macos", "TeamViewer")
    remote_teamviewer_url_linux = _download_field("teamviewer", "linux", "TeamViewer")
    remote_anydesk_url_windows = _download_field("anydesk", "windows", "AnyDesk")
    remote_anydesk_url_macos = _download_field("anydesk", "macos", "AnyDesk")
    remote_anydesk_url_linux = _download_field("anydesk", "linux", "AnyDesk")
    remote_teamviewer_connect_pattern = fields.Char(
        string="TeamViewer Connection Link",
        default="teamviewer10://control?device={id}",
        help="The link the Connect button opens; {id} is replaced by the session ID.",
    )
    remote_anydesk_connect_pattern = fields.Char(
        string="AnyDesk Connection Link",
        default="anydesk:{id}",
        help="The link the Connect button opens; {id} is replaced by the session ID.",
    )
    remote_session_lifetime = fields.Integer(
        string="Session ID Kept (hours)",
        default=4,
        help="Hours after which a session ID handed over by a customer is erased.",
    )
    remote_session_hourly_limit = fields.Integer(
        string="Hand-overs per Ticket per Hour",
        default=5,
        help="Most remote sessions customers may hand over on one ticket in an hour.",
    )

    def _remote_tools(self):
        """The tools this company offers: key, name, download page per system and the
        pattern of the link that opens a session."""
        self.ensure_one()
        return [
            {
                "key": key,
                "name": name,
                # TeamViewer's module for the person being helped is QuickSupport.
                "label": "TeamViewer QuickSupport" if key == "teamviewer" else name,
                "downloads": {system: self[f"remote_{key}_url_{system}"] for system in SYSTEMS},
                "connect_pattern": self[f"remote_{key}_connect_pattern"],
            }
            for key, name in TOOLS
            if self[f"remote_{key}_enabled"]
        ]
