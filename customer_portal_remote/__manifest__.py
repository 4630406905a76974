{
    "name": "Customer Portal: Remote Maintenance",
    "summary": "TeamViewer and AnyDesk download helpers on the portal, session "
    "ID hand-over on tickets with consent, technician shortcut to connect",
    "version": "18.0.1.1.0",
    "category": "Services/Helpdesk",
    "license": "AGPL-3",
    "author": "Customer Portal Support Suite",
    "website": "https://github.com/customer-portal-suite/customer-portal-suite",
    "depends": ["customer_portal_tickets"],
    "data": [
        "security/ir.model.access.csv",
        "security/customer_portal_remote_security.xml",
        "data/ir_cron.xml",
        "views/customer_portal_remote_session_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/customer_portal_remote_session_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "customer_portal_remote/static/src/js/*.js",
            "customer_portal_remote/static/src/xml/*.xml",
        ],
        "web.assets_tests": [
            "customer_portal_remote/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
