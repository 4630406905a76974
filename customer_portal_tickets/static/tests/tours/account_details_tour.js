import {registry} from "@web/core/registry";

// A customer changes its details in "Mes coordonnées": the required fields are marked,
// the change is saved and the portal home shows it.
registry.category("web_tour.tours").add("customer_portal_account_details_tour", {
    url: "/my/account",
    steps: () => [
        {
            content: "The form says which fields are required",
            trigger: ".o_required_legend",
        },
        {
            content: "The phone is marked required",
            trigger: "label[for=phone] .visually-hidden",
        },
        {
            content: "and so is its field",
            trigger: "input#phone[aria-required=true]",
        },
        {
            content: "Change the street",
            trigger: "input[name=street]",
            run: "edit 20 boulevard de l'Europe",
        },
        {
            content: "Save",
            trigger: "form button[type=submit]",
            run: "click",
        },
        {
            content: "Saved: the portal home shows the new street",
            trigger: ".o_portal_my_details:contains(20 boulevard de l'Europe)",
        },
    ],
});

// On a phone the portal home shows the access code and the number of the support line
// (portal's side column hides behind the avatar there).
registry.category("web_tour.tours").add("customer_portal_home_phone_tour", {
    url: "/my",
    steps: () => [
        {
            content: "The access code is on the page",
            trigger: ".o_portal_home_support_programme .o_portal_access_code",
        },
        {
            content: "and the number to call",
            trigger: ".o_portal_home_support_programme a.o_portal_support_phone[href^='tel:']",
        },
    ],
});
