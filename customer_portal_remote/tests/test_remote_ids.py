from odoo.tests import TransactionCase, tagged

from ..tools.remote_ids import connect_url, normalize_session_code


@tagged("post_install", "-at_install")
class TestRemoteIds(TransactionCase):
    def test_session_ids_per_tool(self):
        cases = [
            ("teamviewer", "123456789", "123456789"),
            ("teamviewer", "1 234 567 890", "1234567890"),
            ("teamviewer", "123-456-789", "123456789"),
            ("teamviewer", " 123 456 789 ", "123456789"),
            ("teamviewer", "12345678", None),  # too short
            ("teamviewer", "12345678901", None),  # too long
            ("teamviewer", "123abc789", None),  # letters
            ("teamviewer", "pierre@ad", None),  # aliases are AnyDesk's
            ("teamviewer", "١٢٣٤٥٦٧٨٩", None),  # digits of another script
            ("anydesk", "482 193 507", "482193507"),
            ("anydesk", "Pierre.Dubois@AD", "pierre.dubois@ad"),
            ("anydesk", "pierre@ad", "pierre@ad"),
            ("anydesk", "pierre@gmail.com", None),
            ("anydesk", "@ad", None),
            ("anydesk", "", None),
            ("anydesk", "48219350\x00", None),
        ]
        for tool, typed, expected in cases:
            with self.subTest(tool=tool, typed=typed):
                self.assertEqual(normalize_session_code(tool, typed), expected)

    def test_connection_links(self):
        self.assertEqual(connect_url("anydesk:{id}", "482193507"), "anydesk:482193507")
        self.assertEqual(connect_url("anydesk:{id}", "pierre@ad"), "anydesk:pierre@ad")
        self.assertEqual(
            connect_url("teamviewer10://control?device={id}", "123456789"),
            "teamviewer10://control?device=123456789",
        )
