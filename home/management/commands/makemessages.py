"""`makemessages` without fuzzy matching.

msgmerge's fuzzy matching guesses a translation for a new string from a similar old
one ("Options" took the translation of "Caption"), marks it fuzzy, and gettext then
ignores it. Here new strings always arrive untranslated, so
tests/home/test_languages.py catches them.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
