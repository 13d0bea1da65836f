from .applications import Application
from .charter import CharterAcceptance, CharterPage, CharterVersion
from .mailbox import ContactMessage

__all__ = ["Application", "CharterAcceptance", "CharterPage", "CharterVersion", "ContactMessage"]
