import {registry} from "@web/core/registry";

// Logistique Dubois (client4) opens its invoice still to pay, downloads it (the link
// answers a PDF attachment; in test mode Odoo puts the report's HTML under those headers,
// so the file itself is read by tests/test_pdf_downloads.py from a server of its own),
// and pays it with its company's saved SEPA mandate from Pay now.
registry.category("web_tour.tours").add("customer_portal_pay_with_mandate_tour", {
    url: "/my/invoices",
    steps: () => [
        {
            content: "Open the invoice still to pay",
            trigger: ".o_portal_my_doc_table tr:has(.o_invoice_due:contains(Échéance)) a[href^='/my/invoices/']",
            run: "click",
        },
        {
            content: "The download link answers the invoice as a PDF file",
            trigger: "a.o_download_btn[href*='report_type=pdf'][href*='download=true']",
            async run() {
                const response = await fetch(this.anchor.getAttribute("href"));
                const type = response.headers.get("Content-Type") || "";
                const disposition = response.headers.get("Content-Disposition") || "";
                if (!response.ok || !type.startsWith("application/pdf")) {
                    throw new Error(`Not a PDF: ${response.status} ${type}`);
                }
                if (!/attachment;.*\.pdf/.test(disposition)) {
                    throw new Error(`Not downloaded as a PDF file: "${disposition}"`);
                }
            },
        },
        {
            content: "Pay now",
            trigger: "a[data-bs-target='#pay_with']",
            run: "click",
        },
        {
            content: "The company's saved card and SEPA mandate are offered, in French",
            trigger: "#pay_with .o_payment_option_label:contains(Prélèvement SEPA)",
        },
        {
            trigger: "#pay_with .o_payment_option_label:contains(Carte)",
        },
        {
            content: "Choose the SEPA mandate",
            trigger: "#pay_with li[name=o_payment_option]:has(.o_payment_option_label:contains(Prélèvement SEPA)) input[name=o_payment_radio]",
            run: "click",
        },
        {
            content: "Pay",
            trigger: "#pay_with button[name=o_payment_submit_button]:enabled",
            run: "click",
        },
        {
            content: "Back on the invoice: the payment is confirmed",
            trigger: ".o_portal_sidebar:contains(Votre paiement a été traité avec succès)",
            timeout: 20000,
        },
        {
            content: "and the invoice reads paid",
            trigger: ".o_portal_sidebar .badge:contains(Payé)",
        },
    ],
});

// A customer adds a SEPA direct-debit mandate from Payment methods: a wrong IBAN is
// refused in French with what was typed kept; the right one, then the signature.
registry.category("web_tour.tours").add("customer_portal_sepa_mandate_tour", {
    url: "/my/payment_method",
    steps: () => [
        {
            content: "Add a SEPA mandate",
            trigger: "a.o_sepa_mandate_add_btn",
            run: "click",
        },
        {
            content: "Type a wrong IBAN",
            trigger: "input[name=iban]",
            run: "edit FR76 3000 6000 0112 3456 7890 188",
        },
        {
            trigger: "button.o_sepa_mandate_next",
            run: "click",
        },
        {
            content: "Refused in French, what was typed is kept",
            trigger: ".o_sepa_mandate_error:contains(n'est pas correct)",
        },
        {
            trigger: "input[name=iban]:value(FR76 3000 6000 0112 3456 7890 188)",
        },
        {
            content: "Type the right IBAN",
            trigger: "input[name=iban]",
            run: "edit FR76 3000 6000 0112 3456 7890 189",
        },
        {
            trigger: "button.o_sepa_mandate_next",
            run: "click",
        },
        {
            content: "The mandate to sign shows the masked IBAN",
            trigger: ".o_sepa_mandate_iban:contains(FR76 •••• 0189)",
        },
        {
            content: "Sign",
            trigger: "button.o_sepa_mandate_sign",
            run: "click",
        },
        {
            // Once the dialog is shown: Bootstrap's "shown" event resets the pad, which
            // would wipe a signature drawn while the dialog fades in.
            content: "The signer's name is typed",
            trigger: ".modal.show .o_web_sign_name_and_signature input:value(Pierre Dubois)",
        },
        {
            // The Sign button is enabled before the pad has drawn the name (the fonts load
            // asynchronously): wait for ink on the canvas, as a signer waits to see it.
            content: "The name is drawn as the signature",
            trigger: ".modal.show canvas.o_web_sign_signature",
            async run() {
                const canvas = this.anchor;
                const hasInk = () => {
                    const { width, height } = canvas;
                    if (!width || !height) {
                        return false;
                    }
                    const pixels = canvas.getContext("2d").getImageData(0, 0, width, height).data;
                    for (let i = 3; i < pixels.length; i += 4) {
                        if (pixels[i]) {
                            return true;
                        }
                    }
                    return false;
                };
                for (let tries = 0; tries < 80 && !hasInk(); tries++) {
                    await new Promise((resolve) => setTimeout(resolve, 100));
                }
                if (!hasInk()) {
                    throw new Error("The signer's name was never drawn on the signature pad");
                }
            },
        },
        {
            content: "Sign",
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: "click",
        },
        {
            content: "Back on Payment methods: the mandate is saved with its reference",
            trigger: ".o_sepa_mandate_saved:contains(RUM-)",
        },
        {
            trigger: "#o_payment_form .o_payment_option_label:contains(Prélèvement SEPA)",
        },
        {
            trigger: "#o_payment_form p:contains(FR76 0189 · RUM-)",
        },
    ],
});
