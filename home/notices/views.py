"""The short link printed on posters: /n/<id>/ redirects to the notice."""

from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _

from home.notices.models import NoticePage


def short_link(request, pk):
    """Redirect to a notice residents may read now; 404 when unknown, unpublished or
    expired (the poster may outlive the notice on the board)."""
    notice = NoticePage.objects.visible().public().filter(pk=pk).first()
    url = notice.get_url(request) if notice else None
    if url is None:
        raise Http404(_("This notice is no longer online."))
    return HttpResponseRedirect(url)
