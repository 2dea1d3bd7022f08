"""Every event type: own-written positive sentences, negatives, and the hard
cases (conjoined verbs, passives, appositions, pronoun speakers, embedded acts).

Sentences are written for these tests; none is taken from a benchmark.
"""

from __future__ import annotations

import pytest

import diplograph as dg
from conftest import triples

POSITIVE = [
    # (type, text, expected (source key, type, target key) triples that must be found)
    ("ACCUSE", "Canada accused Iran of supplying drones to Russia.", {("CAN", "ACCUSE", "IRN")}),
    ("ACCUSE", "Ottawa blamed Tehran for the attack on its embassy.", {("CAN", "ACCUSE", "IRN")}),
    ("CRITICIZE", "France condemned the missile launch by North Korea.",
     {("FRA", "CRITICIZE", "PRK")}),
    ("CRITICIZE", "The Indian government strongly criticised Pakistan on Tuesday.",
     {("IND", "CRITICIZE", "PAK")}),
    ("PROTEST", "Japan lodged a formal protest with Russia over the patrol flights.",
     {("JPN", "PROTEST", "RUS")}),
    ("PROTEST", "Poland summoned the Belarusian ambassador on Friday.",
     {("POL", "PROTEST", "BLR")}),
    ("DENY", "Russia denied the British accusations of interference.",
     {("RUS", "DENY", "GBR")}),
    ("DEMAND", "Brazil urged Venezuela to release the detained observers.",
     {("BRA", "DEMAND", "VEN")}),
    ("DEMAND", "The European Union called on Serbia to respect the agreement.",
     {("european union", "DEMAND", "SRB")}),
    ("REJECT", "Turkey rejected a Greek proposal for talks on the islands.",
     {("TUR", "REJECT", "GRC")}),
    ("THREATEN", "China threatened to impose tariffs on Australia unless it dropped the inquiry.",
     {("CHN", "THREATEN", "AUS")}),
    ("SANCTION", "The United States imposed sanctions on Cuba on Monday.",
     {("USA", "SANCTION", "CUB")}),
    ("SANCTION", "Norway expelled two Russian diplomats.", {("NOR", "SANCTION", "RUS")}),
    ("CHARGE", "US prosecutors charged Ivan Petrov with money laundering.",
     {("USA", "CHARGE", "ivan petrov")}),
    ("ARREST", "Egyptian police arrested Karim Saleh in Cairo.",
     {("EGY", "ARREST", "karim saleh")}),
    ("SUPPORT", "Germany welcomed the ceasefire agreed by Armenia.",
     {("DEU", "SUPPORT", "ARM")}),
    ("SUPPORT", "Chile praised Argentina for its handling of the crisis.",
     {("CHL", "SUPPORT", "ARG")}),
    ("AGREE", "Vietnam and the Philippines agreed to hold joint patrols.",
     {("VNM", "AGREE", "PHL"), ("PHL", "AGREE", "VNM")}),
    ("CONSULT", "The Kenyan president met Ethiopia's prime minister in Nairobi.",
     {("KEN", "CONSULT", "ETH")}),
    ("COOPERATE", "Spain extradited the suspect to Mexico on Thursday.",
     {("ESP", "COOPERATE", "MEX")}),
]

NEGATIVE = [
    ("calling in experts", "The ministry called in outside experts to review the accounts."),
    ("a danger named, not a threat made", "The report said the new dams threaten the region's "
     "security."),
    ("closing something other than a mission", "Kyiv said it was closing part of its old "
     "reactor programme."),
    ("negated subject", "The two sides agreed that neither government would support attacks "
     "on Hungary."),
    ("a journalist asking", "Asked whether Germany would expel Russian diplomats, the "
     "spokesman declined to comment."),
    ("negated", "China did not accuse Japan of anything on Monday."),
    ("negated", "Brazil has never sanctioned Argentina."),
    ("hypothetical", "Some analysts said Australia could impose sanctions on Myanmar."),
    ("question", "Will Germany summon the Russian ambassador?"),
    ("whether", "A spokesman declined to say whether Berlin would expel any diplomats."),
    ("background", "Relations between Chile and Peru have long been shaped by a border dispute."),
]


@pytest.mark.parametrize("etype,text,expected", POSITIVE, ids=[p[0] + "-" + p[1][:24] for p in POSITIVE])
def test_each_type_is_found(etype, text, expected):
    found = triples(dg.extract_text(text))
    assert expected <= found, f"{text!r}: got {sorted(map(str, found))}"


@pytest.mark.parametrize("kind,text", NEGATIVE, ids=[n[0] for n in NEGATIVE])
def test_non_acts_give_no_events(kind, text):
    assert dg.extract_text(text) == []


def test_conjoined_verbs_share_their_subject():
    evs = dg.extract_text("Beijing said it opposed the visit and urged Washington to cancel it.")
    assert ("CHN", "DEMAND", "USA") in triples(evs)


def test_passive_charge_names_each_person_in_an_apposition():
    text = ("Federal prosecutors in New York charged two Iranian nationals, Reza Karimi and "
            "Amir Nouri, with evading sanctions, the Justice Department said.")
    found = triples(dg.extract_text(text))
    assert {("USA", "CHARGE", "reza karimi"), ("USA", "CHARGE", "amir nouri")} <= found
    assert not any(t == "CHARGE" and tgt and "nationals" in tgt for _, t, tgt in found)


def test_passive_with_agent():
    found = triples(dg.extract_text("Kenya was criticised by the African Union for the delay."))
    assert ("african union", "CRITICIZE", "KEN") in found


def test_spokesperson_speaks_for_her_ministry_and_pronouns_follow():
    text = ("Indonesia's foreign ministry spokeswoman Retno Wulandari said Malaysia had violated "
            "the border agreement.\n\nShe urged Kuala Lumpur to withdraw its patrol boats.")
    evs = dg.extract_text(text)
    demands = [e for e in evs if e.type == "DEMAND"]
    assert demands, [(e.type, e.source.label) for e in evs]
    assert demands[0].source.kind == "GovernmentBody" and demands[0].source.country == "IDN"
    assert demands[0].speaker is not None and demands[0].speaker.label == "Retno Wulandari"
    assert demands[0].target is not None and demands[0].target.country == "MYS"


def test_embedded_act_gets_its_own_source():
    evs = dg.extract_text("Cuba said the United States had falsely accused it of spying.")
    found = triples(evs)
    assert ("USA", "ACCUSE", "CUB") in found
    assert ("CUB", "DENY", "USA") in found


def test_capital_and_seat_of_government_stand_for_the_state():
    found = triples(dg.extract_text("The Kremlin warned Helsinki against joining the alliance."))
    assert ("RUS", "THREATEN", "FIN") in found


def test_events_carry_codes_sentence_and_offsets():
    text = "Intro line here.\n\nSweden condemned the attack by Iranian forces."
    [ev] = [e for e in dg.extract_text(text) if e.type == "CRITICIZE"]
    assert ev.cameo == "111" and ev.plover == "ACCUSE" and ev.mode == "disapprove"
    assert text[ev.start : ev.end] == ev.sentence == "Sweden condemned the attack by Iranian forces."
    assert 0 < ev.confidence <= 1


def test_headline_events_are_not_double_counted():
    from diplograph.extract import extract_article
    from diplograph.model import Article

    headline = "Peru condemns Bolivia"
    body = "Peru condemned Bolivia on Sunday over the closure of the border."
    art = Article(id="h", text=f"{headline}\n\n{body}", headline=headline, headline_in_text=True)
    evs = extract_article(art)
    assert [e.type for e in evs].count("CRITICIZE") == 1
    assert evs[0].sentence == body


MORE = [
    ("joint act", "Kenya and Uganda signed a trade pact on Monday. The two sides also agreed to "
     "build a new railway.", {("KEN", "AGREE", "UGA"), ("UGA", "AGREE", "KEN")}),
    ("for-to demand", "The United States called for Russia to withdraw its troops.",
     {("USA", "DEMAND", "RUS")}),
    ("joint talks", "Armenia and Azerbaijan held talks in Geneva on Monday.",
     {("ARM", "CONSULT", "AZE"), ("AZE", "CONSULT", "ARM")}),
    ("conditional threat", "Iran threatened to close the strait unless Washington lifted the "
     "embargo.", {("IRN", "THREATEN", "USA")}),
    ("held responsible", "Ankara held Athens responsible for the incident.",
     {("TUR", "ACCUSE", "GRC")}),
    ("judgement", "The Cuban foreign minister said the blockade imposed by the United States "
     "was illegal.", {("CUB", "ACCUSE", "USA")}),
    ("negated acceptance", "Morocco said it would not accept the Algerian proposal.",
     {("MAR", "REJECT", "DZA")}),
    ("reported smear", "Vietnam's foreign ministry spokeswoman said China had slandered "
     "Vietnam.", {("CHN", "ACCUSE", "VNM"), ("VNM", "ACCUSE", "CHN")}),
    ("joint drills, coordinated demonyms", "Egyptian and Greek frigates started joint air and "
     "sea manoeuvres off Crete.", {("EGY", "COOPERATE", "GRC"), ("GRC", "COOPERATE", "EGY")}),
    ("joint act, 'militaries of'", "The armies of Peru and Chile agreed to share radar data.",
     {("PER", "AGREE", "CHL"), ("CHL", "AGREE", "PER")}),
    ("joint act with a place", "Norway and Iceland held talks in Reykjavik.",
     {("NOR", "CONSULT", "ISL"), ("ISL", "CONSULT", "NOR")}),
    ("called it a fabrication", "Indonesia indicted the Malaysian captain Ahmad Zaki. Kuala "
     "Lumpur called the charges a fabrication.", {("MYS", "DENY", "IDN")}),
    ("called it fabricated", "Indonesia indicted the Malaysian captain Ahmad Zaki. Kuala "
     "Lumpur called the charges fabricated.", {("MYS", "DENY", "IDN")}),
    ("quote over two sentences", "\"Canada has slandered Saudi Arabia. We will not accept "
     "interference,\" a Saudi foreign ministry spokesman told reporters.",
     {("CAN", "ACCUSE", "SAU"), ("SAU", "ACCUSE", "CAN")}),
    ("names listed after the group", "Prosecutors in Oslo charged four Russian sailors, Ivan "
     "Petrenko, Oleg Sidorov, Pavel Kuznets and Dmitri Orlov, with smuggling.",
     {("NOR", "CHARGE", "ivan petrenko"), ("NOR", "CHARGE", "oleg sidorov"),
      ("NOR", "CHARGE", "pavel kuznets"), ("NOR", "CHARGE", "dmitri orlov")}),
    ("names after a colon", "Two diplomats were expelled from Vienna, the Austrian foreign "
     "ministry said: Anton Weber and Lukas Brandt.",
     {("AUT", "SANCTION", "anton weber"), ("AUT", "SANCTION", "lukas brandt")}),
    ("condemned a detention where it happened", "Sweden condemned the detention of two "
     "aid workers in Minsk.", {("SWE", "CRITICIZE", "BLR")}),
    ("protested a jailing reported before", "Laotian police detained Somchai Vong. Thailand "
     "protested the jailing of Somchai Vong.", {("THA", "PROTEST", "LAO")}),
    ("rejected the protest reported before", "Hungary lodged a protest with Romania over the "
     "border fence. Bucharest rejected the protest.", {("ROU", "REJECT", "HUN")}),
    ("rejected the resolution reported before", "The Security Council imposed an arms embargo "
     "on Eritrea. Asmara said it rejected the resolution.",
     {("ERI", "REJECT", "un security council")}),
    ("extradited to a state, charged there", "Serbia extradited the Bosnian banker Emir Hadzic "
     "to Austria, where prosecutors charged him with money laundering.",
     {("SRB", "COOPERATE", "AUT"), ("AUT", "CHARGE", "emir hadzic")}),
    ("'the four, A, B, C and D'", "Danish prosecutors charged four men with spying. The four, "
     "Lars Holm, Erik Dahl, Jens Lund and Ole Berg, are accused of passing secrets to Moscow.",
     {("DNK", "CHARGE", "lars holm"), ("DNK", "CHARGE", "erik dahl"),
      ("DNK", "CHARGE", "jens lund"), ("DNK", "CHARGE", "ole berg")}),
    ("the list also includes", "Beijing imposed sanctions on the US congressman Ed Parker. "
     "The list also includes Senators Ann Gray and Bill Stone.",
     {("CHN", "SANCTION", "ed parker"), ("CHN", "SANCTION", "ann gray"),
      ("CHN", "SANCTION", "bill stone")}),
    ("among them are", "Greek prosecutors charged nine Libyan nationals. Among them are Omar "
     "Saleh and Khaled Mansour.", {("GRC", "CHARGE", "omar saleh"),
                                   ("GRC", "CHARGE", "khaled mansour")}),
    ("a list the parser broke", "The EU froze the assets of Vlad Sorin, deputy minister Petru "
     "Lungu, army chief Ion Rusu and four other officials.",
     {("european union", "SANCTION", "vlad sorin"), ("european union", "SANCTION", "petru lungu"),
      ("european union", "SANCTION", "ion rusu")}),
    ("a person with a description", "Belarusian police detained Tom Reed, a former British "
     "soldier who lives in Vilnius.", {("BLR", "ARREST", "tom reed")}),
    ("warned about the drills reported before", "French and Indian jets began joint air "
     "exercises. Pakistan warned that the drills could trigger a response.",
     {("PAK", "THREATEN", "FRA"), ("PAK", "THREATEN", "IND")}),
    ("sought the extradition of a detainee", "Georgia arrested Levan Beridze. Armenia has "
     "sought his extradition.", {("ARM", "DEMAND", "GEO")}),
    ("sanction nouns in a list", "Canada imposed travel bans and asset freezes on twelve "
     "Venezuelan officials.", {("CAN", "SANCTION", "VEN")}),
    ("a price to pay", "Ankara said Athens would pay a heavy price for the incident.",
     {("TUR", "THREATEN", "GRC")}),
    ("will not go unpunished", "Tehran said the Saudi attack on its consulate will not go "
     "unpunished.", {("IRN", "THREATEN", "SAU")}),
    ("met with a response", "Seoul said any North Korean provocation would be met with a "
     "resolute response.", {("KOR", "THREATEN", "PRK")}),
    ("a military chief in apposition", "Egypt's army chief, General Hassan Fahmy, said Ethiopia "
     "would face consequences.", {("EGY", "THREATEN", "ETH")}),
    ("at the request of", "Thai police detained Nguyen Van Long at the request of Vietnam.",
     {("VNM", "DEMAND", "THA"), ("THA", "ARREST", "nguyen van long")}),
    ("at someone's request", "Austria extradited Petar Ilic at Belgrade's request.",
     {("SRB", "DEMAND", "AUT")}),
    ("held responsible, a long object", "Doha held the Israeli occupation authorities "
     "responsible for the raid.", {("QAT", "ACCUSE", "ISR")}),
    ("neither accept nor recognise", "Caracas said it would neither accept nor recognise the "
     "ruling of the court.", {("VEN", "REJECT", None)}),
    ("'the North', 'the South'", "South Korea protested to North Korea. The North then cut "
     "the military hotline with the South.", {("PRK", "SANCTION", "KOR")}),
    ("'called ... for' with words between", "Canada called last week for an independent "
     "inquiry into the crash.", {("CAN", "DEMAND", None)}),
    ("vowed revenge for", "Hanoi vowed revenge for the Cambodian raid.",
     {("VNM", "THREATEN", "KHM")}),
    ("a telephone call", "Foreign Minister Penny Wong told her Indonesian counterpart in a "
     "telephone call that Canberra backed the plan.", {("AUS", "CONSULT", "IDN")}),
    ("'them' after a plural thing", "Ankara said it had mapped 30 Syrian radar posts and would "
     "strike them at once.", {("TUR", "THREATEN", "SYR")}),
    ("called 'it' what the speaker just condemned", "Lima condemned the Bolivian raid and called "
     "it a reckless provocation.", {("PER", "CRITICIZE", "BOL")}),
    ("withdrew what it had granted", "Egypt withdrew the trade privileges it had granted to "
     "Sudan.", {("EGY", "SANCTION", "SDN")}),
    ("a surname the tagger missed", "President Emmanuel Macron met the cabinet on Monday. Macron "
     "said Paris condemned the Iranian strike.", {("FRA", "CRITICIZE", "IRN")}),
    ("ordered to close its consulate", "Ottawa ordered India to close its consulate in "
     "Vancouver.", {("CAN", "SANCTION", "IND")}),
    ("expelled diplomats named before", "Ten countries expelled Iranian diplomats. Spain and "
     "Italy expelled two diplomats each.", {("ESP", "SANCTION", "IRN"), ("ITA", "SANCTION", "IRN")}),
    ("agreed to bar", "EU ministers agreed to bar Syrian airlines from European airports.",
     {("european union", "SANCTION", "SYR")}),
    ("a warning after a demand", "Spokesman Lin Jian urged Tokyo to drop the plan, warning "
     "that Beijing would respond firmly.", {("CHN", "THREATEN", "JPN")}),
    ("titles before two leaders", "Presidents Lula da Silva and Cyril Ramaphosa agreed to expand "
     "trade.", {("BRA", "AGREE", "ZAF"), ("ZAF", "AGREE", "BRA")}),
    ("dismissed as fabricated the charges", "Ukraine indicted three Belarusian pilots. Minsk "
     "dismissed as fabricated the Ukrainian charges.", {("BLR", "DENY", "UKR")}),
    ("put the blame on", "Baku put the blame squarely on Yerevan.", {("AZE", "ACCUSE", "ARM")}),
    ("told X to stop", "Hanoi told Beijing to stop the drilling at once.",
     {("VNM", "DEMAND", "CHN")}),
    ("the persons listed are", "The Council imposed restrictive measures on three individuals. "
     "The persons listed are Ivan Dorn, Pavel Grek and Oleg Mir. All are barred from the EU.",
     {("council of the european union", "SANCTION", "ivan dorn"),
      ("council of the european union", "SANCTION", "oleg mir")}),
    ("they include", "Moscow announced measures against nine Britons. They include the "
     "journalist Anna Hale and the scholar Tom Price.",
     {("RUS", "SANCTION", "anna hale"), ("RUS", "SANCTION", "tom price")}),
    ("states the parser took for an apposition", "Saudi Arabia, the United Arab Emirates, "
     "Bahrain and Egypt cut ties with Qatar, accusing it of backing militants.",
     {("SAU", "SANCTION", "QAT"), ("EGY", "SANCTION", "QAT"), ("BHR", "ACCUSE", "QAT")}),
    ("voiced solidarity", "Chile and Peru voiced their solidarity with Ecuador.",
     {("CHL", "SUPPORT", "ECU"), ("PER", "SUPPORT", "ECU")}),
    ("stand by", "Canberra will always stand by Wellington.", {("AUS", "SUPPORT", "NZL")}),
    ("a head of state known by name", "Nicolas Maduro accused Bogota of plotting a coup.",
     {("VEN", "ACCUSE", "COL")}),
    ("bore responsibility", "Prime Minister Mark Carney said that Narendra Modi bore "
     "responsibility for the attack.", {("CAN", "ACCUSE", "IND")}),
    ("must be held accountable", "Canberra said Beijing must be held accountable for the "
     "outbreak.", {("AUS", "ACCUSE", "CHN")}),
    ("called such statements unacceptable", "Warsaw accused Minsk of staging the crisis. The "
     "Belarusian foreign ministry called such statements absolutely unacceptable.",
     {("BLR", "CRITICIZE", "POL")}),
    ("accusations against a third party", "Paris accused Moscow of arming Minsk. Moscow "
     "rejected the accusations against Minsk as unfounded.", {("RUS", "DENY", "FRA")}),
    ("the government of a named leader", "Ottawa blamed the government of Nicolas Maduro for "
     "the crisis.", {("CAN", "ACCUSE", "VEN")}),
    ("consequences for relations with", "Athens warned of serious consequences for relations "
     "with Ankara.", {("GRC", "THREATEN", "TUR")}),
    ("in Moscow, the foreign ministry", "In Moscow, the foreign ministry condemned the Estonian "
     "decision.", {("RUS", "CRITICIZE", "EST")}),
    ("urged all parties, and X in particular", "Beijing urged all parties, and Israel in "
     "particular, to show restraint.", {("CHN", "DEMAND", "ISR")}),
    ("live with the consequences", "\"Riga has crossed a line. It will have to live with every "
     "consequence of that choice,\" the Russian foreign ministry said.", {("RUS", "THREATEN", "LVA")}),
    ("would file a complaint", "Seoul said it would file a complaint with the WTO against Tokyo.",
     {("KOR", "THREATEN", "JPN")}),
    ("tightened controls on exports to", "Beijing tightened controls on exports to Japan of rare "
     "earths.", {("CHN", "SANCTION", "JPN")}),
    ("raise concerns over", "Canberra raised its deep concerns over Chinese actions in the "
     "strait.", {("AUS", "CRITICIZE", "CHN")}),
    ("the Russian state had never", "Putin told reporters that the Russian state had never "
     "interfered in French affairs.", {("RUS", "DENY", None)}),
    ("a charge accusing him", "Bern said Swiss prosecutors had unsealed a charge accusing "
     "Marco Keller of spying for Beijing.", {("CHE", "CHARGE", "marco keller")}),
    ("under a request from", "Dutch police arrested Ivan Sokol in Rotterdam under an "
     "extradition request from Ukraine.", {("UKR", "DEMAND", "NLD")}),
    ("the group named later", "Four Iranian nationals were charged in Washington with "
     "smuggling, the Justice Department said. The Iranian defendants, Reza Amini, Ali Karimi, "
     "Hamid Nouri and Saeed Rahimi, remain at large.",
     {("USA", "CHARGE", "reza amini"), ("USA", "CHARGE", "saeed rahimi")}),
    ("a named militant group", "The Security Council condemned the Houthi attacks on "
     "shipping and demanded that the Yemeni group halt them.",
     {("un security council", "CRITICIZE", "houthis"), ("un security council", "DEMAND",
                                                         "houthis")}),
    ("a group's spokesman", "Israel imposed new curbs on Gaza. Abu Obeida, the Hamas "
     "spokesman, condemned Israel.", {("hamas", "CRITICIZE", "ISR")}),
    ("a hacking group by its tracking name", "Washington accused APT40 of breaching "
     "Australian networks.", {("USA", "ACCUSE", "apt40")}),
    ("in a phone call, X urged", "In a phone call on Monday, Foreign Minister Penny Wong urged "
     "her Japanese counterpart to act.", {("AUS", "CONSULT", "JPN"), ("AUS", "DEMAND", "JPN")}),
    ("signed after talks", "Vietnam and Laos signed a border pact after talks in Hanoi.",
     {("VNM", "CONSULT", "LAO"), ("LAO", "CONSULT", "VNM")}),
    ("persona non grata", "Warsaw declared the Belarusian consul Igor Petrov persona non "
     "grata.", {("POL", "SANCTION", "igor petrov")}),
    ("banned apps including named ones", "Jakarta banned 20 Chinese apps, including TikTok and "
     "WeChat.", {("IDN", "SANCTION", "tiktok"), ("IDN", "SANCTION", "wechat")}),
    ("summoned an envoy named in apposition", "Moscow summoned Estonia's charge d'affaires, "
     "Maria Tamm, on Monday.", {("RUS", "PROTEST", "EST")}),
    ("summoned an ambassador the parser left loose", "Seoul summoned Japanese Ambassador "
     "Koichi Aiboshi.", {("KOR", "PROTEST", "JPN")}),
    ("a transcript turn", "Q: Ankara has expelled two Greek diplomats. What is your response? "
     "Greek foreign ministry spokesman Petros Kallis: We condemn this decision.",
     {("GRC", "CRITICIZE", "TUR")}),
    ("an official of an international body", "European Council President Charles Michel "
     "called on Minsk to free the protesters.", {("european council", "DEMAND", "BLR")}),
    ("defied a deadline", "Mali's junta defied an ECOWAS deadline to hold elections, warning "
     "that any aggression would meet a firm response.", {("MLI", "REJECT", "ecowas"),
                                                         ("MLI", "THREATEN", "ecowas")}),
    ("stripped of accreditation", "Kyiv stripped Iran's ambassador of his accreditation.",
     {("UKR", "SANCTION", "IRN")}),
    ("did not recognise the results of an election", "Lithuania said it did not recognise the "
     "results of the Belarusian election.", {("LTU", "REJECT", "BLR")}),
    ("a nominal supply", "Kyiv protested over Tehran's supply of drones to Moscow.",
     {("IRN", "COOPERATE", "RUS")}),
    ("had sent no weapons", "A foreign ministry spokesman in Tehran repeated that Iran had sent "
     "no weapons to Russia.", {("IRN", "DENY", None)}),
    ("its own measures", "Moscow hit back within hours of the EU sanctions, announcing its own "
     "measures against nine Europeans.", {("RUS", "SANCTION", "europeans")}),
    ("the expulsion of", "Prague ordered the expulsion of 18 Russian diplomats.",
     {("CZE", "SANCTION", "RUS")}),
    ("sanctions were also imposed", "Ottawa ordered the expulsion of four Iranian diplomats. "
     "Sanctions were also imposed on Iran's state broadcaster.", {("CAN", "SANCTION", "IRN")}),
    ("conveyed concerns", "Tokyo conveyed its grave concerns to both Beijing and Moscow.",
     {("JPN", "CRITICIZE", "CHN"), ("JPN", "CRITICIZE", "RUS")}),
    ("gave diplomats hours to leave", "Managua gave Costa Rican diplomats 48 hours to leave "
     "the country.", {("NIC", "SANCTION", "CRI")}),
    ("thank him, not the caller", "Prime Minister Narendra Modi phoned Shinzo Abe on Monday to "
     "thank him for his help.", {("IND", "SUPPORT", "JPN")}),
    ("called in an envoy", "Canberra called in China's deputy chief of mission over the "
     "incident.", {("AUS", "PROTEST", "CHN")}),
    ("arrest warrants for", "Karim Khan, the prosecutor of the International Criminal Court, "
     "said he had applied for arrest warrants for Vladimir Putin.",
     {("international criminal court", "CHARGE", "vladimir putin")}),
    ("plural title before two leaders", "After talks in Beijing, Presidents Emmanuel Macron "
     "and Xi Jinping agreed to expand trade.", {("FRA", "AGREE", "CHN"), ("CHN", "AGREE", "FRA")}),
    ("a sanction held out", "In that case the EU would impose sanctions on Minsk.",
     {("european union", "THREATEN", "BLR")}),
    ("two appositions", "The Treasury sanctioned Iran's oil minister, Reza Karimi, and its "
     "defence minister, Ali Nouri.", {("USA", "SANCTION", "reza karimi"),
                                      ("USA", "SANCTION", "ali nouri")}),
]


@pytest.mark.parametrize("kind,text,expected", MORE, ids=[m[0] for m in MORE])
def test_more_constructions(kind, text, expected):
    found = triples(dg.extract_text(text))
    assert expected <= found, f"{text!r}: got {sorted(map(str, found))}"


@pytest.mark.parametrize("text", [
    "Analysts said Iran paid a heavy price for the war.",
    "Moscow said the attack would go unpunished for now.",
    "Japan said Beijing faced consequences last year.",
])
def test_consequences_that_are_no_threat(text):
    assert not [e for e in dg.extract_text(text) if e.type == "THREATEN"]


def test_hyphenated_speaker_name_is_kept_as_written():
    evs = dg.extract_text("Chilean Foreign Minister Ana-Maria Soto-Rojas condemned Bolivia.")
    assert [(e.source.country, e.type, e.speaker.label if e.speaker else None) for e in evs] == [
        ("CHL", "CRITICIZE", "Ana-Maria Soto-Rojas")]


def test_an_act_named_as_a_condition_is_no_event():
    found = triples(dg.extract_text("Seoul said it would respond firmly if Pyongyang took "
                                    "further steps."))
    assert ("KOR", "THREATEN", "PRK") in found
    assert not [t for t in found if t[0] == "PRK"]


def test_the_content_of_a_demand_is_not_an_act():
    found = triples(dg.extract_text("Foreign Minister Jean-Noel Barrot said France rejected "
                                    "Moscow's demand that Moldova be barred from the bloc."))
    assert ("FRA", "REJECT", "RUS") in found
    assert not [t for t in found if t[1] == "SANCTION"]


def test_an_official_with_an_unmapped_role_speaks_for_the_state():
    # Xi's first office in the data is "general secretary", a role no body is given for
    evs = dg.extract_text("Xi Jinping accused Japan of provocations.", date="2013-01-10")
    assert ("CHN", "ACCUSE", "JPN") in triples(evs)
