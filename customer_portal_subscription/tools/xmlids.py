"""Records named by xml id, without a query."""


def cached_ref(env, xmlid, raise_if_not_found=True):
    """``env.ref(xmlid)`` without its query: the id comes from Odoo's cache of xml ids
    and is not checked to exist (deleting a record deletes its xml id and clears that
    cache). An unknown xml id raises ValueError, or gives ``None`` when
    ``raise_if_not_found`` is false."""
    model, res_id = env["ir.model.data"]._xmlid_to_res_model_res_id(xmlid, raise_if_not_found)
    return env[model].browse(res_id) if model and res_id else None
