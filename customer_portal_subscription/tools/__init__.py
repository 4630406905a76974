from . import cells, params
