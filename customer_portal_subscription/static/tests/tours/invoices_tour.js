import {registry} from "@web/core/registry";

// A customer whose invoice is late follows the home alert to its overdue invoices: the
// list says how late each one is.
registry.category("web_tour.tours").add("customer_portal_invoices_tour", {
    url: "/my",
    steps: () => [
        {
            content: "The home alert counts the invoices to pay",
            trigger: "a[href='/my/invoices?filterby=overdue_invoices'] [data-placeholder_count='overdue_invoice_count']:contains(1)",
        },
        {
            content: "Follow it",
            trigger: "a[href='/my/invoices?filterby=overdue_invoices']",
            run: "click",
        },
        {
            content: "The late invoice says by how many days, in French",
            trigger: ".o_portal_my_doc_table td.o_invoice_due.text-danger:contains(En retard de)",
        },
    ],
});
