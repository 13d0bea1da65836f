from workspace.accounts.tokens import SecretToken

__all__ = ["SecretToken"]
