"""Every bound rfaflow puts on what it is fed, in one place (README "Limits" lists them for editors).

Each limit turns input that would cost unbounded time, memory or disk into a one-line error, or, for long text,
into work done in bounded pieces. They sit far above anything a real desk produces: the largest NTREX-128 Korean
news document is 5 KB, its longest sentence 87 tokens of Argos's SentencePiece, an Argos package 100 MB.
"""

from __future__ import annotations

# Drafts.
MAX_DRAFT_BYTES = 5 * 1024 * 1024
MAX_FRONT_MATTER_DEPTH = 4  # fields hold text or a list of texts: two levels; deeper is never a draft
MAX_FRONT_MATTER_NODES = 10_000  # YAML values built for one front matter (tags and notes lines included)
MESSAGE_EXCERPT_CHARS = 40  # a bad value is quoted in a message cut to this many characters, escaped

# Segmentation: a paragraph longer than this is first cut at sentence ends (then at spaces) into windows of at
# most this many characters, so a segmenter that is superlinear in the length of one text stays linear overall.
# Above the largest NTREX document run together as one paragraph (2,292 characters), so real paragraphs are cut
# as before; Kiwi's time per character is still flat here, and its cuts degrade on longer texts (all of NTREX run
# together: 37 cuts differ from splitting each document alone with 4,000-character windows, 100 with 10,000, 311
# unwindowed).
SEGMENTER_WINDOW_CHARS = 4_000

# Machine translation: a sentence longer than this many model tokens is translated in pieces, cut at the last
# clause or word boundary before the bound, and the pieces' translations are joined. CTranslate2 Transformers have
# a position table (1,024 for Argos's models) that input and output (up to 2 x 400 + 16 tokens) must both fit. The
# longest NTREX sentence is 87 tokens with Argos's SentencePiece and 321 with the copy model's coarser one.
MAX_MT_INPUT_TOKENS = 400

# Model packages, checked from the zip's directory before anything is unpacked (and counted while unpacking).
MAX_PACKAGE_BYTES = 8 * 1024**3  # uncompressed; NLLB-200 1.3B in float16 is 2.6 GB
MAX_PACKAGE_ENTRIES = 10_000
MAX_PACKAGE_METADATA_BYTES = 1024 * 1024
MAX_PACKAGE_INDEX_BYTES = 16 * 1024 * 1024  # the Argos index is about 100 KB

# Translation files an editor hands rfaflow (TMX, XLIFF, TBX, CSV glossaries).
MAX_TRANSLATION_FILE_BYTES = 512 * 1024 * 1024
MAX_XML_DEPTH = 64  # inline markup nests a few levels; deeper is a broken or hostile file
