from . import params
