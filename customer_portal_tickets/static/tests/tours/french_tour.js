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
