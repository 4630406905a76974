from . import invoices, payment, portal, sale_orders, web_export
