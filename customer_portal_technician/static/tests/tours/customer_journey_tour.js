import {registry} from "@web/core/registry";

// The demo customer client3 (French) answers the satisfaction survey from the rating
// e-mail's link, then finds its rating on the resolved ticket's page and changes it
// there.
registry.category("web_tour.tours").add("customer_portal_rating_tour", {
    steps: () => [
        {
            content: "The e-mail's smiley opened the survey: pick 'Bien' instead",
            trigger: ".o_rating_page_submit label[for=rate_3]",
            run: "click",
        },
        {
            content: "Say why",
            trigger: ".o_rating_page_submit textarea[name=feedback]",
            run: "edit Intervention propre, un peu tardive",
        },
        {
            content: "Envoyer un feedback",
            trigger: ".o_rating_page_submit button[type=submit]:contains(Envoyer un feedback)",
            run: "click",
        },
        {
            content: "The thank-you page, not an error",
            trigger: ".o_rating_page_thank_you:contains(Merci de votre feedback)",
            run: () => window.location.assign("/my/tickets"),
        },
        {
            content: "Open the resolved ticket from the list",
            trigger: "a:contains(Pose des boîtiers sur les deux nouveaux porteurs)",
            run: "click",
        },
        {
            content: "The page shows the rating given from the e-mail",
            trigger:
                "#o_ticket_rating .o_ticket_rating_given:contains(Bien):contains(Intervention propre, un peu tardive)",
        },
        {
            content: "Change it on the page: satisfied after all",
            trigger: "#o_ticket_rating label[for=o_ticket_rate_5]",
            run: "click",
        },
        {
            content: "A new comment",
            trigger: "#o_ticket_rating textarea[name=feedback]",
            run: "edit Finalement tout fonctionne, merci",
        },
        {
            content: "Send it",
            trigger: "#o_ticket_rating .o_ticket_rating_submit",
            run: "click",
        },
        {
            content: "The page after the click shows the new rating",
            trigger:
                "#o_ticket_rating .o_ticket_rating_given:contains(Satisfait):contains(Finalement tout fonctionne)",
        },
    ],
});

// The demo customer client4 marks as resolved a ticket on which the technician's timer
// still runs: the page after the click shows it resolved and the timer's time counted.
registry.category("web_tour.tours").add("customer_portal_resolve_with_timer_tour", {
    steps: () => [
        {
            content: "Marquer comme résolu",
            trigger: ".o_ticket_mark_resolved",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal.show .o_ticket_resolve_confirm",
            run: "click",
        },
        {
            content: "The page after the click: resolved, no error",
            trigger: ".o_ticket_portal_state:contains(Résolu)",
        },
        {
            content: "It takes no more messages, and offers the follow-up",
            trigger: ".o_ticket_locked .o_ticket_follow_up",
        },
        {
            content: "The technician's timer was stopped: its time is counted",
            trigger: ".o_ticket_time .o_ticket_time_line td.text-end:not(:contains(00:00))",
        },
    ],
});
