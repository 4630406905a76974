from . import (
    ir_http,
    product_template,
    res_company,
    res_config_settings,
    res_partner,
    sale_subscription,
)
