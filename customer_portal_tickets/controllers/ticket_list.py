from operator import itemgetter

from odoo import http
from odoo.addons.customer_portal_subscription.tools.cells import CellFormatters
from odoo.addons.customer_portal_subscription.tools.params import to_page
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.http import request
from odoo.osv.expression import AND
from odoo.tools import groupby as groupbyelem

from ..tools.text import clean_text

# Longest search the list takes; longer ones are cut (the box says so).
SEARCH_MAX = 200


class TicketListPortal(CustomerPortalHelpdesk):
    """The ticket list of helpdesk_mgmt with the filters, sortings, group-bys and searches
    customers need. helpdesk_mgmt's sortings, group-bys and search inputs have hooks and
    are extended; its filters (one per stage) have none, so the list route is overridden
    and keeps helpdesk_mgmt's template."""

    def _ticket_get_searchbar_sortings(self):
        sortings = super()._ticket_get_searchbar_sortings()
        sortings["name"]["label"] = request.env._("Subject")
        # What customers read of a ticket is its state (the group-by's word and order),
        # not the support team's stage.
        sortings["stage"].update(
            label=request.env._("State"), order="portal_state_sequence, create_date desc"
        )
        sortings["update"]["label"] = request.env._("Last change")
        sortings["number"] = {
            "label": request.env._("Reference"),
            "order": "number desc",
            "sequence": 5,
        }
        return sortings

    def _ticket_get_searchbar_filters(self):
        open_domain = [("closed", "=", False)]
        categories = {
            f"category_{category.id}": {
                "label": category.name,
                "domain": [("category_id", "=", category.id)],
            }
            for category in request.env["helpdesk.ticket"]._portal_categories()
        }
        return {
            "all": {"label": request.env._("All"), "domain": []},
            "open": {"label": request.env._("Open"), "domain": open_domain},
            "closed": {"label": request.env._("Closed"), "domain": [("closed", "=", True)]},
            "assigned": {
                "label": request.env._("Assigned"),
                "domain": open_domain + [("user_id", "!=", False)],
            },
            "unassigned": {
                "label": request.env._("Not yet assigned"),
                "domain": open_domain + [("user_id", "=", False)],
            },
            "waiting": {
                "label": request.env._("Waiting for my reply"),
                "domain": [("portal_state", "=", "waiting")],
            },
            "copy": {
                "label": request.env._("In copy"),
                "domain": [("cc_partner_ids", "in", request.env.user.partner_id.ids)],
            },
            **categories,
        }

    def _ticket_get_searchbar_groupby(self):
        values = super()._ticket_get_searchbar_groupby()
        values["stage"]["label"] = request.env._("State")
        values["kind"] = {"input": "kind", "label": request.env._("Kind"), "order": 4}
        return dict(sorted(values.items(), key=lambda item: item[1]["order"]))

    def _ticket_get_groupby_mapping(self):
        # "stage" groups by what customers read (new, in progress, waiting, resolved).
        return {
            **super()._ticket_get_groupby_mapping(),
            "stage": "portal_state",
            "kind": "ticket_kind",
        }

    def _ticket_get_order(self, order, groupby):
        # States in the order of the workflow (new, in progress, waiting, resolved...),
        # not in the alphabetical order of their keys.
        if self._ticket_get_groupby_mapping().get(groupby) == "portal_state":
            return f"portal_state_sequence, {order}"
        return super()._ticket_get_order(order, groupby)

    def _ticket_get_searchbar_inputs(self):
        values = super()._ticket_get_searchbar_inputs()
        values["name"]["label"] = request.env._("Search in Subject and Description")
        values.update(
            {
                "message": {
                    "input": "message",
                    "label": request.env._("Search in Messages"),
                    "order": 4,
                },
                "partner": {
                    "input": "partner",
                    "label": request.env._("Search in Created by"),
                    "order": 5,
                },
                "stage": {"input": "stage", "label": request.env._("Search in State"), "order": 6},
            }
        )
        return dict(sorted(values.items(), key=lambda item: item[1]["order"]))

    def _ticket_search_terms(self, search_in, search, readable):
        """The domains a search matches, one per place searched (ORed, PostgreSQL
        plans them badly: the list searches each on its own). ``readable``: the ids of
        the tickets the user reads, where messages are searched."""
        domains = [super()._ticket_get_search_domain(search_in, search)]
        if search_in in ("name", "all"):
            domains.append([("description", "ilike", search)])
        if search_in in ("stage", "all"):
            # The states customers read ("Résolu") as well as the stages' names.
            states = request.env["helpdesk.ticket"]._fields["portal_state"]
            matching = [
                key
                for key, label in states._description_selection(request.env)
                if search.lower() in label.lower()
            ]
            domains.append([("stage_id.name", "ilike", search)])
            if matching:
                domains.append([("portal_state", "in", matching)])
        if search_in in ("partner", "all"):
            domains.append([("partner_id.name", "ilike", search)])
        if search_in in ("message", "all"):
            # Public messages only: a customer never finds a ticket by an internal note.
            # Among the messages of the tickets the user reads (an index lookup), not
            # among every ticket message of the database.
            domains.append(
                [
                    (
                        "message_ids",
                        "any",
                        [
                            ("res_id", "in", readable),
                            ("body", "ilike", search),
                            ("message_type", "in", ("comment", "email")),
                            ("subtype_id.internal", "=", False),
                            ("is_internal", "=", False),
                        ],
                    )
                ]
            )
        return [domain for domain in domains if domain]

    @http.route()
    def portal_my_tickets(
        self, page=1, sortby=None, filterby=None, search=None, search_in="all", groupby=None, **kw
    ):
        Ticket = request.env["helpdesk.ticket"]
        if not Ticket.has_access("read"):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        searchbar_sortings = dict(
            sorted(self._ticket_get_searchbar_sortings().items(), key=lambda i: i[1]["sequence"])
        )
        searchbar_filters = self._ticket_get_searchbar_filters()
        searchbar_groupby = self._ticket_get_searchbar_groupby()
        searchbar_inputs = self._ticket_get_searchbar_inputs()
        sortby = sortby if sortby in searchbar_sortings else "date"
        filterby = filterby if filterby in searchbar_filters else "all"
        groupby = groupby if groupby in searchbar_groupby else "none"
        search_in = search_in if search_in in searchbar_inputs else "all"
        # What the box holds is searched as typed, less control characters (PostgreSQL
        # refuses NUL) and past a sensible length.
        search = clean_text(search).strip()[:SEARCH_MAX] if search else search
        page = to_page(page)

        # The record rules apply to the user's own searches; the superuser's search below
        # gets them explicitly.
        domain = searchbar_filters[filterby]["domain"]
        if search:
            # Searched as superuser within the tickets the user may read (the customer
            # can search its colleagues' names and the public messages of its tickets),
            # one place at a time.
            readable = Ticket.search([]).ids
            matching = set()
            for term in self._ticket_search_terms(search_in, search, readable):
                matching.update(Ticket.sudo().search(AND([[("id", "in", readable)], term])).ids)
            domain = AND([domain, [("id", "in", sorted(matching))]])
        pager = portal_pager(
            url="/my/tickets",
            url_args={
                "sortby": sortby,
                "filterby": filterby,
                "groupby": groupby,
                "search": search,
                "search_in": search_in,
            },
            total=Ticket.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        order = self._ticket_get_order(searchbar_sortings[sortby]["order"], groupby)
        tickets = Ticket.search(
            domain, order=order, limit=self._items_per_page, offset=pager["offset"]
        )
        request.session["my_tickets_history"] = tickets.ids[:100]
        group = self._ticket_get_groupby_mapping().get(groupby)
        if group:
            grouped_tickets = [
                Ticket.concat(*g) for _k, g in groupbyelem(tickets, itemgetter(group))
            ]
        else:
            grouped_tickets = [tickets] if tickets else []
        cells = CellFormatters(request.env)
        values.update(
            {
                "cells": cells,
                "ticket_labels": {
                    name: cells.labels("helpdesk.ticket", name)
                    for name in ("portal_state", "ticket_kind", "urgency")
                },
                "grouped_tickets": grouped_tickets,
                "page_name": "ticket",
                "default_url": "/my/tickets",
                "pager": pager,
                "searchbar_sortings": searchbar_sortings,
                "searchbar_groupby": searchbar_groupby,
                "searchbar_inputs": searchbar_inputs,
                "searchbar_filters": searchbar_filters,
                "search_in": search_in,
                "search": search,
                "sortby": sortby,
                "groupby": groupby,
                "filterby": filterby,
            }
        )
        return request.render("helpdesk_mgmt.portal_my_tickets", values)

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        # The files of the ticket a customer may see: not those of internal notes.
        attachments = ticket.sudo().attachment_ids
        if request.env.user.share:
            attachments -= attachments._filter_internal_note_files()
        values["ticket_attachments"] = attachments
        return values
