from . import (
    attachments,
    helpdesk_mgmt_routes,
    mail_post,
    my_account,
    support_forms,
    ticket_copy,
    ticket_list,
)
