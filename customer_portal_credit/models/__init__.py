from . import (
    account_analytic_line,
    helpdesk_ticket,
    product_template,
    res_company,
    res_config_settings,
    res_partner,
    sale_order,
    sale_order_line,
)
