"""Saving Settings as the administrator, as the form does it (onchange, save, execute),
is silent and harmless: the suite's subscriptions need pricelists (subscription_oca's
pricelist is required), so the pricelist feature is on; with it off, every onchange of
the form warned that every active pricelist would be archived, and saving archived them."""

from helpers import suite_case

from odoo.tests import Form, TransactionCase


@suite_case("post_install")
class TestSettings(TransactionCase):
    def test_saving_settings_as_admin_is_silent_and_archives_nothing(self):
        env = self.env(user=self.env.ref("base.user_admin"))
        pricelist = env["product.pricelist"].create({"name": "Tarif de test"})
        with self.assertNoLogs("odoo.tests.form.onchange", "WARNING"):
            form = Form(env["res.config.settings"])
            settings = form.save()
        self.assertTrue(settings.group_product_pricelist, "the feature the suite uses is on")
        settings.execute()
        self.assertTrue(pricelist.active, "saving Settings archived the pricelists")
        self.assertTrue(env.user.has_group("product.group_product_pricelist"))
