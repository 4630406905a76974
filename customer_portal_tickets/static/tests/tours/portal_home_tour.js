import {registry} from "@web/core/registry";

// A customer opens the portal home: the cards of their documents appear once the
// counters are loaded (quotes, orders, invoices, tickets).
registry.category("web_tour.tours").add("customer_portal_home_tour", {
    url: "/my",
    steps: () => [
        {
            content: "The portal home is shown",
            trigger: ".o_portal_my_home",
        },
        {
            content: "The quotes card has a count",
            trigger: ".o_portal_index_card a[href='/my/quotes'] [data-placeholder_count]:not(:empty)",
        },
        {
            content: "The orders card has a count",
            trigger: ".o_portal_index_card a[href='/my/orders'] [data-placeholder_count]:not(:empty)",
        },
        {
            content: "The invoices card is shown",
            trigger: ".o_portal_index_card a[href^='/my/invoices']",
        },
        {
            content: "The tickets card is shown",
            trigger: ".o_portal_index_card a[href='/my/tickets']",
        },
    ],
});
