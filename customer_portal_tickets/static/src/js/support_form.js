/** @odoo-module **/
// The ticket forms refuse a file over the size or count limit before anything is sent,
// with the server's own (translated) messages: the customer keeps what was typed.
// While a form is being sent its button is disabled: a double click sends it once (the
// server also takes a form sent twice for one, by its one-time submission key).
import publicWidget from "@web/legacy/js/public/public_widget";
import { addLoadingEffect } from "@web/core/utils/ui";

publicWidget.registry.CustomerPortalSupportForm = publicWidget.Widget.extend({
    selector: "form.o_support_form",
    events: {
        "change input[type=file]": "_onFilesChange",
        submit: "_onSubmit",
    },

    _fileErrors() {
        const input = this.el.querySelector("input[type=file]");
        if (!input) {
            return [];
        }
        const maxBytes = parseInt(this.el.dataset.maxBytes, 10);
        const maxFiles = parseInt(this.el.dataset.maxFiles, 10);
        const kept = this.el.querySelectorAll("input[name=pending_attachment_id]").length;
        const errors = [];
        [...input.files].forEach((file, index) => {
            if (file.size > maxBytes) {
                errors.push(this.el.dataset.sizeMessage.replace("{name}", file.name));
            } else if (kept + index >= maxFiles) {
                errors.push(this.el.dataset.countMessage.replace("{name}", file.name));
            }
        });
        return errors;
    },

    _showFileErrors(errors) {
        const input = this.el.querySelector("input[type=file]");
        const feedback = this.el.querySelector(".o_support_file_errors");
        input.classList.toggle("is-invalid", errors.length > 0);
        feedback.replaceChildren(
            ...errors.map((message) => {
                const line = document.createElement("div");
                line.textContent = message;
                return line;
            })
        );
    },

    _onFilesChange() {
        this._showFileErrors(this._fileErrors());
    },

    start() {
        // Back to this page from the browser's cache: the button works again.
        this._onPageShow = (ev) => {
            if (ev.persisted) {
                this._restoreButtons();
            }
        };
        window.addEventListener("pageshow", this._onPageShow);
        return this._super(...arguments);
    },

    destroy() {
        window.removeEventListener("pageshow", this._onPageShow);
        this._super(...arguments);
    },

    _restoreButtons() {
        (this._restore || []).forEach((restore) => restore());
        this._restore = null;
    },

    _onSubmit(ev) {
        if (this._restore) {
            ev.preventDefault(); // already being sent
            return;
        }
        const errors = this._fileErrors();
        if (errors.length) {
            ev.preventDefault();
            this._showFileErrors(errors);
            this.el.querySelector("input[type=file]").focus();
            return;
        }
        this._restore = [...this.el.querySelectorAll("button[type=submit]")].map(addLoadingEffect);
    },
});
