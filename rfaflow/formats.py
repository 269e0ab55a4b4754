"""The output formats of a brief: name -> built-in template. Kept free of imports so the CLI's choices cost
nothing at start-up; adding a format is one entry here and one template."""

FORMATS = {"html": "brief.html.j2", "md": "brief.md.j2"}
FORMAT_NAMES = tuple(FORMATS)
