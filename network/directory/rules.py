"""Named rules of the directory, asked by the admin's screens and by the site alike."""

# Importing a file creates and changes records: the permissions of adding and changing them.
IMPORT_PERMISSIONS = {
    "promeneurs": ("directory.add_promeneur", "directory.change_promeneur"),
    "structures": ("directory.add_structure", "directory.change_structure"),
}


def can_edit_structures(user):
    """Fill in a structure's record (its commune, its address…), as the admin's snippet asks."""
    return user.has_perm("directory.change_structure")


def can_import(user, kind="promeneurs"):
    return user.has_perms(IMPORT_PERMISSIONS[kind])


def importable_kinds(user):
    return [kind for kind in IMPORT_PERMISSIONS if can_import(user, kind)]
