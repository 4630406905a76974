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
            content: "Submit with a double click: the button is disabled at the first",
            trigger: "button.o_support_submit",
            run() {
                this.anchor.click();
                if (!this.anchor.disabled) {
                    throw new Error("The button is not disabled while the form is sent.");
                }
                this.anchor.click();
            },
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

// A file over the size limit is refused in the browser, before anything is sent: the
// message shows, the form stays with what was typed.
registry.category("web_tour.tours").add("customer_portal_oversized_file_tour", {
    url: "/my/support/new/service",
    steps: () => [
        {
            content: "Subject",
            trigger: "input#subject",
            run: "edit Export des temps de conduite",
        },
        {
            content: "Description",
            trigger: "textarea#description",
            run: "edit Le fichier joint est trop gros.",
        },
        {
            content: "Choose a file one byte over the limit",
            trigger: "form.o_support_form input#attachments",
            run() {
                const form = this.anchor.closest("form");
                const size = parseInt(form.dataset.maxBytes, 10) + 1;
                const bytes = new Uint8Array(size);
                bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "export.png", {type: "image/png"}));
                this.anchor.files = transfer.files;
                this.anchor.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            content: "The browser says the file is too large",
            trigger: ".o_support_file_errors div:contains(export.png)",
        },
        {
            content: "Send anyway (a mark on the page tells whether it was reloaded)",
            trigger: "button.o_support_submit",
            run() {
                window.oversizedFileNotSent = true;
                this.anchor.click();
            },
        },
        {
            content: "Nothing was sent: the same page, with what was typed",
            trigger: ".o_support_file_errors div:contains(export.png)",
            run() {
                if (!window.oversizedFileNotSent) {
                    throw new Error("the form was sent to the server");
                }
                const subject = document.querySelector("input#subject").value;
                if (subject !== "Export des temps de conduite") {
                    throw new Error(`the subject was lost: "${subject}"`);
                }
                if (!document.querySelector("input#attachments").classList.contains("is-invalid")) {
                    throw new Error("the file input is not marked invalid");
                }
            },
        },
    ],
});
