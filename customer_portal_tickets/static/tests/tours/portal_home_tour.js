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
            content: "The quotes card is shown once the counters are loaded",
            trigger: ".o_portal_index_card a[href='/my/quotes']",
        },
        {
            content: "The orders card is shown",
            trigger: ".o_portal_index_card a[href='/my/orders']",
        },
        {
            content: "The invoices card is shown",
            trigger: ".o_portal_index_card a[href='/my/invoices?filterby=invoices']",
        },
        {
            content: "The tickets card is shown",
            trigger: ".o_portal_index_card a[href='/my/tickets']",
        },
    ],
});
