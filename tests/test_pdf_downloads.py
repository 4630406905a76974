"""A customer downloads its invoice, quote, order and subscription as PDF from their
portal pages, over HTTP, from a real Odoo server (not in test mode, where Odoo answers
HTML instead of calling wkhtmltopdf): each answer is a PDF file whose text holds the
document's number. The demo's 4-star customer (Logistique Dubois, client4) is the one
who downloads."""

import io
import re

import pytest
from helpers import logged_in, own_server
from PyPDF2 import PdfReader

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import config


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from own_server(tmp_path_factory.mktemp("pdf") / "server.log", "--workers=0")


def _documents():
    """The download link and number of each of client4's documents, as its portal pages
    give them."""
    registry = odoo.modules.registry.Registry(config["db_name"])
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        company = env.ref("customer_portal_subscription.partner_dubois_demo")
        mine = [("partner_id", "child_of", company.id)]
        Order = env["sale.order"]
        documents = {
            "invoice": env["account.move"].search(
                [*mine, ("move_type", "=", "out_invoice"), ("state", "=", "posted")], limit=1
            ),
            "quote": Order.search([*mine, ("state", "=", "sent")], limit=1),
            "order": Order.search([*mine, ("state", "=", "sale")], limit=1),
            "subscription": env.ref("customer_portal_subscription.subscription_dubois_demo"),
        }
        return {
            kind: (record.get_portal_url(report_type="pdf", download=True), record.name)
            for kind, record in documents.items()
            if record
        }


def _pdf_text(content):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize("kind", ["invoice", "quote", "order", "subscription"])
def test_customer_downloads_the_document_as_pdf(server, kind):
    documents = _documents()
    assert kind in documents, f"the demo customer has no {kind}"
    url, number = documents[kind]
    session = logged_in(server, "client4")
    response = session.get(server + url, timeout=120)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["Content-Type"].startswith("application/pdf"), response.text[:500]
    assert "attachment" in response.headers.get("Content-Disposition", "")
    assert response.content.startswith(b"%PDF-")
    text = re.sub(r"\s+", " ", _pdf_text(response.content))
    assert number in text, text[:500]
