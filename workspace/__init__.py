"""The base every feature stands on: settings, accounts and access rules, base page classes,
search, mail, exports, the cockpit frame. Knows no feature."""
