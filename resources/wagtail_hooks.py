from wagtail.snippets.models import register_snippet

from .viewsets.exchanges import ExchangesViewSetGroup

register_snippet(ExchangesViewSetGroup)
