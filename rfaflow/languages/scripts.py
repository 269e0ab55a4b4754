"""Writing systems (ISO 15924), as character classes: what a language is written in, and what an English
translation must not still hold."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Script:
    code: str  # ISO 15924: "Hang", "Hani", ...
    name: str  # as messages say it: "Hangul"
    chars: str  # the inside of a regex character class

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """One run of this script's characters."""
        return re.compile(f"[{self.chars}]+")


HANGUL = Script("Hang", "Hangul", "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff")
HAN = Script("Hani", "Han (Chinese characters)",
             "\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f")
TIBETAN = Script("Tibt", "Tibetan", "\u0f00-\u0fff")
ARABIC = Script("Arab", "Arabic", "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe")
MYANMAR = Script("Mymr", "Myanmar", "\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f")
KHMER = Script("Khmr", "Khmer", "\u1780-\u17ff\u19e0-\u19ff")
LAO = Script("Laoo", "Lao", "\u0e80-\u0eff")
LATIN = Script("Latn", "Latin", "A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff")
# Letters only Vietnamese uses among Latin-script languages (horn and breve vowels, đ, and the tone-marked vowels
# of Latin Extended Additional): a word holding one, in English, is Vietnamese left untranslated.
VIETNAMESE_LETTERS = Script("Latn-vi", "Vietnamese", "ĂăÂâĐđÊêÔôƠơƯư\u1ea0-\u1ef9")

SCRIPTS = (HANGUL, HAN, TIBETAN, ARABIC, MYANMAR, KHMER, LAO, LATIN)
