"""Building the page tree in data migrations, with historical models.

Historical models have no treebeard methods, so tree paths are computed here
(treebeard's steplen is 4, alphabet 0-9A-Z). Every data migration that adds pages
or collections uses these helpers, so that parallel migrations never collide:
each path is computed from the parent's current number of children.
"""

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def step(number):
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return digits.rjust(4, "0")


class Tree:
    """``Tree(apps).add_page("app.Model", parent, title, slug, in_menu=..., **fields)``."""

    def __init__(self, apps):
        self.apps = apps
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.locale = apps.get_model("wagtailcore", "Locale").objects.order_by("pk").first()

    def page_at(self, url_path):
        """The page at a site address such as "/espace/" (historical model)."""
        return self.apps.get_model("wagtailcore", "Page").objects.get(url_path="/accueil" + url_path)

    def add_page(self, model_label, parent, title, slug, in_menu=False, **fields):
        app_label, model_name = model_label.split(".")
        Model = self.apps.get_model(app_label, model_name)
        content_type, _ = self.ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
        page = Model.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            path=parent.path + step(parent.numchild + 1),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            live=True,
            show_in_menus=in_menu,
            locale=self.locale,
            **fields,
        )
        parent.numchild += 1
        parent.save(update_fields=["numchild"])
        return page


def add_collection(Collection, parent, name):
    collection = Collection.objects.create(
        name=name, path=parent.path + step(parent.numchild + 1), depth=parent.depth + 1, numchild=0
    )
    parent.numchild += 1
    parent.save(update_fields=["numchild"])
    return collection


def restrict(Restriction, groups, **target):
    """A "groups" view restriction on a page (page=...) or a collection (collection=...)."""
    restriction = Restriction.objects.create(restriction_type="groups", **target)
    restriction.groups.set(groups)
