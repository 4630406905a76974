from . import customer_portal_remote_session, helpdesk_ticket, res_company, res_config_settings
