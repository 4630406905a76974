"""The remote maintenance page as customers see it on each system, in French."""

from odoo.addons.customer_portal_tickets.tests.common import TicketCase
from odoo.tests import tagged

USER_AGENTS = {
    "windows": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
    "Gecko) Chrome/126.0 Safari/537.36",
    "macos": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.5 Safari/605.1.15",
    "linux": "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
    "phone": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
}


@tagged("post_install", "-at_install")
class TestRemotePage(TicketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.user_a.lang = "fr_FR"

    def _page(self, system):
        self.authenticate("alpha", "alpha")
        response = self.url_open("/my/remote", headers={"User-Agent": USER_AGENTS[system]})
        self.assertEqual(response.status_code, 200)
        return response.text

    def _main_downloads(self, html):
        main = html.split("o_remote_other_systems")[0]
        return [part.split('"')[0] for part in main.split('data-system="')[1:]]

    def test_visitors_system_first_others_one_click_away(self):
        for system in ("windows", "macos", "linux"):
            with self.subTest(system=system):
                html = self._page(system)
                downloads = [
                    d for d in self._main_downloads(html) if d in ("windows", "macos", "linux")
                ]
                # The check list names the system, then each tool's main button is for it.
                self.assertEqual(set(downloads), {system})
                self.assertIn("Autres systèmes", html)
                self.assertIn("Télémaintenance", html)

    def test_content_in_french(self):
        html = self._page("windows")
        for text in (
            "barre de recherche de Windows",
            "dossier <em>Téléchargements</em>",
            "J'accepte le CLUF et le DPA",
            "un mot de passe",
            "TeamViewer Germany GmbH",
            "AnyDesk Software GmbH",
            "TeamViewer QuickSupport",
            "nous n'y sommes pas liés",
            "https://www.teamviewer.com/en/download/windows/",
            "https://anydesk.com/en/downloads/windows",
        ):
            self.assertIn(text, html)
        self.assertNotIn("Applications", html.split("o_remote_check")[1].split("</ul>")[0])

    def test_phone_gets_every_system_and_a_word(self):
        html = self._page("phone")
        self.assertIn("o_remote_phone", html)
        self.assertNotIn("o_remote_other_systems", html)
        for url in (
            "https://www.teamviewer.com/en/download/macos/",
            "https://anydesk.com/en/downloads/linux",
        ):
            self.assertIn(url, html)

    def test_settings_change_the_links_and_the_tools(self):
        self.env.company.write(
            {
                "remote_anydesk_url_windows": "https://intranet.example.com/anydesk.exe",
                "remote_teamviewer_enabled": False,
            }
        )
        html = self._page("windows")
        self.assertIn("https://intranet.example.com/anydesk.exe", html)
        self.assertNotIn("o_remote_tool_teamviewer", html)
        self.assertNotIn("teamviewer.com", html)

    def test_home_card_and_anonymous(self):
        self.authenticate("alpha", "alpha")
        self.assertIn("/my/remote", self.url_open("/my").text)
        self.authenticate(None, None)
        response = self.url_open("/my/remote", allow_redirects=False)
        self.assertIn("/web/login", response.headers.get("Location", ""))
