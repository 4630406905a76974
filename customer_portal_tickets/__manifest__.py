{
    "name": "Customer Portal: Helpdesk Tickets",
    "summary": "Portal helpdesk on top of helpdesk_mgmt: incident, service and "
    "administrative request forms, ticket list and follow-ups",
    "version": "18.0.1.3.0",
    "category": "Services/Helpdesk",
    "license": "AGPL-3",
    "author": "Customer Portal Support Suite",
    "website": "https://github.com/customer-portal-suite/customer-portal-suite",
    "depends": [
        "helpdesk_mgmt",
        "customer_portal_subscription",
        "sale_management",
        "account",
        "account_payment",
        "auth_totp_portal",
    ],
    "data": [
        "security/customer_portal_tickets_groups.xml",
        "security/ir.model.access.csv",
        "security/helpdesk_ticket_rules.xml",
        "data/helpdesk_data.xml",
        "data/ir_cron.xml",
        "data/mail_ticket_refused.xml",
        "views/customer_portal_department_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/document_ticket_views.xml",
        "views/res_partner_views.xml",
        "views/product_template_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/helpdesk_ticket_team_demo.xml",
        "demo/sale_order_demo.xml",
        "demo/account_move_demo.xml",
        "demo/helpdesk_ticket_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "customer_portal_tickets/static/src/js/support_form.js",
        ],
        "web.assets_tests": [
            "customer_portal_tickets/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
