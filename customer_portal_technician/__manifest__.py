{
    "name": "Customer Portal: Technician Desk",
    "summary": "The technician side of the portal helpdesk: a queue in SLA order (star "
    "level x urgency in each level's support hours), ITIL properties, time entries, quick "
    "replies, customer signature, satisfaction and reports",
    "version": "18.0.1.1.0",
    "category": "Services/Helpdesk",
    "license": "AGPL-3",
    "author": "Customer Portal Support Suite",
    "website": "https://github.com/customer-portal-suite/customer-portal-suite",
    "depends": [
        "customer_portal_credit",
        "helpdesk_mgmt_sla",
        "helpdesk_mgmt_rating",
    ],
    "data": [
        "security/ir.model.access.csv",
        "data/resource_calendar_data.xml",
        "data/helpdesk_sla_data.xml",
        "data/helpdesk_data.xml",
        "data/ir_cron.xml",
        "data/mail_canned_response_data.xml",
        "data/mail_template_data.xml",
        "views/helpdesk_sla_views.xml",
        "views/helpdesk_ticket_views.xml",
        "wizards/helpdesk_ticket_bulk_update_views.xml",
        "views/helpdesk_report_views.xml",
        "views/helpdesk_menus.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/technician_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "customer_portal_technician/static/src/**/*.js",
        ],
        "web.assets_tests": [
            "customer_portal_technician/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
    "installable": True,
}
