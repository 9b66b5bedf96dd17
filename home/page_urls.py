"""Page URLs worked out once per request, however often a page is linked."""

import weakref


class UrlPerRequestMixin:
    """For pages that one response links many times (an event repeating every week
    appears in the month grid, the agenda and the upcoming list): Wagtail computes a
    page's URL afresh on every ``{% pageurl %}`` (root paths, then a URL reverse);
    this remembers it on the page object for the request it was computed for."""

    def get_url_parts(self, request=None):
        if request is None:
            return super().get_url_parts(request)
        memo = self.__dict__.get("_url_parts_memo")
        if memo is not None and memo[0]() is request:
            return memo[1]
        parts = super().get_url_parts(request)
        self._url_parts_memo = (weakref.ref(request), parts)
        return parts
