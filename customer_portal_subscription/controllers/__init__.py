from . import invoices, portal, sale_orders, web_export
