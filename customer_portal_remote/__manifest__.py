{
    "name": "Customer Portal: Remote Maintenance",
    "summary": "TeamViewer and AnyDesk download helpers on the portal, session "
    "ID hand-over on tickets",
    "version": "18.0.1.0.0",
    "category": "Services/Helpdesk",
    "license": "AGPL-3",
    "author": "Customer Portal Support Suite",
    "website": "https://github.com/customer-portal-suite/customer-portal-suite",
    "depends": ["customer_portal_tickets"],
    "installable": True,
}
