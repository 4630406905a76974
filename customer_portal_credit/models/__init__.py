from . import (
    account_analytic_line,
    account_move,
    account_move_line,
    helpdesk_ticket,
    product_template,
    project_project,
    project_task,
    res_company,
    res_config_settings,
    res_partner,
    sale_order,
    sale_order_line,
)
