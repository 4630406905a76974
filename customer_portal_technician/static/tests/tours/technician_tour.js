import {registry} from "@web/core/registry";

// The demo technician (French) works its queue: the breached ticket comes first; it
// starts the timer, answers with a quick reply and resolves the ticket, which stops the
// timer.
registry.category("web_tour.tours").add("customer_portal_technician_tour", {
    url: "/odoo/helpdesk-queue",
    steps: () => [
        {
            content: "The queue opens on the nearest deadline: a breached ticket, in red",
            trigger: ".o_list_view .o_data_row:first-child td[name=number].text-danger",
        },
        {
            content: "Open it",
            trigger: ".o_list_view .o_data_row:first-child td[name=name]",
            run: "click",
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
            content: "Type the quick reply's shortcut",
            trigger: ".o-mail-Composer-input",
            run: "edit :accuse",
        },
        {
            content: "Pick the acknowledgement",
            trigger: ".o-mail-Composer-suggestion:contains(accuse)",
            run: "click",
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
            content: "The timer stopped, and its technician is asked to check the entry",
            trigger: ".o-mail-Message-body:contains(arrêté)",
        },
    ],
});
