import base64

from odoo import api, models
from odoo.exceptions import AccessError, UserError

from .mail_thread import CUSTOMER_FILES


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    # ------------------------------------------------------------------
    # Files customers add to a chatter: the file policy, whatever the chatter
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if self._is_customer_file_creation():
            for vals in vals_list:
                self._check_customer_file(vals)
        return super().create(vals_list)

    @api.model
    def _is_customer_file_creation(self):
        """Whether the files created now are a customer's: a share user's, through mail's
        upload route or a customer's post (both flag it, with sudo), or its own call.
        Files server code makes in a customer's request (a signature's image, a PDF, the
        website's assets) are not."""
        flagged = bool(self.env.context.get(CUSTOMER_FILES))
        return self.env.user.share and (flagged or not self.env.su)

    @api.model
    def _check_customer_file(self, vals):
        """Raise the file policy's message when it refuses this file (the company's
        settings of the document it goes to, ``helpdesk.ticket._check_customer_files``)."""
        if vals.get("res_field") or vals.get("type") == "url":
            return
        data = vals.get("raw")
        if data is None:
            data = base64.b64decode(vals.get("datas") or b"")
        elif isinstance(data, str):
            data = data.encode()
        company = self._customer_files_company(vals.get("res_model"), vals.get("res_id"))
        refused = self.env["helpdesk.ticket"]._check_customer_files(
            [(vals.get("name") or "", data or b"")], company=company
        )
        if refused:
            raise UserError(refused[0][1])

    @api.model
    def _customer_files_company(self, res_model, res_id):
        """The company whose file policy applies to a file added to a record."""
        if res_model in self.env and res_id and "company_id" in self.env[res_model]._fields:
            record = self.env[res_model].sudo().browse(res_id).exists()
            if record.company_id:
                return record.company_id
        return self.env.company

    # ------------------------------------------------------------------
    # Files of internal notes never reach customers
    # ------------------------------------------------------------------
    def _filter_internal_note_files(self):
        """Of these files, those of internal notes only: every message they are attached
        to is one customers do not read (internal, without subtype or with an internal
        one, as mail's ``_get_search_domain_share``). A file of no message (the ticket
        form's) or of one public message is not."""
        if not self.ids:
            return self.browse()
        self.env["mail.message"].flush_model(["is_internal", "subtype_id", "attachment_ids"])
        self.env["mail.message.subtype"].flush_model(["internal"])
        self.env.cr.execute(
            """
            SELECT r.attachment_id
              FROM message_attachment_rel r
              JOIN mail_message m ON m.id = r.message_id
         LEFT JOIN mail_message_subtype st ON st.id = m.subtype_id
             WHERE r.attachment_id = ANY(%s)
          GROUP BY r.attachment_id
            HAVING bool_and(COALESCE(m.is_internal, FALSE) OR st.id IS NULL
                            OR COALESCE(st.internal, FALSE))
            """,
            [list(self.ids)],
        )
        internal = {row[0] for row in self.env.cr.fetchall()}
        return self.filtered(lambda attachment: attachment.id in internal)

    def validate_access(self, access_token):
        """/web/content, /web/image: a customer (or anyone without a session) never gets
        the file of an internal note, even with its access token."""
        if self.env.user.share and self.sudo()._filter_internal_note_files():
            raise AccessError(self.env._("This file is not available."))
        return super().validate_access(access_token)

    def generate_access_token(self):
        """No access token is made for a customer's page to the file of an internal note
        (helpdesk_mgmt's ticket page tokenises every file of the ticket)."""
        if not self.env.user.share:
            return super().generate_access_token()
        internal = self._filter_internal_note_files()
        others = self - internal
        made = super(IrAttachment, others).generate_access_token()
        tokens = dict(zip(others.ids, made, strict=True))
        return [tokens.get(attachment.id, False) for attachment in self]
