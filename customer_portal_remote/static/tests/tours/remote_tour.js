import {registry} from "@web/core/registry";

// A customer reads how to start remote maintenance, then hands an AnyDesk ID over on its
// open ticket.
registry.category("web_tour.tours").add("customer_portal_remote_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open remote maintenance from the portal home",
            trigger: "a[href='/my/remote']",
            run: "click",
        },
        {
            content: "The page offers AnyDesk with its steps",
            trigger: ".o_remote_page .o_remote_tool_anydesk .o_remote_steps",
        },
        {
            content: "Go to my tickets",
            trigger: ".o_remote_page a[href='/my/tickets']",
            run: "click",
        },
        {
            content: "Open the ticket the technician is working on",
            trigger: "a:contains(Paramétrage des temps de pause)",
            run: "click",
        },
        {
            content: "Choose AnyDesk",
            trigger: "input#remote_tool_anydesk",
            run: "click",
        },
        {
            content: "Type the ID AnyDesk shows",
            trigger: "input#remote_code",
            run: "edit 731 902 448",
        },
        {
            content: "Allow the technician to take control",
            trigger: "input#remote_consent",
            run: "click",
        },
        {
            content: "Give the ID to the technician",
            trigger: "button.o_remote_submit",
            run: "click",
        },
        {
            content: "The ticket says the session is requested",
            trigger: ".o_remote_requested:contains(AnyDesk)",
        },
    ],
});
