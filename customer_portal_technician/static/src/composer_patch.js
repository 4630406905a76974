import {Composer} from "@mail/core/common/composer";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";

// The quick replies' list (":" then the shortcut) said "Tab to select", but Tab only
// highlights a reply and Enter alone closes the list: say what inserts one.
patch(Composer.prototype, {
    // On a ticket, the composer says how quick replies come (technicians typed "::").
    get placeholder() {
        const placeholder = super.placeholder;
        if (this.thread?.model === "helpdesk.ticket" && placeholder) {
            const hint = _t("(type : for a quick reply)");
            return placeholder + " " + hint;
        }
        return placeholder;
    },
    get navigableListProps() {
        const props = super.navigableListProps;
        if (props.optionTemplate === "mail.Composer.suggestionCannedResponse") {
            props.hint = _t("Tab or ↓ to choose, Enter to insert");
        }
        return props;
    },
});
