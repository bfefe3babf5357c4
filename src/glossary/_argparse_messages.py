"""argparse's user-facing messages, listed so that extraction puts them in our catalog.

argparse translates through the module-level ``_`` / ``ngettext`` that ``glossary.i18n.set_language``
points at our catalog. These are the texts of Python 3.11–3.13's argparse; a text a later Python
changes simply stays in English. Nothing imports this module at run time.
"""

from glossary.i18n import N_

MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("ignored explicit argument %r"),
)


def _plurals() -> None:
    """Never called: shows extraction argparse's one plural message."""
    from glossary.i18n import ngettext

    ngettext("expected %s argument", "expected %s arguments", 2)
