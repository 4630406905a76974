from . import invoices, portal, sale_orders
