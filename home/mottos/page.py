"""The routes of the gallery page (/mottos/…), kept apart from the models so that the
page model stays short; each route hands over to ``home.mottos.views``."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class GalleryRoutesMixin(RoutablePageMixin):
    @path("")
    def gallery(self, request):
        from home.mottos import views

        return views.gallery(self, request)

    @path("<int:pk>/")
    def motto(self, request, pk):
        from home.mottos import views

        return views.motto_detail(self, request, pk)

    @path("<int:pk>/print/")
    def motto_print(self, request, pk):
        from home.mottos import views

        return views.motto_print(self, request, pk)

    @path("submit/")
    def submit(self, request):
        from home.mottos import views

        return views.submit(self, request)

    @path("mine/<int:pk>/")
    def submission(self, request, pk):
        from home.mottos import views

        return views.submission(self, request, pk)
