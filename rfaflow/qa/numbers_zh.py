"""Number reader for Chinese in either script, and for written Cantonese (whose extra numerals the language module
binds): digits and Chinese numerals with their magnitudes (1.5万, 三千五百万, 3亿), percentages (57%, 百分之五十,
三成), fractions (三分之二), dates (2024年3月5日, 5日, 5号), clock times (下午3点), money (35万美元) and counts
(两国, 三个人). Values are compared with the English by `rfaflow.qa.numbers.check_numbers`.

A numeral spelled in characters is `strong` (its absence from the English is an error) only when the language
marks it as a count: a digit 2 to 9 (or 两) before a classifier, or a numeral built with 十/百/千/万. Alone, 一 is
"a" as often as "one", and 三 or 万 sit inside words and idioms (三星, 十分, 万一, 千万), so those only confirm.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import replace

from .numbers import (
    _VULGAR,
    DAY,
    FRACTION,
    MONEY,
    MONTH,
    PERCENT,
    PLAIN,
    TIME,
    Quantity,
    _finite,
    _masked,
    _second_year,
)
from .numbers_common import ascii_digits, calendar_day, chain_value

_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "两": 2,
          "兩": 2}
_MAGNITUDE = {"十": 10, "百": 100, "千": 1000, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_MAG = "".join(_MAGNITUDE)
# Classifiers and units: a numeral before one of them counts something, so it is a number the English must have.
_CLASSIFIERS = ("个", "個", "位", "名", "人", "次", "年", "岁", "歲", "天", "日", "月", "号", "號", "周", "週",
                "星期", "小时", "小時", "钟头", "鐘頭", "分钟", "分鐘", "秒", "家", "只", "隻", "件", "条", "條",
                "项", "項", "座", "架", "艘", "辆", "輛", "场", "場", "届", "屆", "倍", "种", "種", "层", "層", "张",
                "張", "本", "部", "台", "臺", "所", "间", "間", "起", "例", "枚", "颗", "顆", "头", "頭", "匹", "块",
                "塊", "票", "席", "码", "碼", "国", "國", "支", "队", "隊", "份", "封", "首", "轮", "輪", "局", "季",
                "世纪", "世紀", "英里", "公里", "米", "英尺", "英寸", "公斤", "千克", "吨", "噸", "磅", "度", "代",
                "批", "股", "道", "节", "節", "集", "篇", "栋", "棟", "页", "頁", "片", "排", "分", "点", "點", "时",
                "時", "成", "元", "美元", "英镑", "英鎊", "欧元", "歐元", "日元", "港元", "方", "党", "黨", "宗",
                "城", "州", "岛", "島", "省", "县", "縣", "国家", "國家", "口", "户", "戶", "对", "對", "双", "雙",
                "组", "組")
_CURRENCIES = {"美元": "USD", "美金": "USD", "人民币": "CNY", "人民幣": "CNY", "元": "CNY", "块": "CNY", "塊": "CNY",
               "韩元": "KRW", "韓元": "KRW", "韩圆": "KRW", "韓圜": "KRW", "日元": "JPY", "日圆": "JPY", "日圓": "JPY",
               "英镑": "GBP", "英鎊": "GBP", "欧元": "EUR", "歐元": "EUR", "港元": "HKD", "港币": "HKD", "港幣": "HKD",
               "澳元": "AUD", "加元": "CAD", "卢布": "RUB", "盧布": "RUB", "新台币": "TWD", "新台幣": "TWD"}
_SYMBOLS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "￥": "CNY", "₩": "KRW", "HK$": "HKD"}
# Several, some, upwards of (数百, 几千, 上万, 成千上万): a size, not a number the English states.
_APPROXIMATE = re.compile(r"(?:数|數|几|幾|好几|好幾|上|成|若干)$")
_HEDGE_BEFORE = {"about": re.compile(r"(?:约|約|大约|大約|左右|大概|估计|估計)\s?$"),
                 "under": re.compile(r"(?:近|将近|將近|接近|不到|逾|几乎|幾乎)\s?$"),
                 "over": re.compile(r"(?:超过|超過|逾|多达|多達|高达|高達)\s?$")}
_HEDGE_AFTER = re.compile(r"(?:多|余|餘|来|來)")
# Weekdays are numbered (星期一 is Monday, 周日 Sunday): a day of the week, not a number; but 一周四天 is four days
# a week, the numeral counting what follows.
_WEEKDAY = re.compile(r"(?:星期|礼拜|禮拜|周|週)[一二三四五六日天](?![天日个個次名年小])")
# 两国, 两党, 两岸, 两队: "the two countries" is how Chinese says "both sides" or "they", which English often leaves
# unsaid, like Korean 양국.
_BOTH = re.compile(r"[两兩](?:国|國|家|队|隊|党|黨|方|岸|院|种|種|者|人|对|對)")
# 第二天, 第二年: "the next day, the following year", which English rarely numbers.
_NEXT = re.compile(r"第\s?[二2]\s?(?:天|日|年|周|週)")
# 这两个, 這兩位, 呢兩個 (Cantonese "these"): a demonstrative before 两 points back at a pair already named, which
# English calls "both", "the two" or just "they".
_THESE_TWO = re.compile(r"(?:这|這|那|此|该|該|呢)\s?[两兩]$")
# 其次 is "second" or "next" in a ranking (其次为 ABC, "ABC was second"): it confirms a 2, never demands one.
_NEXT_IN_RANK = re.compile(r"其次")
# 30多万, 370多亿, 十多万: 多/余 between a numeral and 万 or 亿 is "more than" that many tens of thousands.
_OVER_BEFORE_MAG = re.compile(r"(?<=[\d十百千])[多余餘](?=[万萬亿億])")
# Chinese typists write the thousands separator full-width too (30，000名学生); a clause comma is never followed by
# exactly three digits and then a non-digit in a number's place often enough to matter.
_WIDE_THOUSANDS = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")
# Idioms built with numerals (四面八方 "from all sides", Cantonese 七國咁亂 "utter chaos"): the numerals count
# nothing; these are the ones whose numeral stands before a classifier and would otherwise count.
_IDIOMS = re.compile(r"四面八方|七國咁亂|七国咁乱|三番四次|三番五次|七嘴八舌|九牛一毛|一五一十")
_PERCENT_BEFORE = re.compile(r"百分之\s?")
_FRACTION_SEP = "分之"
_TIME = re.compile(r"(?<![\d.])([01]?\d|2[0-3]):([0-5]\d)(?![\d])")
# Brackets holding Latin letters give a name's original ("泰晤士报（The Times）"): any number there repeats one.
_GLOSS = re.compile(r"[（(](?![\s$£€¥\d])[^()（）]*[A-Za-z][^()（）]*[)）]")


def _chain_re(tens: Mapping[str, int]) -> re.Pattern[str]:
    han = "".join(_DIGIT) + _MAG + "".join(tens)
    unit = rf"{_NUM}(?:\s?[{_MAG}])+|[{han}]"
    return re.compile(rf"(?:{unit})+(?:{_NUM})?|{_NUM}")


def _value(chain: str, tens: Mapping[str, int]) -> tuple[float, tuple[float, ...]]:
    """Value (and alternates) of a numeral: 1.5万, 三千五百万, 二〇一九 (a year, digit by digit), 三四 (3 or 4)."""
    chars = chain.replace(" ", "")
    if len(chars) > 1 and all(c in _DIGIT for c in chars):
        # 三四个 is three or four; 二〇一九 (a year) is read digit by digit; 唯一一组 ("the only group") is two ones.
        digits = [_DIGIT[c] for c in chars]
        if len(digits) == 2:
            return float(digits[-1]), (float(digits[0]),) if digits[1] == digits[0] + 1 else ()
        return float("".join(map(str, digits))), ()
    pieces: list[tuple[str, float]] = []
    for token in re.findall(rf"{_NUM}|.", chars):
        if token in _MAGNITUDE:
            pieces.append(("small" if _MAGNITUDE[token] < 1e4 else "big", _MAGNITUDE[token]))
        elif token in tens:  # 廿五 is 25: 廿 is a ready-made "two tens"
            pieces += [("n", tens[token] / 10), ("small", 10)]
        elif token in _DIGIT:
            pieces.append(("n", _DIGIT[token]))
        else:
            pieces.append(("n", float(token.replace(",", ""))))
    return chain_value(pieces), ()


def chinese_quantities(text: str, *, date: datetime.date | None = None, tens: Mapping[str, int] | None = None,
                       currencies: Mapping[str, str] | None = None) -> list[Quantity]:
    """Every number in a Chinese (or written Cantonese) sentence. `tens` are extra numerals worth a multiple of ten
    (Cantonese 廿 = 20, 卅 = 30), `currencies` extra currency words (Cantonese 蚊, the dollar)."""
    tens = tens or {}
    money = {**_CURRENCIES, **(currencies or {})}
    money_re = "|".join(sorted(map(re.escape, money), key=len, reverse=True))
    classifier_re = re.compile("|".join(sorted(map(re.escape, (*_CLASSIFIERS, *money)), key=len, reverse=True)))
    text = ascii_digits(text, ()).replace("％", "%").replace("．", ".")
    text = _WIDE_THOUSANDS.sub(",", text)
    found: list[Quantity] = []
    for m in _IDIOMS.finditer(text):
        text = _masked(text, m.span())
    over_at = {m.start() for m in _OVER_BEFORE_MAG.finditer(text)}
    text = _OVER_BEFORE_MAG.sub(" ", text)
    for m in _WEEKDAY.finditer(text):
        text = _masked(text, m.span())
    for m in _TIME.finditer(text):  # 15:30 is an hour on either clock and a minute
        hour, minute = int(m.group(1)), int(m.group(2))
        found.append(Quantity(hour, m.group(0), TIME, alts=(hour + 12 if hour < 12 else hour - 12,)))
        if minute:
            found.append(Quantity(minute, m.group(0), TIME))
        text = _masked(text, m.span())
    chain_re = _chain_re(tens)
    # 三分之二 is two-thirds; 百分之五十 is 50% (a hundredth-share), read before 百 becomes a hundred.
    for m in re.finditer(rf"({chain_re.pattern})\s?{_FRACTION_SEP}\s?({chain_re.pattern})", text):
        denominator, numerator = _value(m.group(1), tens)[0], _value(m.group(2), tens)[0]
        if denominator == 100:
            found.append(Quantity(numerator, m.group(0), PERCENT))
        elif denominator:
            found.append(Quantity(numerator / denominator, m.group(0), FRACTION))
        text = _masked(text, m.span())
    glosses = [m.span() for m in _GLOSS.finditer(text)]
    dated_at: dict[int, int] = {}  # where a year or month read below begins -> its index in `found`
    for m in chain_re.finditer(text):
        chain = m.group(0).strip()
        value, alts = _value(chain, tens)
        ascii_number = bool(re.search(r"\d", chain))
        before, after = text[:m.start()], text[m.end():]
        if after[:1] in _VULGAR and ascii_number:  # 14½-13½, a score in half points
            value, after = value + _VULGAR[after[0]], after[1:]
        percent = bool(re.match(r"\s?(?:%|个百分点|個百分點|百分点|百分點)", after)
                       or _PERCENT_BEFORE.search(before[-4:]))
        whole = after.lstrip()
        hedge = next((name for name, pattern in _HEDGE_BEFORE.items() if pattern.search(before[-4:])), "")
        if _HEDGE_AFTER.match(whole):  # 3000多人, 十余年: upwards of
            hedge, whole = "over", whole[1:]
        if any(m.start() < i < m.end() for i in over_at):
            hedge = "over"
        currency_m = re.match(money_re, whole)
        symbol = next((s for s in sorted(_SYMBOLS, key=len, reverse=True) if before.rstrip().endswith(s)), "")
        currency = money[currency_m.group(0)] if currency_m else _SYMBOLS.get(symbol)
        if re.match(r"(?:bn|billion)\b", whole):
            value *= 1e9
        elif re.match(r"(?:m|mn|million)\b", whole) and symbol:
            value *= 1e6
        kind = PERCENT if percent else MONEY if currency else PLAIN
        unit = whole[:2] if whole[:2] in ("年代", "世纪", "世紀", "小时", "小時") else whole[:1]
        counted = bool(classifier_re.match(whole))
        tenth = unit == "成" and value < 10 and not percent
        if tenth:  # 三成 is 30%: 成 is a tenth; but 一成不变 ("unchanging") is an idiom, so it only confirms
            kind, alts, value = PERCENT, (value, value / 10), value * 10
        elif unit == "月" and not re.search(r"[个個]\s?$", before):
            kind = MONTH
        elif unit in ("日", "号", "號"):
            kind = PLAIN if re.search(r"月\s?$", before) else DAY  # 5日 without a month may be "on Thursday"
        elif unit in ("点", "點", "时", "時") and value < 25:  # 下午3点 is "3 p.m." or 15:00
            kind, alts = TIME, (value + 12 if value < 12 else value - 12,)
        elif unit == "年代" and value < 100 and value % 10 == 0:  # 90年代 is the 1990s, 20世纪30年代 the 1930s
            century = re.search(r"(\d+)\s?(?:世纪|世紀)\s?$", before)
            alts = ((int(century.group(1)) - 1) * 100 + value,) if century else (1900 + value, 2000 + value)
        elif unit in ("世纪", "世紀") and value < 30:  # 21世纪初 is the early 2000s: a century by its hundreds too
            alts = ((value - 1) * 100,)
        if re.match(r"\s?[个個年]?半", whole):  # 两年半, 一个半小时: and a half
            alts += (value + 0.5,)
        alts += _second_year(before, value)
        when = None
        if date and kind in (DAY, PLAIN) and unit in ("日", "号", "號") and value == int(value) and 1 <= value <= 31:
            month_m = re.search(r"(?:(\d{4})\s?年\s?)?(\d{1,2})\s?月\s?$", before)
            when = calendar_day(int(value), int(month_m.group(2)) if month_m else None,
                                int(month_m.group(1)) if month_m and month_m.group(1) else None, date)
            for start, k in dated_at.items():  # the year and month of 2024年3月5日 are in the same date
                if month_m and start >= month_m.start():
                    found[k] = replace(found[k], when=when)
        if unit in ("年", "月"):
            dated_at[m.start()] = len(found)
        if ascii_number:
            # 1名, 1年 are as often "a" or "a year": no proof of a missing "one".
            strong = value != 1 or kind in (PERCENT, MONEY, MONTH, TIME) or not counted
        else:
            # 万, 百, 十 alone are sizes (上万, 数百) or idioms (十分 "very", 千万 "by all means"): they only confirm.
            digit = bool(re.search(f"[{''.join(_DIGIT)}{''.join(tens)}]", chain))
            built = len(chain) > 1 and bool(re.search(f"[{_MAG}{''.join(tens)}]", chain))
            strong = digit and value >= 2 and (counted or built or kind != PLAIN)
        # The century of 20世纪30年代 is part of the decade the English calls the 1930s.
        decade = unit in ("世纪", "世紀") and re.match(r"\s?(?:世纪|世紀)\s?\d+\s?年代", after)
        weak_phrase = (any(p.match(text, m.start() - (p is _NEXT)) for p in (_BOTH, _NEXT))
                       or bool(_THESE_TWO.search(before[-2:] + chain[:1])))
        if tenth or decade or weak_phrase or _APPROXIMATE.search(before) or any(a <= m.start() < b for a, b in glosses):
            strong = False
        ordinal = before.endswith("第")
        found.append(Quantity(value, chain, kind, currency, alts, hedge,
                              strong=strong and not (ordinal and value == 1), when=when))
    for m in _NEXT_IN_RANK.finditer(text):
        found.append(Quantity(2, m.group(0), strong=False))
    for m in re.finditer(r"(?<![\d一二三四五六七八九十两兩])(?:一半|半)", text):  # half
        found.append(Quantity(0.5, m.group(0), FRACTION, alts=(30.0,), strong=False))
    return _finite(found)
