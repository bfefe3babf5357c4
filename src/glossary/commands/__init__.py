"""CLI sub-commands: each module has ``HELP``, ``configure(parser)`` and ``run(args) -> int``."""
