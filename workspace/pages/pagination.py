"""Every listing of the site is paginated the same way."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(items, number, per_page):
    """(page of items, French notice or "") whatever ``number`` is: missing, not a
    number, below 1 or beyond the last page."""
    paginator = Paginator(items, per_page)
    if number in (None, ""):
        return paginator.page(1), ""
    try:
        return paginator.page(number), ""
    except PageNotAnInteger:
        return paginator.page(1), "Le numéro de page demandé n'est pas valide : voici la première page."
    except EmptyPage:
        last = paginator.num_pages
        return paginator.page(last), f"La page demandée n'existe pas : voici la page {last}, la dernière."
