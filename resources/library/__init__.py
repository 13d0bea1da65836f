"""Resources, news watch, network news and publications, with their feeds."""
