from . import file_policy, text
