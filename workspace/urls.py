from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.urls import reports as wagtail_reports_urls
from wagtail.contrib.redirects import urls as wagtail_redirects_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from workspace import views
from workspace.exports import safe_export_urlpatterns
from workspace.operations.health import health
from workspace.search import views as search_views
from workspace.sitemap import PublicSitemap

urlpatterns = [
    # Wagtail's reports and redirects, at their own addresses, exporting through workspace.exports.
    path("admin/reports/", include(safe_export_urlpatterns(wagtail_reports_urls.urlpatterns))),
    path("admin/redirects/", include(safe_export_urlpatterns(wagtail_redirects_urls.urlpatterns))),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Images and documents are always served by the application, which checks who may
    # see them: nothing under MEDIA_ROOT or PRIVATE_MEDIA_ROOT has a direct address.
    path("images/", include("workspace.media.urls")),
    path("recherche/", search_views.search, name="search"),
    path("sante/", health, name="health"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="mail_unsubscribe"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PublicSitemap}}, name="sitemap"),
    path("", include("workspace.accounts.urls")),
    path("", include("network.events.urls")),
    path("", include("network.directory.open_data")),
    path("", include("network.coordination.urls")),
    path("", include("resources.library.urls")),
]

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "workspace.views.bad_request"
handler403 = "workspace.views.permission_denied"
handler404 = "workspace.views.page_not_found"
handler500 = "workspace.views.server_error"
