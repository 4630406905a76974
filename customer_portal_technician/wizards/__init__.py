from . import helpdesk_ticket_bulk_update
