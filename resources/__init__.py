"""The shared space's content: library (resources, watch, news, publications) and exchanges.

Knows network/ and workspace/."""
