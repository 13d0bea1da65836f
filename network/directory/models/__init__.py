from .communes import Commune
from .imports import DirectoryImport
from .pages import MembersDirectoryPage, MyProfilePage, PublicDirectoryPage, RelaysPage
from .people import Promeneur, SocialProfile, Structure, Territory, Theme
from .relays import Relay

__all__ = [
    "DirectoryImport",
    "Commune",
    "MembersDirectoryPage",
    "MyProfilePage",
    "Promeneur",
    "PublicDirectoryPage",
    "Relay",
    "RelaysPage",
    "SocialProfile",
    "Structure",
    "Territory",
    "Theme",
]
