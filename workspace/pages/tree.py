"""Building the page tree and the collections in data migrations, with historical models.

Historical models have no treebeard methods, so tree paths are computed here
(treebeard's steplen is 4, alphabet 0-9A-Z). A new node's path follows the
parent's LAST child, not its number of children: after a sibling was deleted,
``numchild + 1`` names a path that is still taken. Every helper is idempotent:
what already exists (same address, same collection name) is returned as it is,
so a migration can run again on a database where the coordinator has moved,
renamed or deleted pages (a page missing from its address is created again there).
"""

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def step(number):
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def next_child_path(Model, parent):
    """The path of a new last child of ``parent`` (a page or a collection)."""
    last = Model.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    number = int(last.path[-STEPLEN:], 36) + 1 if last else 1
    return parent.path + step(number)


def create_child(Base, Model, parent, **fields):
    """A new last child of ``parent``; ``Base`` is the tree's model (Page, Collection), ``Model``
    the specific one to create."""
    node = Model.objects.create(path=next_child_path(Base, parent), depth=parent.depth + 1, numchild=0, **fields)
    parent.numchild = Base.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
    parent.save(update_fields=["numchild"])
    return node


class Tree:
    """``Tree(apps).add_page("app.Model", parent, title, slug, in_menu=..., **fields)``."""

    def __init__(self, apps):
        self.apps = apps
        self.Page = apps.get_model("wagtailcore", "Page")
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.locale = apps.get_model("wagtailcore", "Locale").objects.order_by("pk").first()

    def page_at(self, url_path):
        """The page at a site address such as "/espace/" (historical model), or None."""
        return self.Page.objects.filter(url_path="/accueil" + url_path).first()

    def add_page(self, model_label, parent, title, slug, in_menu=False, **fields):
        """The page at ``parent``'s address + ``slug``, created if no page answers there."""
        url_path = f"{parent.url_path}{slug}/"
        existing = self.Page.objects.filter(url_path=url_path).first()
        if existing is not None:
            return existing
        app_label, model_name = model_label.split(".")
        Model = self.apps.get_model(app_label, model_name)
        content_type, _ = self.ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
        return create_child(
            self.Page,
            Model,
            parent,
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            url_path=url_path,
            live=True,
            show_in_menus=in_menu,
            locale=self.locale,
            **fields,
        )


def add_collection(Collection, parent, name):
    """The collection ``name`` under ``parent``, created if it does not exist."""
    existing = Collection.objects.filter(name=name, depth=parent.depth + 1, path__startswith=parent.path).first()
    return existing or create_child(Collection, Collection, parent, name=name)


def restrict(Restriction, groups, **target):
    """A "groups" view restriction on a page (page=...) or a collection (collection=...), once."""
    restriction, _ = Restriction.objects.get_or_create(restriction_type="groups", **target)
    restriction.groups.set(groups)
