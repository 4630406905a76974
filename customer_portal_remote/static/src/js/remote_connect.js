import {Component} from "@odoo/owl";
import {browser} from "@web/core/browser/browser";
import {Dialog} from "@web/core/dialog/dialog";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";

/**
 * What the technician sees once its browser was handed the session's link: the tool
 * opens (or the link to open it again), and a button to say it is connected. The
 * server cannot see the tool: the session is marked connected, and the timer starts,
 * only when the technician confirms.
 */
export class RemoteConnectDialog extends Component {
    static template = "customer_portal_remote.RemoteConnectDialog";
    static components = {Dialog};
    static props = {
        sessionId: Number,
        url: String,
        tool: String,
        sessionCode: String,
        close: Function,
    };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
    }

    get opensText() {
        return _t("%(tool)s opens on your computer with the session ID %(code)s.", {
            tool: this.props.tool,
            code: this.props.sessionCode,
        });
    }

    get openAgainText() {
        return _t("Open %(tool)s", {tool: this.props.tool});
    }

    get installText() {
        return _t("or install %(tool)s on your computer and type the ID in it.", {
            tool: this.props.tool,
        });
    }

    async confirm() {
        await this.orm.call("customer.portal.remote.session", "action_confirm_connected", [
            [this.props.sessionId],
        ]);
        this.props.close();
        await this.action.doAction({type: "ir.actions.client", tag: "soft_reload"});
    }
}

/**
 * Client action returned by Connect: the link goes to the browser as it is, never
 * through an act_url (the web client would prefix "/" to anydesk:… and load it from
 * Odoo).
 */
export function openRemoteTool(env, action) {
    const params = action.params;
    env.services.dialog.add(RemoteConnectDialog, {
        sessionId: params.session_id,
        url: params.url,
        tool: params.tool,
        sessionCode: params.session_code,
    });
    if (/^https?:/i.test(params.url)) {
        // A tool on the web: in a tab of its own, the ticket stays open.
        browser.open(params.url, "_blank");
    } else {
        browser.location.assign(params.url);
    }
}

registry.category("actions").add("customer_portal_remote_connect", openRemoteTool);
