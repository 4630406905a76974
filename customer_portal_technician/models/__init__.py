from . import (
    account_analytic_line,
    helpdesk_sla,
    helpdesk_sla_report,
    helpdesk_ticket,
    helpdesk_ticket_sla,
)
