from . import cells, params, xmlids
