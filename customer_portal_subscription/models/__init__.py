from . import product_template, res_partner
