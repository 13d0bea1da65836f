from workspace.accounts.tokens import SecretToken
from workspace.accounts.visits import MemberVisit

__all__ = ["MemberVisit", "SecretToken"]
