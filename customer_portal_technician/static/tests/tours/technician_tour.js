import {registry} from "@web/core/registry";

// The demo technician's day, as it takes it: it logs in and lands on its queue, whose
// first ticket is the breached one; it opens it and reads the deadline and how late it
// is; it starts a timer, answers with a quick reply (as the hint says: Tab, then
// Enter), stops the timer; then it opens an unassigned ticket and resolves it: no
// error, the ticket is its own and resolved.
registry.category("web_tour.tours").add("customer_portal_technician_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Login lands on the queue (the technician's home action)",
            trigger: ".o_breadcrumb:contains(File d'attente)",
        },
        {
            content: "The breached ticket comes first, its number in red",
            trigger:
                ".o_list_view .o_data_row:first-child:has(td[name=name]:contains(Le serveur de synchronisation ne répond plus)) td[name=number].text-danger",
        },
        {
            content: "The whole subject and the customer's company are in the row",
            trigger:
                ".o_list_view .o_data_row:first-child td[name=commercial_partner_id]:contains(Ambulances Bernard)",
        },
        {
            content: "No time columns in the queue",
            trigger: ".o_list_view:not(:has(th[data-name=remaining_hours]))",
        },
        {
            content: "Open it",
            trigger: ".o_list_view .o_data_row:first-child td[name=name]",
            run: "click",
        },
        {
            content: "The deadline is on the ticket, with how late it is",
            trigger: ".o_form_view .o_field_widget[name=queue_late_by]:contains(En retard de)",
        },
        {
            content: "Échéance: the deadline itself",
            trigger: ".o_form_view .o_field_widget[name=queue_deadline]:not(:empty)",
        },
        {
            content: "Start the timer",
            trigger: ".o_form_view button[name=button_start_work]",
            run: "click",
        },
        {
            content: "Describe the work",
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Diagnostic du serveur",
        },
        {
            content: "Start it (the timer running on another ticket stops)",
            trigger: ".modal .modal-footer button[name=action_switch]:visible",
            run: "click",
        },
        {
            content: "The timer runs",
            trigger: ".o_form_view button[name=button_end_work]",
        },
        {
            content: "Write to the customer",
            trigger: ".o-mail-Chatter-sendMessage",
            run: "click",
        },
        {
            content: "The composer says how quick replies come",
            trigger: ".o-mail-Composer-input[placeholder*='pour une réponse rapide']",
        },
        {
            content: "Type the quick reply's shortcut",
            trigger: ".o-mail-Composer-input",
            run: "edit :accuse",
        },
        {
            content: "The hint says what works",
            trigger:
                ".o-mail-Composer-suggestionList:contains(Tab ou ↓ pour choisir, Entrée pour insérer)",
        },
        {
            content: "Tab chooses the reply",
            trigger: ".o-mail-Composer-suggestion:contains(accuse)",
            run: "press Tab",
        },
        {
            content: "Enter inserts it",
            trigger: ".o-mail-NavigableList-active",
            run: "press Enter",
        },
        {
            content: "The French text replaces the shortcut",
            trigger: ".o-mail-Composer-input:value(/nous avons bien reçu votre demande/)",
        },
        {
            content: "Send it",
            trigger: ".o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The answer is in the chatter",
            trigger: ".o-mail-Message-body:contains(nous avons bien reçu votre demande)",
        },
        {
            content: "Stop the timer",
            trigger: ".o_form_view button[name=button_end_work]",
            run: "click",
        },
        {
            content: "The timer stopped: Start is back",
            trigger: ".o_form_view button[name=button_start_work]",
        },
        {
            content: "Back to the queue",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(File d'attente)",
            run: "click",
        },
        {
            content: "Open the filters",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "The whole team's queue: My queue off",
            trigger: ".o_filter_menu .o_menu_item:contains(Ma file d'attente)",
            run: "click",
        },
        {
            content: "The filter is off",
            trigger: ".o_searchview:not(:has(.o_searchview_facet))",
        },
        {
            content: "Open the unassigned ticket",
            trigger:
                ".o_list_view .o_data_row td[name=name]:contains(Les positions GPS ne remontent plus)",
            run: "click",
        },
        {
            content: "It is nobody's yet",
            trigger: ".o_form_view .o_field_widget[name=user_id] input:value(/^$/)",
        },
        {
            content: "Open the closed stages",
            trigger: ".o_statusbar_status .dropdown-toggle",
            run: "click",
        },
        {
            content: "Resolve the ticket",
            trigger: ".o-dropdown--menu .dropdown-item:contains(Terminé)",
            run: "click",
        },
        {
            content: "Resolved, no error: the stage is Terminé",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Terminé)",
        },
        {
            content: "And the ticket is the technician's",
            trigger: ".o_form_view .o_field_widget[name=user_id] input:value(/Thomas Garnier/)",
        },
    ],
});
