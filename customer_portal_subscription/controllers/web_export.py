from werkzeug.exceptions import Forbidden

from odoo import http
from odoo.addons.web.controllers.export import CSVExport, ExcelExport
from odoo.http import request


def _refuse_share_users():
    """Exports are the back office's: a customer (share user) gets a translated 403,
    not Odoo's 500 with its traceback."""
    if request.env.user.share:
        raise Forbidden(
            request.env._(
                "Exporting data is for the support team. Your documents can be "
                "downloaded from your customer portal."
            )
        )


class CustomerPortalCSVExport(CSVExport):
    @http.route()
    def web_export_csv(self, data=None, **kw):
        _refuse_share_users()
        return super().web_export_csv(data)


class CustomerPortalExcelExport(ExcelExport):
    @http.route()
    def web_export_xlsx(self, data=None, **kw):
        _refuse_share_users()
        return super().web_export_xlsx(data)
