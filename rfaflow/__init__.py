"""rfaflow: Korean drafts to English news briefs, offline."""

__version__ = "0.1.0"
