"""18.0.1.4.0: tickets in copy. Followers no longer see a ticket; the contacts in copy
(cc_partner_ids) and the ticket's company do, through one stored field
(portal_partner_ids). Both relations are created and filled here in SQL, before the
models are loaded: the ORM, finding them, does not compute 100,000 tickets one by one.

- The followers of a ticket who are contacts of its own company (not the ticket's contact,
  not staff) are put in copy: they chose to follow it or were in Cc of its e-mail (what
  helpdesk_mgmt made of a Cc); they saw it already and keep its e-mails; now the "In copy"
  filter finds it too.
- Followers of another company get nothing: they lose the access the old rule gave them
  (their whole company read the ticket), and stop following it, or the ticket's e-mails
  would still reach them. Staff put back in copy those who need it.
"""

RELATIONS = {
    "helpdesk_ticket_cc_partner_rel": "RELATION BETWEEN helpdesk_ticket AND res_partner",
    "helpdesk_ticket_portal_partner_rel": "RELATION BETWEEN helpdesk_ticket AND res_partner",
}


def migrate(cr, version):
    for table, comment in RELATIONS.items():
        # As fields.Many2many.update_db creates it (its foreign keys come with the model).
        cr.execute(
            f"""
            CREATE TABLE IF NOT EXISTS {table} (
                ticket_id INTEGER NOT NULL,
                partner_id INTEGER NOT NULL,
                PRIMARY KEY (ticket_id, partner_id)
            );
            COMMENT ON TABLE {table} IS %s;
            CREATE INDEX IF NOT EXISTS {table}_partner_id_ticket_id_idx
                ON {table} (partner_id, ticket_id);
            """,
            [comment],
        )
    cr.execute(
        """
        INSERT INTO helpdesk_ticket_cc_partner_rel (ticket_id, partner_id)
        SELECT t.id, p.id
          FROM mail_followers f
          JOIN helpdesk_ticket t ON t.id = f.res_id
          JOIN res_partner p ON p.id = f.partner_id
         WHERE f.res_model = 'helpdesk.ticket'
           AND p.commercial_partner_id = t.commercial_partner_id
           AND p.id != t.commercial_partner_id
           AND p.id IS DISTINCT FROM t.partner_id
           AND NOT EXISTS (
               SELECT 1 FROM res_users u WHERE u.partner_id = p.id AND NOT u.share
           )
        ON CONFLICT DO NOTHING
        """
    )
    # Followers of another company, neither staff nor in copy: no more e-mails either.
    cr.execute(
        """
        DELETE FROM mail_followers f
         USING helpdesk_ticket t, res_partner p
         WHERE f.res_model = 'helpdesk.ticket' AND t.id = f.res_id AND p.id = f.partner_id
           AND p.commercial_partner_id IS DISTINCT FROM t.commercial_partner_id
           AND NOT EXISTS (
               SELECT 1 FROM res_users u WHERE u.partner_id = p.id AND NOT u.share
           )
           AND NOT EXISTS (
               SELECT 1 FROM helpdesk_ticket_cc_partner_rel c
                WHERE c.ticket_id = t.id AND c.partner_id IN (p.id, p.commercial_partner_id)
           )
        """
    )
    # portal_partner_ids: the ticket's company and its contacts in copy.
    cr.execute(
        """
        INSERT INTO helpdesk_ticket_portal_partner_rel (ticket_id, partner_id)
        SELECT id, commercial_partner_id FROM helpdesk_ticket
         WHERE commercial_partner_id IS NOT NULL
         UNION
        SELECT ticket_id, partner_id FROM helpdesk_ticket_cc_partner_rel
        ON CONFLICT DO NOTHING
        """
    )
