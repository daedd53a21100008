"""Currencies: every symbol, code and word a figure's currency is printed with.

Before the number: "$", "US$", "A$", "NZ$", "C$", "HK$", "S$", "€", "£",
"¥", "₹", "Rs", "KSh", "₩", "R$", "kr", "zł", "฿", "₦", "₱", "₺", "₽", "Rp",
"RM", "RMB" and ISO codes ("GBP 3 million", "AUD 2.1bn", "KRW 500bn"); after
it: "dollars" (with "US", "Australian", "Canadian" ...), "euros",
"pounds (sterling)", "rupees", "yen", "francs", "won", "reais", "kroner",
"kronor", "zloty", "baht", "naira", "rand", "yuan" and more. "kr" alone is a
Scandinavian krone or krona (which one unsaid: one rough rate for the
three); "won" after a small bare number is the verb ("5 won 3"). A bare "$" is read as US
dollars. Figures in different currencies are never compared; the rough
rates in ``USD_PER_UNIT`` only put a per-head figure in a plausible band.
"""

from __future__ import annotations

import re

__all__ = [
    "CURRENCY_AFTER",
    "CURRENCY_BEFORE",
    "SIGNS",
    "SIGN_CHARS",
    "USD_PER_UNIT",
    "currency_code",
    "currency_word",
]

# Symbols and codes before the number -> ISO code.
_CODES_BEFORE = {
    "US$": "USD",
    "$US": "USD",
    "$A": "AUD",
    "$NZ": "NZD",
    "$C": "CAD",
    "$": "USD",
    "USD": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD": "AUD",
    "NZ$": "NZD",
    "NZD": "NZD",
    "C$": "CAD",
    "CA$": "CAD",
    "Can$": "CAD",
    "CAD": "CAD",
    "HK$": "HKD",
    "HKD": "HKD",
    "S$": "SGD",
    "SGD": "SGD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "¥": "JPY",
    "JPY": "JPY",
    "₹": "INR",
    "Rs": "INR",
    "Rs.": "INR",
    "INR": "INR",
    "CHF": "CHF",
    "₦": "NGN",
    "NGN": "NGN",
    "KSh": "KES",
    "KES": "KES",
    "ZAR": "ZAR",
    "R": "ZAR",
    "NOK": "NOK",
    "SEK": "SEK",
    "DKK": "DKK",
    "₩": "KRW",
    "KRW": "KRW",
    "R$": "BRL",
    "BRL": "BRL",
    "kr": "KR",
    "kr.": "KR",
    "zł": "PLN",
    "PLN": "PLN",
    "฿": "THB",
    "THB": "THB",
    "₱": "PHP",
    "PHP": "PHP",
    "₺": "TRY",
    "TRY": "TRY",
    "₽": "RUB",
    "RUB": "RUB",
    "₪": "ILS",
    "ILS": "ILS",
    "₫": "VND",
    "VND": "VND",
    "Rp": "IDR",
    "IDR": "IDR",
    "RM": "MYR",
    "MYR": "MYR",
    "RMB": "CNY",
    "CNY": "CNY",
    "CN¥": "CNY",
    "MX$": "MXN",
    "MXN": "MXN",
    "AED": "AED",
    "SAR": "SAR",
}
# Rough US dollars per unit, only to put a per-head figure in a plausible band.
USD_PER_UNIT = {
    "USD": 1.0,
    "EUR": 1.1,
    "GBP": 1.25,
    "CHF": 1.1,
    "AUD": 0.65,
    "NZD": 0.6,
    "CAD": 0.73,
    "HKD": 0.13,
    "SGD": 0.74,
    "JPY": 0.0068,
    "INR": 0.012,
    "NGN": 0.0007,
    "KES": 0.0077,
    "ZAR": 0.055,
    "NOK": 0.092,
    "SEK": 0.095,
    "DKK": 0.145,
    "KRW": 0.00072,
    "BRL": 0.18,
    # "kr": a Scandinavian krone or krona, which one unsaid (0.09-0.15 US dollars)
    "KR": 0.11,
    "PLN": 0.25,
    "THB": 0.028,
    "PHP": 0.017,
    "TRY": 0.03,
    "RUB": 0.011,
    "ILS": 0.27,
    "VND": 0.00004,
    "IDR": 0.000063,
    "MYR": 0.22,
    "CNY": 0.14,
    "MXN": 0.055,
    "AED": 0.27,
    "SAR": 0.27,
    "ISK": 0.0072,
}
SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "AUD": "A$", "NZD": "NZ$", "CAD": "C$"}
SIGNS |= {"HKD": "HK$", "SGD": "S$", "JPY": "¥", "INR": "Rs "}
SIGNS |= {"ZAR": "R", "KRW": "₩", "BRL": "R$", "KR": "kr ", "PLN": "zł ", "THB": "฿"}
SIGNS |= {"PHP": "₱", "TRY": "₺", "RUB": "₽", "ILS": "₪", "VND": "₫", "CNY": "CN¥", "MXN": "MX$"}

# The one-character money signs, for the patterns that ask whether a sign stands before a digit.
SIGN_CHARS = "$€£¥₹₦₩₱₺₽₪₫฿"

CURRENCY_BEFORE = (
    # "$A2.1 billion", "$US5m": the country after the sign, as Australian papers print it
    r"(?<![A-Za-z0-9])(?P<cur>\$(?:US|A|NZ|C)(?=\s?\d)|"
    r"US\$|U\.S\.\s?\$|A\$|AU\$|NZ\$|CA\$|Can\$|C\$|HK\$|S\$|R\$|MX\$|CN¥|\$|€|£|¥|₹|₦|"
    r"₩|₱|₺|₽|₪|₫|฿|"
    # "kr 2.4 billion", "kr. 350", "Rp 15.000", "RM 40m", "zł 12": letters glued to no word
    r"(?:kr\.?|Rp|RM|zł)(?=\s?\d)|"
    r"Rs\.?(?=\s?\d)|KSh(?=\s?\d)|"
    # "R18.9bn", "R4,500", "R40m": the rand's sign, glued to a grouped, long or scaled figure
    # (not "R2", a statistic's name)
    r"R(?=\d{1,3}(?:,\d{3})+(?!\d)|\d{3,}|\d+(?:\.\d+)?\s?(?:bn|mn|m|k|million|billion|trillion)\b)|"
    r"(?:USD|AUD|NZD|CAD|HKD|SGD|EUR|GBP|JPY|INR|CHF|NGN|KES|ZAR|NOK|SEK|DKK|KRW|BRL|PLN|THB|PHP|"
    r"TRY|RUB|ILS|VND|IDR|MYR|CNY|RMB|MXN|AED|SAR)(?=\s?\d)|"
    r"(?i:usd|eur|gbp)(?=\s\d))"
)
# Currency words after the number: "2.1 billion Australian dollars".
CURRENCY_AFTER = (
    r"(?P<after>(?i:(?:(?:US|U\.S\.|American|Australian|Canadian|New\s+Zealand|Hong\s+Kong|"
    r"Singapore)\s+)?dollars|euros?|pounds(?:\s+sterling)?|sterling|rupees|yen|"
    r"(?:Swiss\s+)?francs|naira|shillings|rand|won|reais|kroner|kronor|kronur|krone|krona|"
    r"zlotys?|złoty|baht|pesos|lira|roubles|rubles|rupiah|ringgit|yuan|renminbi|dirhams?|riyals?|"
    r"shekels?|dong|zł|kr)\b"
    # Continental usage puts the code or sign after the figure: "2,8 Mrd. EUR", "3,4 Md €".
    r"|(?:EUR|GBP|CHF)\b|€(?!\s?\d))"
)
_AFTER_CODES = (
    ("australian", "AUD"),
    ("canadian", "CAD"),
    ("new zealand", "NZD"),
    ("hong kong", "HKD"),
    ("singapore", "SGD"),
    ("euro", "EUR"),
    ("eur", "EUR"),
    ("€", "EUR"),
    ("gbp", "GBP"),
    ("chf", "CHF"),
    ("pound", "GBP"),
    ("sterling", "GBP"),
    ("rupee", "INR"),
    ("yen", "JPY"),
    ("franc", "CHF"),
    ("naira", "NGN"),
    ("shilling", "KES"),
    ("rand", "ZAR"),
    ("won", "KRW"),
    ("reais", "BRL"),
    ("kroner", "KR"),
    ("kronor", "SEK"),
    ("krona", "SEK"),
    ("krone", "KR"),
    ("kronur", "ISK"),
    ("zloty", "PLN"),
    ("złoty", "PLN"),
    ("baht", "THB"),
    ("peso", "MXN"),
    ("lira", "TRY"),
    ("rouble", "RUB"),
    ("ruble", "RUB"),
    ("rupiah", "IDR"),
    ("ringgit", "MYR"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("dirham", "AED"),
    ("riyal", "SAR"),
    ("shekel", "ILS"),
    ("dong", "VND"),
    ("zł", "PLN"),
    ("kr", "KR"),
)


def currency_code(symbol: str) -> str:
    key = re.sub(r"\s", "", symbol).replace("U.S.", "US")
    return _CODES_BEFORE.get(key) or _CODES_BEFORE.get(key.upper(), "USD")


def currency_word(word: str) -> str:
    lowered = re.sub(r"\s+", " ", word.lower())
    return next((code for key, code in _AFTER_CODES if key in lowered), "USD")
