{
    "name": "Customer Portal: Service Credit",
    "summary": "Prepaid support time sold on sale orders, consumed by service "
    "requests, shown on the customer portal",
    "version": "18.0.1.0.0",
    "category": "Services/Helpdesk",
    "license": "AGPL-3",
    "author": "Customer Portal Support Suite",
    "website": "https://github.com/customer-portal-suite/customer-portal-suite",
    "depends": ["customer_portal_tickets"],
    "installable": True,
}
