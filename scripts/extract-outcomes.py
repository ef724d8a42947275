#!/usr/bin/env python3
"""Extracts the outcome series of the country-year reference panel from the shipped datasets.

Usage: scripts/extract-outcomes.py DATA_DIR CLDR_CORE_DIR
  DATA_DIR       the folder holding wgi-1996-2019/ and vdem-v16-biodem-extract/ (see their PROVENANCE.md)
  CLDR_CORE_DIR  the cldr-core package (npm install cldr-core@48.2.0), for the UN M49 sub-regions

Writes into src/main/resources/referencedata/outcomes/:
  outcomes.csv  series,code,year,value: one row per series, source country code and year, the value
                copied as text from the source (no rounding); missing values (NA, empty) are left out.
                Codes are the source's own: harmonisation to ISO 3166 alpha-3 happens in one place,
                country_codes.csv read by org.bluehelm.outcome.CountryCodes.
  regions.csv   iso3,region_code,region_en,region_fr: the UN M49 sub-region of every country of
                referencedata/countries/countries.csv, from CLDR territory containment.
The WGI files are Latin-1 and are read as such; everything written is UTF-8.
"""
import csv
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "src/main/resources/referencedata/outcomes")

WGI = {  # series code -> indicator in the long WGI file (column Estimate)
    "wgi_rule_of_law": "RuleofLaw",
    "wgi_control_of_corruption": "ControlofCorruption",
    "wgi_government_effectiveness": "GovernmentEffectiveness",
}
VDEM = {
    "vdem_physical_violence": "v2x_clphy",
    "vdem_political_corruption": "v2x_corr",
    "vdem_electoral_democracy": "v2x_polyarchy",
}
COMBINED = {  # file -> series code -> column (WJP and CPIA; the WGI columns there repeat the long file)
    "Combined_Rule_of_Law_Index_data.csv": {
        "wjp_order_security": "WJP.5.Order_and_Security",
        "wjp_criminal_justice": "WJP.8.Criminal_Justice",
        "cpia_rule_based_governance": "CPIA.Rule_Based_Governance",
    },
    "Combined_Corruption_Index_data.csv": {
        "wjp_police_military_corruption": "WJP.2.3.Police_Military_Private_Gain",
        "cpia_transparency_corruption": "CPIA.Trans_Account_Corruption",
    },
}
REGIONS = {  # UN M49 sub-regions, English and French names
    "015": ("Northern Africa", "Afrique du Nord"),
    "011": ("Western Africa", "Afrique de l'Ouest"),
    "017": ("Middle Africa", "Afrique centrale"),
    "014": ("Eastern Africa", "Afrique de l'Est"),
    "018": ("Southern Africa", "Afrique australe"),
    "029": ("Caribbean", "Caraïbes"),
    "013": ("Central America", "Amérique centrale"),
    "005": ("South America", "Amérique du Sud"),
    "021": ("Northern America", "Amérique septentrionale"),
    "143": ("Central Asia", "Asie centrale"),
    "030": ("Eastern Asia", "Asie de l'Est"),
    "034": ("Southern Asia", "Asie du Sud"),
    "035": ("South-eastern Asia", "Asie du Sud-Est"),
    "145": ("Western Asia", "Asie de l'Ouest"),
    "151": ("Eastern Europe", "Europe de l'Est"),
    "154": ("Northern Europe", "Europe du Nord"),
    "039": ("Southern Europe", "Europe du Sud"),
    "155": ("Western Europe", "Europe de l'Ouest"),
    "053": ("Australia and New Zealand", "Australie et Nouvelle-Zélande"),
    "054": ("Melanesia", "Mélanésie"),
    "057": ("Micronesia", "Micronésie"),
    "061": ("Polynesia", "Polynésie"),
    "AQ": ("Antarctica", "Antarctique"),
}


def missing(text):
    return text is None or text.strip() in ("", "NA")


def outcomes(data):
    rows = []
    wgi = os.path.join(data, "wgi-1996-2019")
    indicators = {v: k for k, v in WGI.items()}
    with open(os.path.join(wgi, "2020_Worldwide_Governance_Indicators_1996-2019.csv"), encoding="latin-1") as f:
        for r in csv.DictReader(f):
            series = indicators.get(r["Indicator"])
            if series and not missing(r["Estimate"]):
                rows.append((series, r["Code"], int(r["Year"]), r["Estimate"].strip()))
    for name, columns in COMBINED.items():
        with open(os.path.join(wgi, name), encoding="latin-1") as f:
            for r in csv.DictReader(f):
                for series, column in columns.items():
                    if not missing(r[column]):
                        rows.append((series, r["Code"], int(r["Year"]), r[column].strip()))
    with open(os.path.join(data, "vdem-v16-biodem-extract", "vdem_variables.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            for series, column in VDEM.items():
                if not missing(r[column]):
                    rows.append((series, r["country"], int(r["year"]), r[column].strip()))
    rows.sort()
    with open(os.path.join(OUT, "outcomes.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["series", "code", "year", "value"])
        w.writerows(rows)
    return len(rows)


def regions(cldr):
    with open(os.path.join(cldr, "supplemental", "territoryContainment.json"), encoding="utf-8") as f:
        containment = json.load(f)["supplemental"]["territoryContainment"]
    region_of = {}
    for code in REGIONS:
        for member in containment.get(code, {}).get("_contains", []):
            region_of[member] = code
    region_of["AQ"] = "AQ"
    out = []
    with open(os.path.join(ROOT, "src/main/resources/referencedata/countries/countries.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code = region_of.get(r["iso2"])
            if code is None:
                raise SystemExit("No UN M49 sub-region for " + r["iso3"])
            out.append((r["iso3"], code, REGIONS[code][0], REGIONS[code][1]))
    with open(os.path.join(OUT, "regions.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["iso3", "region_code", "region_en", "region_fr"])
        w.writerows(out)
    return len(out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    print(outcomes(sys.argv[1]), "outcome values,", regions(sys.argv[2]), "countries with a region")
