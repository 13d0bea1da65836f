"""The public local page (home page, standard pages, contact and joining forms) and the demo
content. May use every layer below it."""
