"""A cap on the size of a whole upload request, checked before Django reads its body.

The per-file checks (WAGTAILIMAGES_MAX_UPLOAD_SIZE, WAGTAILDOCS_MAX_UPLOAD_SIZE) give
a French message once the file is received; this refuses (400) a request larger than
any legitimate upload before writing it to disk, whatever the web server in front allows.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler


class RequestSizeLimitHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        limit = settings.UPLOAD_MAX_REQUEST_SIZE
        if content_length > limit:
            raise RequestDataTooBig(f"Upload of {content_length} bytes exceeds UPLOAD_MAX_REQUEST_SIZE ({limit}).")

    def receive_data_chunk(self, raw_data, start):
        return raw_data

    def file_complete(self, file_size):
        return None
