import {registry} from "@web/core/registry";

// A customer reports an incident on one of its software products, with a screenshot.
registry.category("web_tour.tours").add("customer_portal_incident_tour", {
    url: "/my/support",
    steps: () => [
        {
            content: "Report an incident on the first software card",
            trigger: ".o_support_product_card a.o_support_incident",
            run: "click",
        },
        {
            content: "Subject",
            trigger: "input#subject",
            run: "edit Les positions GPS ne remontent plus",
        },
        {
            content: "Description",
            trigger: "textarea#description",
            run: "edit Depuis 8 h la carte est vide pour tous les véhicules.",
        },
        {
            content: "Urgency: serious",
            trigger: "input#urgency_serious",
            run: "click",
        },
        {
            content: "Attach a screenshot",
            trigger: "input#attachments",
            run() {
                const png = atob(
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
                );
                const bytes = Uint8Array.from(png, (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "carte.png", {type: "image/png"}));
                this.anchor.files = transfer.files;
            },
        },
        {
            content: "Send",
            trigger: "button.o_support_submit",
            run: "click",
        },
        {
            content: "The confirmation shows the ticket number",
            trigger: ".o_support_sent .o_support_ticket_number:contains(HT)",
        },
    ],
});

// A customer writes to the accounting department.
registry.category("web_tour.tours").add("customer_portal_administrative_tour", {
    url: "/my/support/new/administrative",
    steps: () => [
        {
            content: "Pick the accounting department",
            trigger: "select#department_id",
            run() {
                const option = [...this.anchor.options].find((o) =>
                    /Comptabilit|Accounting/.test(o.textContent)
                );
                this.anchor.value = option.value;
                this.anchor.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            content: "The e-mail is prefilled",
            trigger: "input#contact_email:value(/@/)",
        },
        {
            content: "Subject",
            trigger: "input#subject",
            run: "edit Double prélèvement en octobre",
        },
        {
            content: "Description",
            trigger: "textarea#description",
            run: "edit Nous avons été prélevés deux fois le 5 octobre.",
        },
        {
            content: "Submit",
            trigger: "button.o_support_submit",
            run: "click",
        },
        {
            content: "The confirmation shows the ticket number",
            trigger: ".o_support_sent .o_support_ticket_number:contains(HT)",
        },
        {
            content: "See my tickets",
            trigger: "a[href='/my/tickets']",
            run: "click",
        },
        {
            content: "The request is listed with the technical tickets",
            trigger: "td:contains(Double prélèvement en octobre)",
        },
    ],
});
