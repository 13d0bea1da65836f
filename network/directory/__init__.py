"""Promeneurs, structures, territories, relays; profiles, import and personal data."""
