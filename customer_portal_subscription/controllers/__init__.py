from . import invoices, portal
