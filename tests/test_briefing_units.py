"""Unit tests: catalogue matching, number parsing, sentence splitting and each figure check."""

from __future__ import annotations

import pytest

from generator.briefing.catalogue import catalogue, load_catalogue
from generator.briefing.checks import extract_checks, stated_rates
from generator.briefing.country import country_of_post, country_of_tag
from generator.briefing.metrics import load_rules, metric_of
from generator.briefing.numbers import find_numbers, format_number, parse_number
from generator.briefing.statistics import extract_statistics
from generator.briefing.treaties import status_of
from generator.model import Cable, Paragraph, Statistic


def cable_of(*texts: str, origin: str = "ALMATY", tags: tuple[str, ...] = ("KIPR", "KZ")) -> Cable:
    paragraphs = tuple(Paragraph(i + 1, None, None, text, i + 1) for i, text in enumerate(texts))
    return Cable(id=f"05{origin}1", origin=origin, number=1, year=2005, date=None, classification="UNCLASSIFIED",
                 caveats=(), partial=False, tags=tags, subject=None, references=(), summary=None, signer=None,
                 paragraphs=paragraphs, source="x.txt")


# --- catalogue -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "names"), [
    ("as required by the Agreement on Trade-Related Aspects of Intellectual Property Rights (TRIPS).",
     ["TRIPS Agreement", "TRIPS Agreement"]),
    ("the WTO TRIPS Agreement", ["TRIPS Agreement"]),
    ("- 1994 Treaty on Trademark Laws;", ["Trademark Law Treaty"]),
    ("1977 Budapest Agreement on International Recognition of Microorganisms Deposits for the Purpose of Patent "
     "Procedures", ["Budapest Treaty"]),
    ("the Madrid Protocol relating to the Madrid Agreement on international registration of marks",
     ["Madrid Protocol"]),
    ("Madrid Agreement on deceptive indications of source on goods", ["Madrid Agreement (Indications of Source)"]),
    ("ratified the WIPO Treaties on Copyrights and Performances and Phonograms",
     ["WIPO Copyright Treaty", "WIPO Performances and Phonograms Treaty"]),
    ("the WIPO Copyright Treaty (WTC)", ["WIPO Copyright Treaty"]),
    ("the 1996 WIPO Internet Treaties", ["WIPO Copyright Treaty", "WIPO Performances and Phonograms Treaty"]),
    ("1998 Agreement on Cooperation on Suppression of Offenses in the Field of Intellectual Property",
     ["CIS Agreement on Cooperation against Intellectual Property Offences"]),
    ("Patent Cooperation Treaty application processing and PCT filings", ["Patent Cooperation Treaty"] * 2),
    ("efforts to join the International Union for the Protection of New Varieties of Plants (UPOV)",
     ["UPOV Convention", "UPOV Convention"]),
    ("the Hague Convention on Legalization of Foreign Public Documents", ["Apostille Convention"]),
    ("TRIPS-compliant", ["TRIPS Agreement"]),
    ("a trips abroad and the word Nice", []),
    # Short names count only inside a list of treaties; a city is not a treaty.
    ("approved both of the treaties (Budapest and UPOV).", ["Budapest Treaty", "UPOV Convention"]),
    ("the Paris and Berne Conventions", ["Paris Convention", "Berne Convention"]),
    ("the delegation flew on to Budapest and Paris.", []),
    ("meet the country's CAFTA-DR obligations under the Central American Free Trade Agreement",
     ["CAFTA-DR", "CAFTA-DR"]),
    ("the August 30 WTO Access to Medicines Agreement; the WTO agreement on access to medicines",
     ["WTO Decision on Access to Medicines (Paragraph 6)"] * 2),
    ("he didn't mention FTAA in public", ["Free Trade Area of the Americas"]),
    ("renegotiating our double taxation treaty; our bilateral income tax treaty",
     ["US–{country} Tax Treaty"] * 2),
])
def test_catalogue_matches(text: str, names: list[str]) -> None:
    found = [entry.name for match in catalogue().find(text) for entry in match.entries]
    assert found == names


def test_catalogue_entries_have_unique_names_and_years() -> None:
    names = [entry.name for entry in catalogue().entries]
    assert len(names) == len(set(names))
    assert catalogue().by_name("Nice Agreement").year == 1957  # type: ignore[union-attr]


def test_catalogue_template_names_take_the_country() -> None:
    entry = catalogue().by_name("US–{country} Trade Agreement")
    assert entry is not None and entry.named("Kazakhstan") == "US–Kazakhstan Trade Agreement"


def test_a_catalogue_can_be_loaded_from_text() -> None:
    cat = load_catalogue("treaties:\n  - name: Test Treaty\n    year: 2001\n    aliases: ['Test Treaty']\n"
                         "    acronyms: [TT]\n")
    assert [m.entries[0].name for m in cat.find("the Test Treaty and TT but not tt")] == ["Test Treaty", "Test Treaty"]


@pytest.mark.parametrize(("context", "status"), [
    ("Kazakhstan is a party to the following international agreements:", "party"),
    ("Kazakhstan ratified the", "ratified"),
    ("Lebanon has not yet ratified the", "not ratified"),
    ("The U.S. Government urged Kazakhstan to ratify the", "urged"),
    ("In 2006, the government acceded to the", "acceded"),
    ("Egypt has not acceded to the", "not party"),
    ("In December 2006, Lebanon signed the", "signed"),
    ("the music industry welcomed Russia's announcement to join the", "joining"),
    ("as required by the", None),
])
def test_treaty_status_words(context: str, status: str | None) -> None:
    assert status_of(context) == status


# --- numbers ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "high", "currency", "percent"), [
    ("1,365", 1365, None, None, False),
    ("8 million", 8_000_000, None, None, False),
    ("$4,467.75.", 4467.75, None, "USD", False),
    ("31.8%", 31.8, None, None, True),
    ("64 percent", 64, None, None, True),
    ("500-700", 500, 700, None, False),
    ("6,659,341 tenge", 6_659_341, None, "KZT", False),
    ("60,000 LE", 60_000, None, "EGP", False),
    ("USD 10,500", 10_500, None, "USD", False),
    ("$26.8 million", 26_800_000, None, "USD", False),
    ("250,000 rubles", 250_000, None, "RUB", False),
    ("1500", 1500, None, None, False),
    ("US$ 95 million", 95_000_000, None, "USD", False),
    ("R$ 36 million", 36_000_000, None, "BRL", False),
    ("700 million reais", 700_000_000, None, "BRL", False),
    ("Rs 1.2 crore", 12_000_000, None, "INR", False),
    ("Rs. 5 lakh", 500_000, None, "INR", False),
    ("NT$ 3 billion", 3_000_000_000, None, "TWD", False),
    ("2 million YTL", 2_000_000, None, "TRY", False),
])
def test_parse_number(text: str, value: float, high: float | None, currency: str | None, percent: bool) -> None:
    number = parse_number(text)
    assert number is not None
    assert number.value == pytest.approx(value)
    assert number.high == high
    assert number.currency == currency
    assert number.percent is percent


@pytest.mark.parametrize("text", ["abc", "", "1,365 and 1,264", "G8"])
def test_parse_number_refuses_what_is_not_one_number(text: str) -> None:
    assert parse_number(text) is None


def test_find_numbers_skips_identifiers() -> None:
    found = [n.raw for n in find_numbers("G8 24/7 5th BEIJING 00002103 002 OF 023 Law 9279/1996 Bill C-60 3-6 years")]
    assert found == ["3-6"]


def test_format_number_is_fixed() -> None:
    assert format_number(51225.0) == "51,225"
    assert format_number(4467.75) == "4,467.75"
    assert format_number(31.8) == "31.8"
    assert format_number(8_000_000) == "8,000,000"


def test_countries() -> None:
    assert country_of_post("ALMATY") == "Kazakhstan"
    assert country_of_post("CHENGDU") == "China"
    assert country_of_post("STATE") is None
    assert country_of_tag("LE") == "Lebanon"


# --- figure checks ---------------------------------------------------------------------------------------------

def test_percent_change_check_passes_and_fails() -> None:
    good = cable_of("Seized Materials: 218,110 items seized in 2004, compared to 165,423 in 2003 - an increase of "
                    "31.8%;")
    (check,) = extract_checks(good)
    assert (check.kind, check.ok, check.stated, check.computed) == ("percent_change", True, "+31.8%", "+31.8%")
    bad = cable_of("Seized Materials: 218,110 items seized in 2004, compared to 165,423 in 2003 - an increase of "
                   "41.8%;")
    (check,) = extract_checks(bad)
    assert check.ok is False and check.stated == "+41.8%"


def test_percent_change_needs_both_values() -> None:
    lone = cable_of("The number of cases resolved was 3,529, an increase of 28 percent, involving 5,336 people.")
    assert extract_checks(lone) == ()


def test_percent_change_over_the_previous_sentence() -> None:
    text = ("Over 630,000 counterfeit products were seized in 2007. This is an increase of 87 percent over the "
            "337,000 counterfeit products seized in 2006.")
    (check,) = extract_checks(cable_of(text))
    assert check.ok and check.computed == "+86.9%"


def test_decline_from_to() -> None:
    text = "The number of cases may have declined by about 13 percent, from 39,800 to 33,900, in 2006."
    (check,) = extract_checks(cable_of(text))
    assert check.ok is False and check.stated == "-13%" and check.computed == "-14.8%"


def test_currency_check_against_the_stated_rate() -> None:
    text = ("The current monthly indicator is 919 tenge, or (130 tenge/USD) $7.07. Fines were collected in the "
            "amount of 580,808 tenge ($4,467.75.) and 1,000 tenge ($9.00).")
    cable = cable_of(text)
    assert stated_rates(cable) == {"KZT": 130.0}
    checks = extract_checks(cable)
    assert [(c.kind, c.ok) for c in checks] == [("currency", True), ("currency", True), ("currency", False)]
    assert checks[2].computed == "$7.69"


def test_no_currency_check_without_a_rate() -> None:
    assert extract_checks(cable_of("An appeals court fined the pirate 60,000 LE (USD 10,500).")) == ()


def test_parts_against_totals() -> None:
    text = ("The GOK initiated 35 criminal cases under Article 184 of the Criminal Code:\n16 investigations are "
            "complete;\n13 were referred to the courts;\n3 cases resulted in the charges being dropped;\n8 cases are "
            "temporarily suspended;\n11 cases are now at trial;\n3 people were convicted in 2004.")
    checks = extract_checks(cable_of(text))
    assert [(c.kind, c.ok, c.stated, c.computed) for c in checks] == [
        ("sum", True, "16", "16"), ("sum", True, "35", "35")]
    broken = text.replace("13 were referred", "14 were referred")
    assert [c.ok for c in extract_checks(cable_of(broken))] == [False, True]


def test_factor_words() -> None:
    text = "Annual trademark applications have now more than doubled from 7,553 in 2004 to 16,076 in 2007."
    (check,) = extract_checks(cable_of(text))
    assert check.ok and check.computed == "×2.13"


@pytest.mark.parametrize(("text", "terms"), [
    ("The law provides for prison terms of up to 6 years.", [(6.0, None, "years")]),
    ("Violators face 3-5 years imprisonment.", [(3.0, 5.0, "years")]),
    ("Offenders can be jailed for up to three years.", [(3.0, None, "years")]),
    ("He was sentenced to 18 months in prison.", [(18.0, None, "months")]),
    ("Repeat offenses would be punished by two to five years' deprivation of liberty.", [(2.0, 5.0, "years")]),
    # Durations that are not prison terms are not figures.
    ("The investigation lasted five years.", []),
    ("The court may garnish the salary for five to ten months' salary.", []),
    ("The three-year campaign ended after 18 months.", []),
])
def test_prison_terms_are_figures_other_durations_are_not(
        text: str, terms: list[tuple[float, float | None, str]]) -> None:
    found = [(stat.value, stat.high, stat.unit) for stat in extract_statistics(cable_of(text))
             if stat.label == "prison term"]
    assert found == terms
    assert all(stat.unit not in ("years", "months") or stat.label == "prison term"
               for stat in extract_statistics(cable_of(text)))


# --- recommendation phrasings ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "current", "recommended"), [
    ("Post recommends that Ukraine remain on the Priority Watch List.", "Priority Watch List", "Priority Watch List"),
    ("We recommend that Bulgaria be placed on the Watch List.", None, "Watch List"),
    ("Embassy recommends an out-of-cycle review for Ukraine.", None, "Out-of-cycle review"),
    ("Embassy Ottawa recommends that Canada be elevated to the Priority Watch List.", "Watch List",
     "Priority Watch List"),
    ("We recommend that Brazil be downgraded to the Watch List.", "Priority Watch List", "Watch List"),
    ("Embassy recommends that Israel be moved to the Watch List. Israel is currently on the Priority Watch List.",
     "Priority Watch List", "Watch List"),
    ("We recommend no change in Ukraine's status on the Watch List.", "Watch List", "Watch List"),
    ("Embassy Sofia recommends that Bulgaria not be placed on the Special 301 Watch List.", None, "Not listed"),
    ("We therefore recommend removing Kazakhstan from the Watch List.", "Watch List", "Not listed"),
    ("Embassy recommends that Egypt stay on the PWL.", "Priority Watch List", "Priority Watch List"),
    ("Embassy recommends that Canada not be elevated to the Priority Watch List.", "Watch List", "Watch List"),
    ("We recommend that Turkey remain on the Special 301 Watchlist.", "Watch List", "Watch List"),
    ("Post recommends moving Turkey to the Special 301 Watch List. Turkey was placed on the Priority Watch List in "
     "2004.", "Priority Watch List", "Watch List"),
    ("Embassy requests Washington agencies to consider an out-of-cycle review for Spain in October. Spain may "
     "qualify for placement on the Watch List. Italy is already on the Watch List.", "Not listed",
     "Out-of-cycle review"),
    # Supporting, believing, labelling and declining are recommendations too.
    ("Embassy supports keeping Peru on the Watch List.", "Watch List", "Watch List"),
    ("Post believes Peru should remain on the Watch List.", "Watch List", "Watch List"),
    ("We believe that Peru merits continued placement on the Priority Watch List.", "Priority Watch List",
     "Priority Watch List"),
    ("Peru is currently on the Watch List. Embassy recommends no change in Peru's status.", "Watch List",
     "Watch List"),
    ("Embassy recommends that Peru not be placed on the Special 301 list.", None, "Not listed"),
    ("Embassy does not/not recommend elevating Peru to the Priority Watch List; it should remain on the Watch List.",
     "Watch List", "Watch List"),
    ("Post does not recommend removing Peru from the Watch List.", "Watch List", "Watch List"),
    ("RECOMMENDATION: Keep Peru on the Watch List.", "Watch List", "Watch List"),
    ("Embassy's recommendation: Priority Watch List.", None, "Priority Watch List"),
])
def test_special_301_phrasings(text: str, current: str | None, recommended: str) -> None:
    from generator.briefing.recommendation import extract_recommendation

    rec = extract_recommendation(cable_of(text))
    assert rec is not None and rec.special_301 is not None
    assert (rec.special_301.current, rec.special_301.recommended) == (current, recommended)


@pytest.mark.parametrize("text", [
    "IIPA recommends that Egypt remain on the Priority Watch List.",
    "PhRMA has recommended moving Egypt to the Watch List.",
    "In 2004, we had little difficulty recommending that Kazakhstan remain in Watch List status.",
    "Embassy recommended last year that GOE actions were not yet sufficient.",
    "Embassy requests that the Minister receive the delegation.",
    "We support the GOP's efforts to get off the Watch List.",
    "Post believes the Watch List placement was a wake-up call.",
])
def test_other_peoples_and_past_recommendations_are_ignored(text: str) -> None:
    from generator.briefing.recommendation import extract_recommendation

    assert extract_recommendation(cable_of(text)) is None


# --- laws and treaties in prose ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "laws"), [
    ("Brazil's Industrial Property Law (Law 9279/1996) protects patents.",
     [("Industrial Property Law (Law 9279/1996)", None, 1996, "Ukraine")]),
    ("The Copyright Act of 1997 was amended.", [("Copyright Act", None, 1997, "Ukraine")]),
    ("Articles 146 and 180 of the Criminal Code cover IPR crimes.",
     [("Criminal Code", "Article 146", None, "Ukraine"), ("Criminal Code", "Article 180", None, "Ukraine")]),
    ("Criminal Code, Article 184", [("Criminal Code", "Article 184", None, "Ukraine")]),
    ("Bill C-60 died on the order paper.", [("Bill C-60", None, None, "Ukraine")]),
    ("Prime Minister issued decree 497/2005 under IPR Law 82 of 2002.",
     [("Decree 497/2005", None, 2005, "Ukraine"), ("IPR Law No. 82", None, 2002, "Ukraine")]),
    ("under Section 337 of the Tariff Act of 1930", [("Tariff Act", "Section 337", 1930, "United States")]),
    ("The Law on Copyright and Adjacent Rights (1996) protects software.",
     [("Law on Copyright and Adjacent Rights", None, 1996, "Ukraine")]),
    ("Part IV of the Russian Civil Code was enacted in January 2008.", [("Civil Code", "Part IV", 2008, "Ukraine")]),
    ("A decree analogous to a U.S. Executive Order has not been issued.", []),
    ("the government proposed an amendment (Article 17 bis) to the Information Society Law.",
     [("Information Society Law", "Article 17 bis", None, "Ukraine")]),
    ("Parliament passed Law No. 5846 amending the Intellectual and Artistic Works Law.",
     [("Law No. 5846", None, None, "Ukraine"), ("Intellectual and Artistic Works Law", None, None, "Ukraine")]),
    ("Royal Decree 1/1996 consolidated the text.", [("Royal Decree 1/1996", None, 1996, "Ukraine")]),
    ("the draft Law for a Sustainable Economy, known as the Sustainable Economy Law.",
     [("Law for a Sustainable Economy", None, None, "Ukraine")]),
    ("until the new patent law passes there are no criminal penalties.", [("Patent Law", None, None, "Ukraine")]),
    ("the situation improved since the governmental decree on licensed software.",
     [("Governmental decree", None, None, "Ukraine")]),
    ("Baltic Law also backed the ministry; we met the Beijing Law Enforcement task force.", []),
    # Law numbers with thousands separators, decrees and bills as Brazil and Costa Rica write them.
    ("Decree No. 4,830 redrafts Decree No. 3,201 under Article 71, Law No. 9,279 of May 14, 1996.",
     [("Decree 4,830", None, None, "Ukraine"), ("Decree 3,201", None, None, "Ukraine"),
      ("Law No. 9,279", None, None, "Ukraine")]),
    ("Provisional Measure 2.186 and Decree 3.945 of 2001; Bill 1787/96 is pending.",
     [("Provisional Measure 2.186", None, None, "Ukraine"), ("Decree 3.945", None, 2001, "Ukraine"),
      ("Bill 1787/96", None, 1996, "Ukraine")]),
    ("The 2002 Executive Decree #30, 151-J, mandated licensed software.",
     [("Executive Decree 30, 151-J", None, None, "Ukraine")]),
    ("two recent state laws (No.12.279 and 12.294) and a law (No. 11/929/05)",
     [("Law No. 12.279", None, None, "Ukraine"), ("Law No. 12.294", None, None, "Ukraine"),
      ("Law No. 11/929/05", None, None, "Ukraine")]),
    ("Draft Law 3709 of 2008 would strike the rule.", [("Draft Law 3709", None, 2008, "Ukraine")]),
    # The Constitution when cited by article or by country, not in an argument.
    ("under Article 37 of the Constitution", [("Constitution", "Article 37", None, "Ukraine")]),
    ("which Nadal said the Constitution and tradition require", []),
    # Titles in quotes, nicknames, EU directives.
    ('Nicknamed "Hadopi 2," this draft bill complements the law "Creation and the Internet" and a bill (Hadopi 3).',
     [("Hadopi 2", None, None, "Ukraine"), ("Creation and the Internet", None, None, "Ukraine"),
      ("Hadopi 3", None, None, "Ukraine")]),
    ("the IPRED (Intellectual Property Rights Enforcement Directive) legislation",
     [("Intellectual Property Rights Enforcement Directive (IPRED)", None, 2004, "Ukraine")]),
    # "The IPR law" is the intellectual property law; IPR law in general is none.
    ("a new intellectual property law. The new IPR law was drafted.",
     [("Intellectual Property Law", None, None, "Ukraine")]),
    ("In 2002, Egypt passed a comprehensive IPR law.", [("IPR Law", None, 2002, "Ukraine")]),
    ("applying IPR law is hard for IPR lawyers; a Ministerial decree may be sufficient.", []),
    # Articles of a law with its year, a law number with thousands separators, an EU directive in lower case,
    # and a bill named after the treaty it implements.
    ("regulations for Article 113 of Brazil's 1998 Copyright Law; Congress passed Law 10,603.",
     [("Copyright Law", "Article 113", 1998, "Ukraine"), ("Law No. 10,603", None, None, "Ukraine")]),
    ("An amendment to the 2002 Information Society Law in Article 16.1; the EU's 2000 E-commerce directive.",
     [("Information Society Law", "Article 16.1", 2002, "Ukraine"), ("E-commerce directive", None, None, "Ukraine")]),
    ("to approve the IPR-related 14th CAFTA-DR bill", [("CAFTA-DR bill", None, None, "Ukraine")]),
    ("approved a previously dormant bill (PL22/2003) which will exclude drugs",
     [("PL 22/2003", None, 2003, "Ukraine")]),
    ("In Costa Rica's civil law system, judges rotate.", []),  # a legal system, not a law
    ("measures in the government's proposed Sustainable Economy Law (LES)",
     [("Sustainable Economy Law", None, None, "Ukraine")]),
    ("the 50 MW allowed by the GOS decree-law; the existing royal decree could not be used.",
     [("GOS decree-law", None, None, "Ukraine"), ("Royal decree", None, None, "Ukraine")]),
    ("the HADOPI law takes effect; US law and IPR law differ.", [("HADOPI law", None, None, "Ukraine")]),
    ("Brazil would have to rewrite the telecom law.", [("Telecom Law", None, None, "Ukraine")]),
    # Shapes of other legal systems: Philippine Republic Acts, Romanian ordinances, Hong Kong ordinances, Peruvian
    # bare law numbers, Indonesian and Italian numbers with their year, Andean decisions, regulations, procedure codes.
    ("Piracy is punished under Republic Act 8293, the Intellectual Property Code; RA 9239 covers optical media.",
     [("Republic Act 8293", None, None, "Ukraine"), ("Intellectual Property Code", None, None, "Ukraine"),
      ("Republic Act 9239", None, None, "Ukraine")]),
    ("Emergency Ordinance 100/2005 followed the Copyright (Amendment) Ordinance 2007.",
     [("Emergency Ordinance 100/2005", None, 2005, "Ukraine"),
      ("Copyright (Amendment) Ordinance", None, 2007, "Ukraine")]),
    ("Peru implemented the FTA through Law 29316; Law No. 19 of 2002 and Law n. 633 of 1941 differ.",
     [("Law No. 29316", None, None, "Ukraine"), ("Law No. 19", None, 2002, "Ukraine"),
      ("Law No. 633", None, 1941, "Ukraine")]),
    ("Andean Community Decision 486 and Government Regulation No. 29/2004 apply.",
     [("Andean Decision 486", None, None, "Ukraine"), ("Government Regulation No. 29/2004", None, 2004, "Ukraine")]),
    ("The Regulations on the Protection of Computer Software and the Code of Criminal Procedure apply.",
     [("Regulations on the Protection of Computer Software", None, None, "Ukraine"),
      ("Code of Criminal Procedure", None, None, "Ukraine")]),
    ("Article 146 of the RF Criminal Code, the Criminal Code (Article 424) and Article 7 of the Law on "
     "Pharmaceuticals.",
     [("Criminal Code", "Article 146", None, "Ukraine"), ("Criminal Code", "Article 424", None, "Ukraine"),
      ("Law on Pharmaceuticals", "Article 7", None, "Ukraine")]),
    ("THE PENAL CODE and the IP Code", [("Penal Code", None, None, "Ukraine"), ("IP Code", None, None, "Ukraine")]),
    ("In 2007 there were 2008 cases under the law; Law 2004 is no law.", []),
    # Held-out set 9: named regulations, eponymous U.S. acts, titled legislation, titles as Ukraine writes them, a
    # keyword law with its title words, and a law's name inside a publication's title.
    ("the Patented Medicine Notice of Compliance (NOC) Regulations; Notice of Compliance \"linkage\" regulations; "
     "Certain Customs regulations",
     [("Patented Medicine Notice of Compliance Regulations", None, None, "Ukraine"),
      ("Notice of Compliance Regulations", None, None, "Ukraine")]),
    ("A similar review of the Hatch-Waxman law in the U.S.; Recent Anti-Piracy Law Passed by the City",
     [("Hatch-Waxman Act", None, None, "United States")]),
    ("through the passage of critical Optical Disk Legislation; AIDS Drugs and Patent Legislation",
     [("Optical Disk Legislation", None, None, "Ukraine")]),
    ('amendments to the Law "On Medical Drugs" and the draft Law "On Confidential Information"',
     [('Law "On Medical Drugs"', None, None, "Ukraine"), ('Law "On Confidential Information"', None, None, "Ukraine")]),
    ("the passage of the Optical Media Law in 2001", [("Optical Media Law", None, None, "Ukraine")]),
    ("under the Egyptian IPR Law and Lebanon's Patent Law", [("IPR Law", None, None, "Ukraine"),
                                                             ("Patent Law", None, None, "Ukraine")]),
    # Held-out set 10: a range of sections of a code, a regulation's title in quotes, an institute is no law.
    ("sections 351 to 353 of the Criminal Code make it illegal",
     [("Criminal Code", "Sections 351-353", None, "Ukraine")]),
    ('a new local regulation entitled "Patent Promotion Regulation"; the Intellectual Property Law Research Center',
     [("Patent Promotion Regulation", None, None, "Ukraine")]),
    ('a collection of papers ("In the Public Interest The Future of Canadian Copyright Law" available at)', []),
    # Shapes of other legal systems: regulations named before "on", an amending act, a numbered act, a decree's
    # year after "of", a numbered circular (not the State Department's `Circular 175`), Spanish and Portuguese
    # titles, the IPR Code.
    ("the Customs Regulations on IPR Protection took effect",
     [("Customs Regulations on IPR Protection", None, None, "Ukraine")]),
    ("the Copyright (Amendment) Act 2006 and Act No. 4 of 2000",
     [("Copyright (Amendment) Act", None, 2006, "Ukraine"), ("Act No. 4 of 2000", None, 2000, "Ukraine")]),
    ("Decree 2591 of 2000 and Joint Circular No. 12/2005 apply; Circular 175 authority was granted.",
     [("Decree 2591", None, 2000, "Ukraine"), ("Joint Circular No. 12/2005", None, 2005, "Ukraine")]),
    ("the Ley Federal del Derecho de Autor and Lei 9.610/98 protect authors",
     [("Ley Federal del Derecho de Autor", None, None, "Ukraine"), ("Lei 9.610/98", None, None, "Ukraine")]),
    ("Lei Longtong, the factory's owner, said so", []),  # a person's name (07GUANGZHOU376)
    ("fines under the IPR Code rose", [("IPR Code", None, None, "Ukraine")]),
])
def test_laws_in_prose(text: str, laws: list[tuple]) -> None:
    from generator.briefing.laws import extract_laws

    found = [(law.name, law.article, law.year, law.jurisdiction) for law in extract_laws(cable_of(text), "Ukraine")]
    assert found == laws


def test_treaty_years_and_since_carry_over_a_conjunction() -> None:
    from generator.briefing.treaties import extract_treaties

    text = "Ukraine acceded to the WIPO Copyright Treaty and the WIPO Performances and Phonograms Treaty in 2002."
    found = [(t.name, t.status, t.since, t.year) for t in extract_treaties(cable_of(text), "Ukraine")]
    assert found == [("WIPO Copyright Treaty", "acceded", 2002, 1996),
                     ("WIPO Performances and Phonograms Treaty", "acceded", 2002, 1996)]


def test_uncatalogued_agreements_are_kept_as_written() -> None:
    from generator.briefing.treaties import extract_treaties

    text = "Jordan is a party to the U.S.-Jordan Free Trade Agreement and the Convention on Biological Diversity."
    found = [(t.name, t.body) for t in extract_treaties(cable_of(text), "Jordan")]
    assert found == [("U.S.-Jordan Free Trade Agreement", None), ("Convention on Biological Diversity", None)]


@pytest.mark.parametrize("marker", ["- ", "--", ""])
def test_a_list_intro_gives_its_status_to_the_items(marker: str) -> None:
    from generator.briefing.treaties import extract_treaties

    text = (f"For reference, Kazakhstan is a party to the following international agreements:\n{marker}1994 Treaty on "
            f"Trademark Laws;\n{marker}1968 Locarno Agreement on Establishment of International Classification of "
            f"Industrial Models;\nKazakhstan ratified the WIPO Treaties on Copyrights and Performances and Phonograms "
            f"in 2004.")
    found = [(t.name, t.status, t.year, t.since) for t in extract_treaties(cable_of(text), "Kazakhstan")]
    assert found == [("Trademark Law Treaty", "party", 1994, None), ("Locarno Agreement", "party", 1968, None),
                     ("WIPO Copyright Treaty", "ratified", 1996, 2004),
                     ("WIPO Performances and Phonograms Treaty", "ratified", 1996, 2004)]


@pytest.mark.parametrize(("text", "names"), [
    ("Vietnam meets the U.S.-Vietnam BTA; THE WTO AND PASSAGE OF THE BTA.", ["U.S.-Vietnam BTA"]),
    ("the U.S.-Korea Free Trade Agreement (KORUS FTA) and the U.S.-Colombia TPA",
     ["U.S.-Korea Free Trade Agreement", "U.S.-Colombia TPA"]),
    ("the WTO Agreement on Trade-Related Aspects of Intellectual Property", ["TRIPS Agreement"]),
])
def test_bilateral_acronyms_and_short_names_in_brackets(text: str, names: list[str]) -> None:
    from generator.briefing.treaties import extract_treaties

    assert [t.name for t in extract_treaties(cable_of(text), "Vietnam")] == names


def test_an_agreement_keeps_its_partner_and_an_office_is_no_treaty() -> None:
    from generator.briefing.treaties import extract_treaties

    text = ("The EP must approve the Free Trade Agreement with South Korea. We met the Department of Treaty and Law "
            "Director.")
    assert [t.name for t in extract_treaties(cable_of(text), "Spain")] == ["Free Trade Agreement with South Korea"]


@pytest.mark.parametrize(("text", "values"), [
    ("Ref: (D) 06 ANKARA 6611, (E) 06 ANKARA 5335, (F) 06 ISTANBUL 1449", []),
    ('plans to encourage his involvement during the "Speial 301" process this year.', []),
    ("reviewing all applications submitted prior to 01.01.05 for approval.", []),
    ("Two Fortune 500 high-tech companies reported problems.", []),
    ("Spain ranked 12 of the top 20 markets in Europe.", []),
    ("Contact the IPR attache at +90 312 455 5555 or 212-555-1234.", []),
    ('the MOC launched a campaign known as the "3 Monkeys."', []),
    ("it is marketed for just 30 kurus less, about 18 U.S. cents.", []),
    ("this 80-20 split between mobile and internet music.", []),
    ("We offer the following statistics for 2007 police activity.", []),
    ("the PP wants a 100 percent judicial process.", []),
    ("Of the three referred cases, two cases involved U.S. rights holders.", [2.0]),
    ("Twenty-five suspects were arrested.", [25.0]),
    ("Confiscated Goods 6.5million items", [6_500_000.0]),
    ("Trademark 3 - 7 months 2 years Patent 3 - 10 months 2 years", []),
    ("Books 235,000 575,000 were seized.", [235_000.0, 575_000.0]),
])
def test_what_is_not_a_figure(text: str, values: list[float]) -> None:
    from generator.briefing.statistics import extract_statistics

    assert [s.value for s in extract_statistics(cable_of(text))] == values


def test_table_cells_take_their_row_name() -> None:
    from generator.briefing.statistics import extract_statistics

    text = ("SEIZED MATERIALS Unreg. DVDs 59,346 316,954 401,611 Unreg. Video Cass. 675 128 1,512 Inlays 8.2 million "
            "24.2 million")
    found = [(s.value, s.label) for s in extract_statistics(cable_of(text))]
    assert found == [(59346, "DVDs"), (316954, "DVDs"), (401611, "DVDs"), (675, "Video Cass"), (128, "Video Cass"),
                     (1512, "Video Cass"), (8_200_000, "Inlays"), (24_200_000, "Inlays")]


@pytest.mark.parametrize(("text", "values"), [
    ("offices with more than 500 cases per annum must establish a special IPR bureau.", []),
    ("courts adjudicated 15 cases in which damages were higher than RMB 10 million (USD 1.5 million).", [15.0]),
    ("the piracy rate is 46%, but he believes it can be brought down to 36% fairly quickly.", [46.0]),
    ("Approximately 100 officials attended, including 60 prosecutors and judges.", []),
    ("One seminar was attended by 17 U.S. companies.", []),
    ("In 2008 police conducted 245 raids.", [245.0]),
])
def test_bounds_forecasts_and_attendance_are_not_figures(text: str, values: list[float]) -> None:
    from generator.briefing.statistics import extract_statistics

    assert [s.value for s in extract_statistics(cable_of(text))] == values


def test_a_label_runs_past_u_s() -> None:
    from generator.briefing.statistics import extract_statistics

    text = "Among criminal trademark cases, 47 cases involved U.S. trademarks, including those of Nike."
    assert [s.label for s in extract_statistics(cable_of(text))] == ["cases involved U.S. trademarks"]


@pytest.mark.parametrize(("label", "unit", "currency", "metric"), [
    ("Seized Materials", "items", None, "items seized"),
    ("counterfeit items confiscated", "items", None, "items seized"),
    ("seizures in 2005", None, "CNY", "value of goods seized"),
    ("Fines", None, "KZT", "fines"),
    ("fines", None, None, None),  # a count of fines is not an amount of money
    ("software piracy in Egypt", "%", None, "software piracy rate"),
    ("steadily decreasing business software piracy rates in the Egyptian market", "%", None, "software piracy rate"),
    ("piracy levels for music", "%", None, "piracy rate"),
    ("growth rate in arrests", "%", None, None),
    ("people convicted", "people", None, "people convicted"),
    ("criminal convictions", "convictions", None, "convictions"),
    ("criminal cases initiated", "cases", None, "criminal cases"),
    ("foreign-related civil IPR cases", "cases", None, None),  # a subset, not the whole count
    ("annual trademark applications", None, None, "trademark applications"),
    ("judges", "judges", None, None),
])
def test_metric_of(label: str, unit: str | None, currency: str | None, metric: str | None) -> None:
    assert metric_of(Statistic(label, 1.0, unit, currency, None, 1, label)) == metric


def test_metric_rules_load_from_text_and_refuse_a_bad_kind() -> None:
    rules = load_rules("metrics:\n  - {metric: raids, kind: count, pattern: '\\braids?\\b'}\n")
    assert metric_of(Statistic("police raids", 5, "raids", None, None, 1, "x"), rules) == "raids"
    with pytest.raises(ValueError, match="rule 1"):
        load_rules("metrics:\n  - {metric: raids, kind: counts, pattern: raid}\n")


@pytest.mark.parametrize(("text", "values"), [
    ("However, 10 to 15 percent of patients cannot take it.", [(10.0, 15.0, True)]),
    ("between 10 and 20 percent of discs", [(10.0, 20.0, True)]),
    ("rose from 10 to 15 percent", [(10.0, None, False), (15.0, None, True)]),  # a change, not a range
    ("from 69% in 2003 to 60%", [(69.0, None, True), (2003.0, None, False), (60.0, None, True)]),  # a year
    ("attracted more than a quarter of a million users", [(250000.0, None, False)]),
    ("half a million discs", [(500000.0, None, False)]),
])
def test_ranges_and_fractions_of_a_scale(text: str, values: list[tuple[float, float | None, bool]]) -> None:
    assert [(n.value, n.high, n.percent) for n in find_numbers(text)] == values


def test_a_hyphenated_currency() -> None:
    (number,) = find_numbers("a 1,500-euro fine")
    assert (number.value, number.currency) == (1500.0, "EUR")


@pytest.mark.parametrize(("text", "values"), [
    ("Redrafting Articles 1, 2, 5, 9, and 10 of Decree No. 3,201.", []),
    ("The 2002 Executive Decree #30, 151-J, mandated licensed software.", []),
    ("The party will challenge Hadopi 2 in front of the Council. By then, Hadopi 1 and 2 will work.", []),
    ("GOOD PRACTICES MANUAL 13 (U) Another initiative was launched.", []),
    ("The site has been visited over 21,000,000 times.", [21000000.0]),
    ("Yiwu handled 911 trademark infringement cases worth RMB 18 million (USD 2.6 million).", [911.0, 18000000.0]),
    ("Closed Web Pages 14 Closed recording towers 20", [14.0, 20.0]),
    ("Several court challenges of 9-2003 failed.", []),
    ("Gilead will appeal in the next 45 to 55 days.", []),
    ("REF: A) Brasilia 599", []),
    ("Brazil will attend the June 21 to 22 conference.", []),
    ("Due to the early retirement age of 55, judges retire soon.", []),
    ("The event was attended by representatives from approximately fifteen countries.", []),
    ("The Greens won 10.9% and two seats.", [10.9, 2.0]),
])
def test_identifiers_and_names_are_not_figures(text: str, values: list[float]) -> None:
    assert [stat.value for stat in extract_statistics(cable_of(text))] == values


def test_a_free_trade_agreement_written_fta_is_kept_as_written() -> None:
    from generator.briefing.treaties import extract_treaties

    names = [t.name for t in extract_treaties(cable_of("ejected from the Andean FTA discussions; the FTA was signed. "
                                                       "Google Books and its Revised Settlement Agreement."),
                                              "Guatemala")]
    assert names == ["Andean FTA"]  # a settlement between parties is not a treaty


def test_agreements_named_by_partner_or_acronym_and_whose_is_not_which() -> None:
    from generator.briefing.treaties import extract_treaties

    text = ("Agreements like the U.S. agreement with Chile will help; the Argentinian MAC accord; "
            "The EU's FTA would require changes in 33 laws.")
    assert [t.name for t in extract_treaties(cable_of(text), "Brazil")] == ["US–Chile agreement", "MAC accord"]


def test_a_canadian_bill_is_named_by_its_number_alone_only_in_canada() -> None:
    from generator.briefing.laws import extract_laws

    text = "the text of C-60 as drafted; its section 40.2(2) of C-60."
    assert [law.name for law in extract_laws(cable_of(text), "Canada")] == ["Bill C-60"]
    assert extract_laws(cable_of("a C-130 landed"), "Ukraine") == ()


def test_a_post_that_finds_a_change_premature_keeps_the_list() -> None:
    from generator.briefing.recommendation import extract_recommendation

    text = ("AIT believes it is premature to reconsider the recent decision to place Taiwan on the Special 301 Watch "
            "List.")
    rec = extract_recommendation(cable_of(text))
    assert rec is not None and rec.special_301 is not None
    assert (rec.special_301.current, rec.special_301.recommended) == ("Watch List", "Watch List")


@pytest.mark.parametrize(("text", "values"), [
    ("Several long-standing 301 issues have received little support.", []),
    ("in compliance with the ILO Convention 169, about CAFTA", []),
    ("Ukraine places among the 10 countries with the highest rates of software piracy.", []),
    ("nearly two million tourists visited Costa Rica each year", [2_000_000.0]),
    ("among the 2009 cases handled so far, 67 related to U.S. rights holders", [67.0]),
    ("Vice Director of Shanghai Number 2 Intermediate Court", []),
])
def test_figures_of_the_ninth_set(text: str, values: list[float]) -> None:
    from generator.briefing.statistics import extract_statistics

    assert [s.value for s in extract_statistics(cable_of(text))] == values


def test_the_wipo_treaties_are_the_internet_pair_but_most_wipo_treaties_are_not() -> None:
    from generator.briefing.treaties import extract_treaties

    found = [t.name for t in extract_treaties(cable_of("to bring Canada into compliance with the WIPO treaties."),
                                              "Canada")]
    assert found == ["WIPO Copyright Treaty", "WIPO Performances and Phonograms Treaty"]
    assert extract_treaties(cable_of("Canada has joined most WIPO treaties."), "Canada") == ()


@pytest.mark.parametrize(("text", "label"), [
    # a long label is cut at the first phrase after its head, not in the middle of a phrase
    ("There are 505 convictions of crimes under the IP section of the criminal law this year.",
     "convictions of crimes"),
    ("About 80% of pirated material on the Kazakhstani market originates in Russia or Ukraine.",
     "pirated material on the Kazakhstani market originates"),
    # a possessive does not open a label, and ten words stay whole
    ("He believed his market share to be about 50% and increasing.", "market share"),
    ("Police opened 35 criminal cases under Article 184 of the Criminal Code in 2004.",
     "criminal cases under Article 184 of the Criminal Code"),
])
def test_statistic_labels_are_whole_phrases(text: str, label: str) -> None:
    assert [stat.label for stat in extract_statistics(cable_of(text))] == [label]
