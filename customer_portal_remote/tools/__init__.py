from . import remote_ids
