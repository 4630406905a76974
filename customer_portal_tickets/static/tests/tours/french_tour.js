import {registry} from "@web/core/registry";

// English left on the pages a French customer reads (server and JavaScript strings).
const ENGLISH = [
    "The conversation is empty.",
    "Today at",
    "Yesterday at",
    "Send message",
    "Write a message",
    "Log note",
];

function assertFrench() {
    // The portal chatter lives in a shadow root: read it too.
    const chatter = document.querySelector("#chatterRoot");
    const text = document.body.innerText + (chatter?.shadowRoot?.textContent || "");
    const found = ENGLISH.filter((english) => text.includes(english));
    if (found.length) {
        throw new Error(`English on a French page: ${found.join(", ")}`);
    }
}

// A French customer reads a ticket with its conversation: the chatter is French.
registry.category("web_tour.tours").add("customer_portal_french_ticket_tour", {
    steps: () => [
        {
            content: "The chatter has loaded its messages",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(Nous regardons cela)",
        },
        {
            content: "No English: the message's date, the composer, the empty states",
            trigger: "#chatterRoot:shadow .o-mail-Message",
            run: assertFrench,
        },
    ],
});

// The ticket list fits the screen: no column cut off on a laptop (1280 px) or a phone.
registry.category("web_tour.tours").add("customer_portal_ticket_list_width_tour", {
    steps: () => [
        {
            content: "The list fits its page, without horizontal scrolling",
            trigger: ".o_portal_my_doc_table tbody tr",
            run() {
                const table = document.querySelector(".o_portal_my_doc_table");
                const box = table.parentElement.clientWidth;
                const page = document.documentElement;
                if (table.scrollWidth > box + 1 || page.scrollWidth > window.innerWidth + 1) {
                    throw new Error(
                        `The ticket list is wider than the screen: table ${table.scrollWidth} px ` +
                            `in ${box} px, page ${page.scrollWidth} px in ${window.innerWidth} px`
                    );
                }
            },
        },
    ],
});

// A French customer turns two-factor authentication on (/my/security): the dialogs of
// auth_totp_portal and portal (JavaScript) are French, down to the code's placeholder.
registry.category("web_tour.tours").add("customer_portal_french_totp_tour", {
    steps: () => [
        {
            content: "Enable two-factor authentication",
            trigger: "button#auth_totp_portal_enable",
            run: "click",
        },
        {
            content: "The password is asked first, in French",
            trigger: ".modal:contains(Contrôle de sécurité) [name=password]",
            run: "edit client4",
        },
        {
            content: "Confirm the password",
            trigger: ".modal button:contains(Confirmer le mot de passe)",
            run: "click",
        },
        {
            content: "The set-up dialog: its button and the code's placeholder are French",
            trigger: ".modal input[name=code]",
            run() {
                const dialog = this.anchor.closest(".modal");
                const english = ["Activate", "6-digit code", "Cancel"].filter(
                    (word) =>
                        dialog.innerText.includes(word) || this.anchor.placeholder.includes(word)
                );
                if (english.length) {
                    throw new Error(`English in the two-factor dialog: ${english.join(", ")}`);
                }
                if (!dialog.querySelector("footer .btn-primary, .modal-footer .btn-primary")
                    ?.innerText.includes("Activer")) {
                    throw new Error("The set-up dialog has no 'Activer' button");
                }
            },
        },
    ],
});
