from .directory import Promeneur, SocialProfile, Structure, Territory, Theme

__all__ = ["Promeneur", "SocialProfile", "Structure", "Territory", "Theme"]
