{
    "name": "Customer Portal: Subscriptions and Star Levels",
    "summary": "Support star level (3/4/5) of customers from their subscriptions, "
    "subscriptions on the customer portal",
    "version": "18.0.1.1.0",
    "category": "Services/Subscriptions",
    "license": "AGPL-3",
    "author": "Customer Portal Support Suite",
    "website": "https://github.com/customer-portal-suite/customer-portal-suite",
    "depends": ["subscription_oca", "portal", "payment", "account_payment", "base_iban"],
    "data": [
        "security/customer_portal_subscription_groups.xml",
        "security/ir.model.access.csv",
        "security/customer_portal_subscription_security.xml",
        "data/ir_cron.xml",
        "data/sepa_mandate_data.xml",
        "report/sale_subscription_report.xml",
        "views/product_template_views.xml",
        "views/res_partner_views.xml",
        "views/sale_subscription_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
        "views/payment_views.xml",
        "views/payment_templates.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/product_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/res_users_demo.xml",
        "demo/sale_subscription_demo.xml",
        "demo/payment_token_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "customer_portal_subscription/static/src/scss/portal_phone.scss",
        ],
        "web.assets_tests": [
            "customer_portal_subscription/static/tests/tours/*.js",
        ],
    },
    "post_load": "post_load",
    "installable": True,
}
