"""Images are served by the application, never by the web server: the view looks the file
up by its (random) name, asks ``image_access`` and streams it."""

from django.http import FileResponse, Http404
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_safe

from .models import SiteImage, SiteRendition
from .permissions import image_access

PUBLIC_MAX_AGE = 60 * 60


def find_image_file(name):
    """(image, file) for a stored original or rendition name, or Http404."""
    rendition = SiteRendition.objects.select_related("image__collection").filter(file=name).first()
    if rendition is not None:
        return rendition.image, rendition.file
    image = SiteImage.objects.select_related("collection").filter(file=name).first()
    if image is not None:
        return image, image.file
    raise Http404


@require_safe
def serve_image(request, name):
    image, file = find_image_file(name)
    access = image_access(request.user, image)
    if not access.allowed:
        # 404 rather than 403: an address must not tell whether such an image exists.
        raise Http404
    # A stored name never gets other content (names are random), so it is its own ETag.
    etag = f'"{file.name.rsplit("/", 1)[-1]}"'
    cache_control = "private, no-cache" if access.restricted else f"public, max-age={PUBLIC_MAX_AGE}"
    response = get_conditional_response(request, etag=etag)
    if response is None:
        try:
            response = FileResponse(file.storage.open(file.name, "rb"))
        except FileNotFoundError as error:
            raise Http404 from error
    response["ETag"] = etag
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    return response
