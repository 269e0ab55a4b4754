"""Mandarin (Traditional Chinese): RFA's Mandarin Service, in Traditional characters.

The same written language as Simplified Chinese to every stage (splitter, words, number reader), so this is the
zh-Hans record with what differs: its codes, its variant check and the length ratios of its own translations.
"""

from dataclasses import replace

from rfaflow.languages.base import Lazy
from rfaflow.languages.zh_hans import LANGUAGE as SIMPLIFIED

LANGUAGE = replace(
    SIMPLIFIED,
    tag="zh-Hant",
    name="Mandarin (Traditional Chinese)",
    flores="zho_Hant",
    argos="zt",
    aliases=("zh-tw", "zh-hk", "zh-mo", "cmn-hant"),
    # English characters per source character (spaces out, sources of 12 or more) in NTREX-128 dev's human
    # translations: 0.59 to 6.67 (0.5th-99.5th percentile 1.00 to 4.15);
    # the range leaves half the low end and 1.5 times the high one.
    length_ratio=(0.5, 7.0),
    variant_warning=Lazy("rfaflow.orthography", "variant_warning", variant="Hant"),
)
