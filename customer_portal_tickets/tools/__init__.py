from . import file_policy, locked_count, text
