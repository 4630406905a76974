from . import attachments, helpdesk_mgmt_routes, my_account, support_forms, ticket_list
