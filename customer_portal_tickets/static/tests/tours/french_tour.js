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
