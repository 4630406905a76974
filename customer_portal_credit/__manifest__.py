{
    "name": "Customer Portal: Service Credit",
    "summary": "Prepaid support time sold on sale orders, consumed by time spent on "
    "service requests, shown on the customer portal",
    "version": "18.0.1.2.0",
    "category": "Services/Helpdesk",
    "license": "AGPL-3",
    "author": "Customer Portal Support Suite",
    "website": "https://github.com/customer-portal-suite/customer-portal-suite",
    "depends": ["customer_portal_tickets", "sale_timesheet", "helpdesk_mgmt_timesheet"],
    "data": [
        "security/ir.model.access.csv",
        "security/customer_portal_credit_security.xml",
        "data/service_credit_data.xml",
        "views/product_template_views.xml",
        "views/service_credit_views.xml",
        "views/res_partner_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/service_credit_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "customer_portal_credit/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
