from . import (
    helpdesk_sla,
    helpdesk_sla_report,
    helpdesk_ticket,
    helpdesk_ticket_sla,
)
