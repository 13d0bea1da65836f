from django.urls import path

from workspace.urls import handler403, handler404, handler500  # noqa: F401
from workspace.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    raise RuntimeError("secret-interne: this must never reach the visitor")


urlpatterns = [path("erreur-de-test/", failing_view), *site_urlpatterns]
