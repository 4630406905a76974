import {browser} from "@web/core/browser/browser";
import {registry} from "@web/core/registry";

// The technician connects to the AnyDesk session a customer handed over: the browser is
// handed anydesk:… as it is (headless Chromium has no handler for it: the link is
// recorded on its way to the browser, which still receives it), the page stays on the
// ticket, and the session is connected only once the technician confirms.
const SESSIONS = ".o_field_widget[name=remote_session_ids]";

registry.category("web_tour.tours").add("customer_portal_remote_connect_tour", {
    steps: () => [
        {
            content: "Open the ticket's remote sessions",
            trigger: ".o_notebook_headers .nav-link[name=remote_sessions]",
            run(helpers) {
                const location = window.location;
                window.__remoteHandedUrls = [];
                window.__remoteStartPath = location.pathname;
                // Record what the page hands to the browser, then hand it over.
                Object.defineProperty(browser, "location", {
                    configurable: true,
                    get: () =>
                        new Proxy(
                            {},
                            {
                                get(target, key) {
                                    if (key === "assign") {
                                        return (url) => {
                                            window.__remoteHandedUrls.push(String(url));
                                            location.assign(url);
                                        };
                                    }
                                    const value = location[key];
                                    return typeof value === "function"
                                        ? value.bind(location)
                                        : value;
                                },
                            }
                        ),
                });
                helpers.click();
            },
        },
        {
            content: "The session waits for the technician",
            trigger: `${SESSIONS} .badge:contains(Demandée)`,
        },
        {
            content: "Connect",
            trigger: `${SESSIONS} button[name=action_connect]`,
            run: "click",
        },
        {
            content: "The dialog offers to open AnyDesk again with the session's own link",
            trigger: ".modal .o_remote_connect_dialog a.o_remote_open_tool[href='anydesk:731902448']",
        },
        {
            content: "The browser was handed anydesk:…, and the page stayed on the ticket",
            trigger: ".modal .o_remote_connect_opens:contains(731902448)",
            run() {
                const handed = window.__remoteHandedUrls.join(" ");
                if (handed !== "anydesk:731902448") {
                    throw new Error(`The browser was handed "${handed}"`);
                }
                if (window.location.pathname !== window.__remoteStartPath) {
                    throw new Error(`The page moved to ${window.location.pathname}`);
                }
            },
        },
        {
            content: "Not connected yet: the session still waits",
            trigger: `${SESSIONS} .badge:contains(Demandée)`,
        },
        {
            content: "AnyDesk opened: confirm",
            trigger: ".modal button.o_remote_confirm_connected",
            run: "click",
        },
        {
            content: "The session is connected",
            trigger: `body:not(:has(.modal)) ${SESSIONS} .badge:contains(Connect)`,
        },
        {
            content: "The timer runs on the ticket",
            trigger: ".o_form_view button[name=button_end_work]",
        },
    ],
});
