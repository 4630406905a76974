import re
import secrets

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.osv import expression

from .product_template import STAR_LEVELS

# Letters and digits that cannot be mistaken for one another when read out on the
# phone or copied by hand: no 0/O, 1/I/L, 5/S, 2/Z, 8/B.
ACCESS_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
ACCESS_CODE_GROUPS = 2
ACCESS_CODE_GROUP_SIZE = 4
ACCESS_CODE_LEVELS = ("4", "5")
ACCESS_CODE_GROUP = "customer_portal_subscription.group_support_access_code"

SUBSCRIPTION_FIELDS = ("in_progress", "date_start", "date", "support_star_level")


def access_code_part_domain(text, min_chars=4):
    """A domain finding the access codes that contain ``text`` (a part of a code heard on
    the phone: any case, with or without its dash), or None when it is too short."""
    chars = re.sub(r"[^0-9A-Za-z]", "", text or "").upper()
    if not min_chars <= len(chars) < ACCESS_CODE_GROUPS * ACCESS_CODE_GROUP_SIZE:
        return None
    # The stored code has a dash; the part may span it at any place.
    patterns = {chars} | {chars[:i] + "-" + chars[i:] for i in range(1, len(chars))}
    return expression.OR([[("support_access_code", "like", p)] for p in sorted(patterns)])


def normalize_access_code(text):
    """``"k7qf m2xr"``, ``"K7QF-M2XR"`` -> ``"K7QF-M2XR"``; None when it cannot be a code."""
    chars = re.sub(r"[^0-9A-Za-z]", "", text or "").upper()
    if len(chars) != ACCESS_CODE_GROUPS * ACCESS_CODE_GROUP_SIZE:
        return None
    size = ACCESS_CODE_GROUP_SIZE
    return "-".join(chars[i : i + size] for i in range(0, len(chars), size))


class ResPartner(models.Model):
    _inherit = "res.partner"

    support_star_level = fields.Selection(
        STAR_LEVELS,
        compute="_compute_support_star_level",
        store=True,
        tracking=True,
        help="Highest star level among the products of the subscriptions in progress "
        "today of this customer's company and of its contacts.",
    )
    support_access_code = fields.Char(
        compute="_compute_support_access_code",
        store=True,
        readonly=False,
        copy=False,
        groups=ACCESS_CODE_GROUP,
        help="Personal code a 4- or 5-star customer gives on the support phone line.",
    )
    support_access_code_lookup = fields.Char(
        string="Access Code",
        compute="_compute_support_access_code_lookup",
        search="_search_support_access_code_lookup",
        groups=ACCESS_CODE_GROUP,
        help="Finds a customer by its phone-line access code, typed with or without "
        "the dash, in any case.",
    )

    _sql_constraints = [
        (
            "support_access_code_unique",
            "UNIQUE(support_access_code)",
            "This access code is already given to another customer.",
        ),
    ]

    @api.depends(
        "commercial_partner_id",
        *(f"commercial_partner_id.subscription_ids.{f}" for f in SUBSCRIPTION_FIELDS),
        *(f"commercial_partner_id.child_ids.subscription_ids.{f}" for f in SUBSCRIPTION_FIELDS),
    )
    def _compute_support_star_level(self):
        today = fields.Date.context_today(self)
        for partner in self:
            company = partner.commercial_partner_id
            subscriptions = (company | company.child_ids).subscription_ids
            partner.support_star_level = max(
                (
                    s.support_star_level
                    for s in subscriptions
                    if s.support_star_level and s._gives_support_on(today)
                ),
                default=False,
            )

    @api.depends("support_star_level", "commercial_partner_id")
    def _compute_support_access_code(self):
        for partner in self:
            entitled = (
                partner.support_star_level in ACCESS_CODE_LEVELS
                and partner.commercial_partner_id == partner
            )
            if not entitled:
                partner.support_access_code = False
            elif not partner.support_access_code:
                partner.support_access_code = partner._new_access_code()

    def _compute_support_access_code_lookup(self):
        for partner in self:
            partner.support_access_code_lookup = partner.support_access_code

    def _search_support_access_code_lookup(self, operator, value):
        if operator not in ("=", "ilike", "=ilike") or not isinstance(value, str):
            raise NotImplementedError(operator, value)
        code = normalize_access_code(value)
        if code:
            return [("support_access_code", "=", code)]
        return access_code_part_domain(value) or expression.FALSE_DOMAIN

    @api.model
    def _search_display_name(self, operator, value):
        """Staff find a customer by its access code wherever they type a partner name."""
        domain = super()._search_display_name(operator, value)
        code = normalize_access_code(value) if isinstance(value, str) else None
        if not (
            isinstance(value, str)
            and operator in ("ilike", "=ilike", "=")
            and self.env.user.has_group(ACCESS_CODE_GROUP)
        ):
            return domain
        if code:
            return expression.OR([domain, [("support_access_code", "=", code)]])
        # A part of a code, when it has a digit (names seldom do).
        part = access_code_part_domain(value) if re.search(r"[0-9]", value) else None
        return expression.OR([domain, part]) if part else domain

    @api.model
    def _generate_access_code(self):
        """A random code such as ``K7QF-M2XR`` from a cryptographically secure source."""
        size = ACCESS_CODE_GROUP_SIZE
        chars = "".join(
            secrets.choice(ACCESS_CODE_ALPHABET) for _ in range(ACCESS_CODE_GROUPS * size)
        )
        return "-".join(chars[i : i + size] for i in range(0, len(chars), size))

    def _new_access_code(self):
        """A code no other customer holds. The UNIQUE constraint stays the final guard
        against two transactions drawing the same code at the same moment."""
        Partner = self.sudo().with_context(active_test=False)
        for _attempt in range(20):
            code = self._generate_access_code()
            if not Partner.search_count([("support_access_code", "=", code)], limit=1):
                return code
        raise RuntimeError("No free access code found after 20 attempts")

    def action_regenerate_access_code(self):
        """Give new codes; the old ones stop working at once."""
        if not self.env.user.has_group(ACCESS_CODE_GROUP):
            raise AccessError(self.env._("Only support and sales staff can manage access codes."))
        for partner in self.filtered("support_access_code"):
            partner.sudo().support_access_code = partner._new_access_code()
            # Staff with the right to regenerate may lack the right to write on
            # partners; the note is posted in their name.
            partner.sudo().message_post(
                author_id=self.env.user.partner_id.id,
                body=self.env._(
                    "Phone-line access code regenerated by %(user)s; the previous code "
                    "no longer works.",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    @api.model
    def _cron_update_support_star_level(self):
        """Star levels follow subscription changes through the ORM; a date passing writes
        nothing, so this daily job recomputes the customers whose level may depend on
        today's date: those with a level, and those with a subscription in progress."""
        companies = (
            self.search([("support_star_level", "!=", False)])
            | self.env["sale.subscription"].search([("in_progress", "=", True)]).partner_id
        ).commercial_partner_id
        partners = self.with_context(active_test=False).search(
            [("commercial_partner_id", "in", companies.ids)]
        )
        # Recomputing a field does not mark the fields that depend on it: the access
        # code follows the level explicitly.
        for fname in ("support_star_level", "support_access_code"):
            self.env.add_to_compute(self._fields[fname], partners)
            partners._recompute_recordset([fname])
        return True
