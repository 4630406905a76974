from . import (
    abstract_ticket_document,
    account_move,
    customer_portal_department,
    helpdesk_ticket,
    helpdesk_ticket_stage,
    ir_http,
    product_template,
    res_company,
    res_config_settings,
    res_partner,
    sale_order,
    sale_subscription,
)
