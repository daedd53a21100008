"""Currencies: every symbol, code and word a figure's currency is printed with.

Before the number: "$", "US$", "A$", "NZ$", "C$", "HK$", "S$", "€", "£",
"¥", "₹", "Rs", "KSh" and ISO codes ("GBP 3 million", "AUD 2.1bn"); after
it: "dollars" (with "US", "Australian", "Canadian" ...), "euros",
"pounds (sterling)", "rupees", "yen", "francs". A bare "$" is read as US
dollars. Figures in different currencies are never compared; the rough
rates in ``USD_PER_UNIT`` only put a per-head figure in a plausible band.
"""

from __future__ import annotations

import re

__all__ = [
    "CURRENCY_AFTER",
    "CURRENCY_BEFORE",
    "SIGNS",
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
}
SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "AUD": "A$", "NZD": "NZ$", "CAD": "C$"}
SIGNS |= {"HKD": "HK$", "SGD": "S$", "JPY": "¥", "INR": "Rs "}
SIGNS |= {"ZAR": "R"}

CURRENCY_BEFORE = (
    # "$A2.1 billion", "$US5m": the country after the sign, as Australian papers print it
    r"(?<![A-Za-z0-9])(?P<cur>\$(?:US|A|NZ|C)(?=\s?\d)|"
    r"US\$|U\.S\.\s?\$|A\$|AU\$|NZ\$|CA\$|Can\$|C\$|HK\$|S\$|\$|€|£|¥|₹|₦|"
    r"Rs\.?(?=\s?\d)|KSh(?=\s?\d)|"
    # "R18.9bn", "R4,500", "R40m": the rand's sign, glued to a grouped, long or scaled figure
    # (not "R2", a statistic's name)
    r"R(?=\d{1,3}(?:,\d{3})+(?!\d)|\d{3,}|\d+(?:\.\d+)?\s?(?:bn|mn|m|k|million|billion|trillion)\b)|"
    r"(?:USD|AUD|NZD|CAD|HKD|SGD|EUR|GBP|JPY|INR|CHF|NGN|KES|ZAR|NOK|SEK|DKK)(?=\s?\d)|"
    r"(?i:usd|eur|gbp)(?=\s\d))"
)
# Currency words after the number: "2.1 billion Australian dollars".
CURRENCY_AFTER = (
    r"(?P<after>(?i:(?:(?:US|U\.S\.|American|Australian|Canadian|New\s+Zealand|Hong\s+Kong|"
    r"Singapore)\s+)?dollars|euros?|pounds(?:\s+sterling)?|sterling|rupees|yen|"
    r"(?:Swiss\s+)?francs|naira|shillings|rand)\b)"
)
_AFTER_CODES = (
    ("australian", "AUD"),
    ("canadian", "CAD"),
    ("new zealand", "NZD"),
    ("hong kong", "HKD"),
    ("singapore", "SGD"),
    ("euro", "EUR"),
    ("pound", "GBP"),
    ("sterling", "GBP"),
    ("rupee", "INR"),
    ("yen", "JPY"),
    ("franc", "CHF"),
    ("naira", "NGN"),
    ("shilling", "KES"),
    ("rand", "ZAR"),
)


def currency_code(symbol: str) -> str:
    key = re.sub(r"\s", "", symbol).replace("U.S.", "US")
    return _CODES_BEFORE.get(key) or _CODES_BEFORE.get(key.upper(), "USD")


def currency_word(word: str) -> str:
    lowered = re.sub(r"\s+", " ", word.lower())
    return next((code for key, code in _AFTER_CODES if key in lowered), "USD")
