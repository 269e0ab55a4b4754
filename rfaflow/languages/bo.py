"""Tibetan: RFA's Tibetan Service."""

from rfaflow.languages.base import Language, Lazy
from rfaflow.languages.scripts import TIBETAN

LANGUAGE = Language(
    tag="bo",
    name="Tibetan",
    scripts=(TIBETAN,),
    flores="bod_Tibt",
    argos="bo",
    aliases=("bod", "tib"),
    normalise=Lazy("rfaflow.orthography", "normalise_tibetan"),
    sentence_cuts=Lazy("rfaflow.segmenters", "tibetan_cuts"),
    words=Lazy("rfaflow.tokenize", "tibetan_words", n=2),
    stop_words=Lazy("rfaflow.tokenize", "listed_stop_words", listing="tibetan"),
    quantities=Lazy("rfaflow.qa.numbers_native", "native_quantities", digits="༠", separators="་",
                    magnitude_first=True, letters="\u0f40-\u0fbc",
                    magnitudes={"བརྒྱ": 100, "སྟོང": 1e3, "ཁྲི": 1e4, "འབུམ": 1e5, "ས་ཡ": 1e6, "བྱེ་བ": 1e7,
                                "དུང་ཕྱུར": 1e8},
                    words={"གཅིག": 1, "གཉིས": 2, "གསུམ": 3, "བཞི": 4, "ལྔ": 5, "དྲུག": 6, "བདུན": 7, "བརྒྱད": 8,
                           "དགུ": 9, "བཅུ": 10, "ཉི་ཤུ": 20, "སུམ་ཅུ": 30, "བཞི་བཅུ": 40, "ལྔ་བཅུ": 50, "དྲུག་ཅུ": 60,
                           "བདུན་ཅུ": 70, "བརྒྱད་ཅུ": 80, "དགུ་བཅུ": 90},
                    percent=("བརྒྱ་ཆ",),
                    # པ after a number makes an ordinal (གཉིས་པ, "second"); ཕྲག after one is "tens of", "thousands of"
                    # (བཅུ་ཕྲག, "decades"), a size. Case endings fuse with that པ too: གཉིས་པའི "of the second".
                    ordinal_after="་པ(?:འི|འང|འམ|ར|ས)?(?![\u0f40-\u0fbc])", approximate_after="ཕྲག",
                    # ཉིན་གཉིས་པ, "the second day", is "the next day"; ལོ་རིམ་བཞི་པ, "fourth-year", a "senior": English
                    # names these without the number, so they only confirm.
                    loose_ordinal="ཉིན|ཞག|ལོ་རིམ",
                    # Case endings fuse with a number ending in a vowel: བཞིར "in four", བཞིའི "of four", ལྔས.
                    fused="འི|འང|འམ|ར|ས",
                    # Tibetan puts the number after the noun it counts: ལོ་བཞི "four years", ཉིན་གསུམ "three days".
                    counters_before=("ལོ", "ཉིན", "ཞག", "ཟླ་བ", "ཟླ", "གཟའ་འཁོར", "ཆུ་ཚོད", "སྐར་མ", "ཐེངས", "མི",
                                     "རྒྱལ་ཁབ"),
                    currencies={"ཨ་སྒོར": "USD", "དབྱིན་སྒོར": "GBP", "དབྱིན་པང": "GBP", "རྒྱ་སྒོར": "CNY"}),
    untranslated=TIBETAN,
    # English characters per source character (spaces out, sources of 12 or more) in NTREX-128 dev's human
    # translations: 0.32 to 1.44 (0.5th-99.5th percentile 0.40 to 1.23);
    # the range leaves half the low end and 1.5 times the high one.
    length_ratio=(0.2, 1.9),
)
