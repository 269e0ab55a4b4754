"""Every bound rfaflow puts on what it is fed, in one place (README "Limits" lists them for editors).

Each limit turns input that would cost unbounded time, memory or disk into a one-line error, or, for long text,
into work done in bounded pieces. They sit far above anything a real desk produces: the largest NTREX-128 news
document is 12 KB, its longest sentence 87 SentencePiece tokens, an Argos package 100 MB.
"""

from __future__ import annotations

# Drafts.
MAX_DRAFT_BYTES = 5 * 1024 * 1024
MAX_FRONT_MATTER_DEPTH = 4  # fields hold text or a list of texts: two levels; deeper is never a draft
MAX_FRONT_MATTER_NODES = 10_000  # YAML values built for one front matter (tags and notes lines included)
MESSAGE_EXCERPT_CHARS = 40  # a bad value is quoted in a message cut to this many characters, escaped

# Segmentation: a paragraph longer than this is first cut at sentence ends (then at spaces) into windows of at
# most this many characters, so a segmenter that is superlinear in the length of one text stays linear overall.
SEGMENTER_WINDOW_CHARS = 4_000

# Machine translation: a sentence longer than this many model tokens is translated in pieces, cut at the last
# clause or word boundary before the bound, and the pieces' translations are joined. CTranslate2 Transformers have
# a position table (1,024 for Argos's models) that input and output must both fit.
MAX_MT_INPUT_TOKENS = 250

# Model packages, checked from the zip's directory before anything is unpacked (and counted while unpacking).
MAX_PACKAGE_BYTES = 8 * 1024**3  # uncompressed; NLLB-200 1.3B in float16 is 2.6 GB
MAX_PACKAGE_ENTRIES = 10_000
MAX_PACKAGE_METADATA_BYTES = 1024 * 1024

# Translation files an editor hands rfaflow (TMX, XLIFF, TBX, CSV glossaries).
MAX_TRANSLATION_FILE_BYTES = 512 * 1024 * 1024
MAX_XML_DEPTH = 64  # inline markup nests a few levels; deeper is a broken or hostile file
