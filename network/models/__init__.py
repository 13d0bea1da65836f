from .directory import Promeneur, SocialProfile, Structure, Territory, Theme
from .pages import MembersDirectoryPage, MyProfilePage, PublicDirectoryPage, RelaysPage
from .relays import Relay

__all__ = [
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
