import {registry} from "@web/core/registry";

// A customer reads its service credit, opens a ticket from the history, then asks sales
// for more time with the prefilled request.
registry.category("web_tour.tours").add("customer_portal_credit_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the service credit from the portal home",
            trigger: "a[href='/my/credit']",
            run: "click",
        },
        {
            content: "The balance shows",
            trigger: ".o_credit_balance:contains(6 h 30)",
        },
        {
            content: "Open a ticket from the history",
            trigger: ".o_credit_history_line a[href^='/my/ticket/']",
            run: "click",
        },
        {
            content: "The ticket says how much time it took from the credit",
            trigger: ".o_ticket_credit_hours",
            run() {
                window.location.href = "/my/credit";
            },
        },
        {
            content: "Buy more time",
            trigger: "a.o_credit_buy_more",
            run: "click",
        },
        {
            content: "The request to sales is prefilled",
            trigger: "input#subject:value(/\\w+/)",
        },
        {
            content: "Say how much",
            trigger: "textarea#description",
            run: "edit Nous souhaitons 20 heures supplémentaires.",
        },
        {
            content: "Submit",
            trigger: "button.o_support_submit",
            run: "click",
        },
        {
            content: "The request is sent",
            trigger: ".o_support_sent .o_support_ticket_number:contains(HT)",
        },
    ],
});
