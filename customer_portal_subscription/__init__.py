from . import controllers, models
from .hooks import post_load
