/** @odoo-module **/
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { useEffect } from "@odoo/owl";
import { InputConfirmationDialog } from "@portal/js/components/input_confirmation_dialog/input_confirmation_dialog";

// auth_totp_portal writes the placeholder of the two-factor code in English, without
// _t ("6-digit code"): the dialog that shows it gives it the customer's language.
patch(InputConfirmationDialog.prototype, {
    setup() {
        super.setup();
        useEffect(
            (input) => {
                if (input?.placeholder === "6-digit code") {
                    input.placeholder = _t("6-digit code");
                }
            },
            () => [this.modalRef.el?.querySelector("input[name='code']")]
        );
    },
});
