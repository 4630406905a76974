from . import (
    customer_portal_department,
    helpdesk_ticket,
    helpdesk_ticket_stage,
    product_template,
    res_company,
    res_config_settings,
)
