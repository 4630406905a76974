import {registry} from "@web/core/registry";

// On the technician's tablet (the backend form), the customer draws its signature on a
// ticket waiting for it; saved, then the page reloaded: the signature is there.
const SIGNATURE = ".o_field_widget[name=signature]";

function drawOn(canvas) {
    // A stroke across the pad, as a finger or a mouse draws it.
    const box = canvas.getBoundingClientRect();
    const point = (type, x, y) =>
        canvas.dispatchEvent(
            new PointerEvent(type, {
                bubbles: true,
                cancelable: true,
                pointerId: 1,
                pointerType: "mouse",
                isPrimary: true,
                buttons: type === "pointerup" ? 0 : 1,
                clientX: box.left + x * box.width,
                clientY: box.top + y * box.height,
            })
        );
    point("pointerdown", 0.1, 0.6);
    for (let step = 1; step <= 20; step++) {
        point("pointermove", 0.1 + step * 0.04, 0.6 - Math.sin(step / 3) * 0.3);
    }
    point("pointerup", 0.9, 0.5);
}

registry.category("web_tour.tours").add("customer_portal_technician_signature_tour", {
    steps: () => [
        {
            content: "Open the signature tab",
            trigger: ".o_notebook_headers .nav-link[name=signature]",
            run: "click",
        },
        {
            content: "The signer's name",
            trigger: ".o_field_widget[name=signed_by] input",
            run: "edit Julie Martin",
        },
        {
            content: "Nobody signed yet: open the signature pad",
            trigger: `${SIGNATURE} .o_signature_empty`,
            run: "click",
        },
        {
            content: "and chooses to draw",
            trigger: ".modal .o_web_sign_draw_button",
            run: "click",
        },
        {
            content: "It draws its signature",
            trigger: ".modal .o_web_sign_draw_button.active",
            run() {
                drawOn(document.querySelector(".modal canvas.o_web_sign_signature"));
            },
        },
        {
            content: "Adopt the signature",
            trigger: ".modal .modal-footer .btn-primary:enabled",
            run: "click",
        },
        {
            content: "The drawing is on the form",
            trigger: `body:not(:has(.modal)) ${SIGNATURE} img.o_signature`,
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved, with the time it was signed",
            trigger: ".o_form_saved .o_field_widget[name=signed_on] span:not(:empty)",
        },
        {
            content: "Reload the page",
            trigger: `${SIGNATURE} img.o_signature`,
            run() {
                window.location.reload();
            },
        },
        {
            content: "After the reload, open the signature tab again",
            trigger: ".o_notebook_headers .nav-link[name=signature]",
            run: "click",
        },
        {
            content: "The signature is there, with its signer, and can no longer be replaced",
            trigger: ".o_field_widget[name=signed_by] input:value(Julie Martin)",
        },
        {
            content: "The stored picture shows",
            trigger: `${SIGNATURE}.o_readonly_modifier img.o_signature[src*='/web/image']`,
        },
    ],
});
