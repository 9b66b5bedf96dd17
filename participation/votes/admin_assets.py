"""The plan votes' admin stylesheet (``insert_global_admin_css``): the quorum line on
participation bars, and the ``linli-facts`` / ``linli-actions`` / ``linli-filter``
layout of the vote pages."""

from django.templatetags.static import static
from django.utils.html import format_html


def global_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-votes.css"))
