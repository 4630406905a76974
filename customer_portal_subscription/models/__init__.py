from . import (
    account_move,
    ir_http,
    payment_provider,
    payment_token,
    product_template,
    res_company,
    res_config_settings,
    res_partner,
    sale_subscription,
)
