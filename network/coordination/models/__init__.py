from .contacts import NetworkContact
from .conventions import Convention

__all__ = ["Convention", "NetworkContact"]
