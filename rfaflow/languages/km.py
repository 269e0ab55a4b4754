"""Khmer: RFA's Khmer Service."""

from rfaflow.languages.base import Language, Lazy
from rfaflow.languages.scripts import KHMER

LANGUAGE = Language(
    tag="km",
    name="Khmer",
    scripts=(KHMER,),
    flores="khm_Khmr",
    argos="km",
    aliases=("khm",),
    normalise=Lazy("rfaflow.orthography", "normalise_khmer"),
    sentence_cuts=Lazy("rfaflow.segmenters", "khmer_cuts"),
    words=Lazy("rfaflow.tokenize", "khmer_words", n=2),
    stop_words=Lazy("rfaflow.tokenize", "listed_stop_words", listing="khmer"),
    quantities=Lazy("rfaflow.qa.numbers_native", "native_quantities", digits="០",
                    magnitudes={"រយ": 100, "ពាន់": 1e3, "ម៉ឺន": 1e4, "សែន": 1e5, "លាន": 1e6, "កោដិ": 1e7,
                                "ប៊ីលាន": 1e9},
                    words={"មួយ": 1, "ពីរ": 2, "បី": 3, "បួន": 4, "ប្រាំ": 5, "ប្រាំមួយ": 6, "ប្រាំពីរ": 7,
                           "ប្រាំបី": 8, "ប្រាំបួន": 9, "ដប់": 10, "ម្ភៃ": 20, "សាមសិប": 30, "សែសិប": 40, "ហាសិប": 50,
                           "ហុកសិប": 60, "ចិតសិប": 70, "ប៉ែតសិប": 80, "កៅសិប": 90},
                    counters=("នាក់", "ឆ្នាំ", "ខែ", "ថ្ងៃ", "ម៉ោង", "ដង", "គ្រឿង", "កន្លែង", "ប្រទេស", "សប្តាហ៍",
                              "អាទិត្យ", "នាទី", "ក្បាល", "ខ្សែ", "ជាន់", "គ្រាប់", "ក្រុម", "ខេត្ត", "លើក", "រយ", "ពាន់",
                              "ម៉ឺន", "សែន", "លាន"),
                    percent=("ភាគរយ",),
                    # ទី before a number makes an ordinal (ទីពីរ, "second"; ទី២).
                    ordinal_before="ទី",
                    # ពីរ (two) begins ពីរសៀល and ពីរដ្ឋ, which are ពី ("from") before រសៀល "afternoon", រដ្ឋ "state".
                    not_numbers=("ពីរសៀល", "ពីរដ្ឋ"),
                    # 4:40, or 4.40 before a time of day (ព្រឹក morning, រសៀល afternoon, ល្ងាច evening, យប់ night).
                    clock=r"(?<![\d.,])(?P<hour>[01]?\d|2[0-3])(?::|\.(?=\d\d\s?(?:ព្រឹក|រសៀល|ល្ងាច|យប់)))"
                          r"(?P<minute>[0-5]\d)(?!\d)",
                    # រាប់ ("counting") before a magnitude is "tens of", "thousands of": a size.
                    approximate="រាប់",
                    # Khmer news writes កោដិ (ten million) for a billion as well ("37 កោដិដុល្លារ", $37 billion).
                    magnitude_alts={"កោដិ": 1e9},
                    currencies={"ដុល្លារ": "USD", "រៀល": "KHR", "ផោន": "GBP", "អឺរ៉ូ": "EUR", "យ៉េន": "JPY",
                                "យន់": "CNY", "យាន់": "CNY"}),
    untranslated=KHMER,
    # English characters per source character (spaces out, sources of 12 or more) in NTREX-128 dev's human
    # translations: 0.29 to 1.35 (0.5th-99.5th percentile 0.38 to 1.23);
    # the range leaves half the low end and 1.5 times the high one.
    length_ratio=(0.2, 1.9),
)
