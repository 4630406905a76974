import {registry} from "@web/core/registry";

// A 4-star customer reads its phone-line access code in the Details box of the portal
// home, opens its subscription and switches its payment method to another saved one.
registry.category("web_tour.tours").add("customer_portal_subscription_tour", {
    url: "/my",
    steps: () => [
        {
            content: "The Details box shows the access code",
            trigger: ".o_portal_support_programme .o_portal_access_code",
            run() {
                const code = this.anchor.textContent.trim();
                if (!/^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(code)) {
                    throw new Error(`Unexpected access code: "${code}"`);
                }
            },
        },
        {
            content: "and the direct phone line",
            trigger: ".o_portal_support_programme .o_portal_support_phone",
        },
        {
            content: "Open the subscriptions",
            trigger: ".o_portal_index_card a[href='/my/subscriptions']",
            run: "click",
        },
        {
            content: "Open the subscription",
            trigger: ".o_portal_subscription_row a",
            run: "click",
        },
        {
            content: "The card chosen so far is shown",
            trigger: ".o_subscription_payment_method:contains(Carte •••• 4242)",
        },
        {
            content: "Change the payment method",
            trigger: "a.o_subscription_change_payment",
            run: "click",
        },
        {
            content: "Choose the saved bank account",
            trigger: "label:has(.o_subscription_token_name:contains(0099)) input[type=radio]",
            run: "click",
        },
        {
            content: "Save",
            trigger: "button.o_subscription_payment_submit",
            run: "click",
        },
        {
            content: "The subscription confirms the change",
            trigger: ".alert-success",
        },
        {
            content: "and now shows the bank account",
            trigger: ".o_subscription_payment_method:contains(Mandat SEPA •••• 0099)",
        },
    ],
});
