from . import attachments, helpdesk_mgmt_routes, support_forms, ticket_copy, ticket_list
