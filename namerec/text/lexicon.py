"""Word lists of the built-in mention extractor.

All entries are lower case; words are compared after ``str.casefold``. The lists are deliberately
small and generic (function words, nationalities, well-known places, calendar words, titles): they
decide which capitalised words are *not* names, never which strings are a particular entity.
"""

from __future__ import annotations

from ..normalize.lexicons import ORG_CUE_WORDS, PARTICLES, TITLES


def _words(block: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in block.split())


def _phrases(block: str) -> frozenset[str]:
    return frozenset(" ".join(line.casefold().split()) for line in block.split("|") if line.strip())


#: Capitalised only because a sentence or a title starts with them: never a name on their own,
#: and never the edge of a name (articles, pronouns, prepositions, conjunctions, question words).
FUNCTION_WORDS = _words("""
    a an the this that these those there here it its it's he she we they i you me him her his hers
    our ours their theirs them my mine your yours one ones who whom whose which what why how when
    where whether if as of in on at by for from to into onto with without within about above below
    after before during since until till under over between among amid against through throughout
    across behind beyond despite like unlike near per via upon toward towards than then and but or
    nor so yet because although though unless while whereas once not no yes is are was were be been
    being am do does did done has have had having would should shall could might must ought let
    """)

#: Ordinary words that often open a sentence (adverbs, quantifiers, modals, interjections).
#: At the start of a sentence they are taken as ordinary words; elsewhere capitalised they are
#: still not names on their own.
SENTENCE_STARTERS = FUNCTION_WORDS | _words("""
    all any some many much more most few fewer several each every both either neither other others
    another such only also even just still already again now today yesterday tomorrow tonight
    meanwhile however therefore thus hence moreover furthermore nevertheless nonetheless instead
    indeed perhaps maybe finally first second third last next later earlier recently previously
    currently soon often sometimes never always ever according following regarding including
    overall unfortunately fortunately clearly obviously certainly actually really well please
    thank thanks dear hello hi oh ok okay yeah former late early new old big small great good bad
    will can may nobody everybody somebody anyone everyone someone nothing everything something
    none whatever whoever wherever whenever unlike given despite besides except amid read see
    watch look note update breaking exclusive analysis opinion photo video source sources author
    editor comment comments share related advertisement continue click subscribe
    """)

#: Nationalities, peoples, languages, religions and other group adjectives (spaCy's NORP): not
#: names of persons or organisations on their own, and not part of a person's name.
DEMONYMS = _words("""
    american americans russian russians european europeans ukrainian ukrainians japanese chinese
    british briton britons english french frenchman german germans italian italians spanish
    spaniard spaniards portuguese dutch belgian belgians swiss austrian austrians polish pole poles
    czech czechs slovak slovaks hungarian hungarians romanian romanians bulgarian bulgarians serbian
    serbians serb serbs croatian croatians croat croats slovenian slovenians bosnian bosnians
    albanian albanians macedonian macedonians montenegrin greek greeks turkish turk turks cypriot
    maltese irish scottish scots welsh swedish swede swedes norwegian norwegians danish dane danes
    finnish finn finns icelandic estonian estonians latvian latvians lithuanian lithuanians
    belarusian belarusians moldovan moldovans georgian georgians armenian armenians azerbaijani
    azerbaijanis azeri kazakh kazakhs uzbek uzbeks turkmen kyrgyz tajik tajiks afghan afghans
    pakistani pakistanis indian indians bangladeshi nepali nepalese sri lankan taiwanese korean
    koreans mongolian vietnamese thai cambodian laotian burmese malaysian singaporean indonesian
    indonesians filipino filipinos australian australians canadian canadians mexican mexicans
    brazilian brazilians argentine argentinian argentinians chilean chileans colombian colombians
    peruvian venezuelan venezuelans cuban cubans bolivian ecuadorian uruguayan paraguayan egyptian
    egyptians libyan libyans tunisian algerian algerians moroccan moroccans sudanese ethiopian
    ethiopians eritrean kenyan kenyans nigerian nigerians ghanaian somali somalis congolese
    rwandan ugandan tanzanian zimbabwean angolan malian senegalese iranian iranians iraqi iraqis
    syrian syrians lebanese israeli israelis palestinian palestinians jordanian jordanians saudi
    saudis yemeni yemenis omani qatari emirati kuwaiti bahraini arab arabs arabic persian persians
    kurdish kurd kurds jewish jew jews muslim muslims christian christians catholic catholics
    protestant protestants orthodox sunni sunnis shia shiite shiites hindu hindus buddhist
    buddhists sikh sikhs western westerners eastern northern southern soviet soviets communist
    communists socialist socialists republican republicans democrat democrats latino latinos
    latina hispanic hispanics african africans asian asians latin nordic baltic balkan slavic
    caucasian scandinavian scandinavians anglo hebrew yiddish slav slavs transatlantic
    pro-russian pro-western pro-kremlin anti-russian
    """)

#: Month and weekday names and their usual abbreviations.
MONTHS = _words("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """)
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri")

#: Well-known places (countries, regions, large cities, US states), whole names.
PLACES = _phrases("""
    afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|
    bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|
    bosnia and herzegovina|botswana|brazil|brunei|bulgaria|burkina faso|burundi|cambodia|cameroon|
    canada|cape verde|chad|chile|china|colombia|comoros|congo|costa rica|croatia|cuba|cyprus|
    czechia|czech republic|denmark|djibouti|dominica|dominican republic|ecuador|egypt|el salvador|
    eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|
    greece|grenada|guatemala|guinea|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|
    iraq|ireland|israel|italy|ivory coast|jamaica|japan|jordan|kazakhstan|kenya|kiribati|kosovo|
    kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|
    luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|mauritania|mauritius|mexico|moldova|
    monaco|mongolia|montenegro|morocco|mozambique|myanmar|burma|namibia|nauru|nepal|netherlands|
    holland|new zealand|nicaragua|niger|nigeria|north korea|north macedonia|macedonia|norway|oman|
    pakistan|palau|palestine|panama|papua new guinea|paraguay|peru|philippines|poland|portugal|
    qatar|romania|russia|rwanda|samoa|san marino|saudi arabia|senegal|serbia|seychelles|
    sierra leone|singapore|slovakia|slovenia|somalia|south africa|south korea|south sudan|spain|
    sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|
    tonga|trinidad|tunisia|turkey|turkiye|turkmenistan|tuvalu|uganda|ukraine|united arab emirates|
    united kingdom|united states|united states of america|america|uruguay|uzbekistan|vanuatu|
    vatican|venezuela|vietnam|yemen|zambia|zimbabwe|britain|great britain|england|scotland|wales|
    northern ireland|korea|soviet union|ussr|
    us|usa|u.s.|u.s.a.|uk|u.k.|uae|dprk|prc|
    europe|asia|africa|north america|south america|latin america|central america|oceania|
    antarctica|arctic|middle east|near east|far east|eastern europe|western europe|
    central europe|central asia|southeast asia|east asia|south asia|the west|balkans|baltics|
    caucasus|scandinavia|siberia|crimea|donbas|donbass|kosovo|gaza|gaza strip|west bank|kashmir|
    tibet|xinjiang|hong kong|macau|mediterranean|atlantic|pacific|persian gulf|gulf|black sea|
    baltic sea|red sea|
    moscow|kyiv|kiev|washington|london|paris|berlin|beijing|tokyo|rome|madrid|brussels|vienna|
    warsaw|prague|budapest|sofia|bucharest|athens|ankara|istanbul|tehran|baghdad|damascus|beirut|
    jerusalem|tel aviv|cairo|riyadh|jeddah|doha|dubai|abu dhabi|new delhi|delhi|mumbai|islamabad|
    kabul|karachi|shanghai|taipei|seoul|pyongyang|bangkok|hanoi|jakarta|manila|sydney|canberra|
    melbourne|ottawa|toronto|montreal|vancouver|new york|new york city|los angeles|chicago|
    san francisco|boston|miami|houston|dallas|seattle|atlanta|philadelphia|detroit|las vegas|
    mexico city|havana|caracas|bogota|lima|santiago|buenos aires|brasilia|rio de janeiro|
    sao paulo|johannesburg|pretoria|cape town|nairobi|lagos|addis ababa|kharkiv|kharkov|odesa|
    odessa|lviv|dnipro|mariupol|kherson|zaporizhzhia|bakhmut|donetsk|luhansk|minsk|vilnius|riga|
    tallinn|helsinki|stockholm|oslo|copenhagen|amsterdam|the hague|geneva|zurich|munich|frankfurt|
    hamburg|milan|naples|barcelona|lisbon|dublin|edinburgh|belgrade|zagreb|ljubljana|sarajevo|
    skopje|tirana|chisinau|tbilisi|yerevan|baku|astana|tashkent|st petersburg|hague|
    saint petersburg|kaliningrad|sevastopol|davos|strasbourg|munich|mecca|medina|
    alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|idaho|
    illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|
    minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|
    north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|
    south dakota|tennessee|texas|utah|vermont|virginia|west virginia|wisconsin|wyoming
    """)

#: Words (capitalised) written before a person's name: honorifics, ranks, offices and the words
#: that qualify them ("Deputy Foreign Minister"). Stripped from the front of a mention.
TITLE_WORDS = frozenset(TITLES) | _words("""
    mr. mrs. ms. dr. prof. gen. sen. rep. gov. lt. col. capt. sgt. st.
    deputy vice acting former foreign defence defense finance interior economy trade health
    education energy justice state chief executive senior supreme grand crown prime head
    spokesman spokeswoman spokesperson leader chair director analyst author editor correspondent
    expert envoy commissioner coach manager founder premier lady lord speaker attorney
    """)

#: Titles that show the following name is a person's (honorifics and offices held by persons).
PERSON_TITLES = frozenset(TITLES) | _words("""
    mr. mrs. ms. dr. prof. gen. sen. rep. gov. lt. col. capt. sgt. premier speaker lady lord
    """)

#: Lower-case words that, right before a name, say it is a person's ("the president Trump",
#: "said analyst Smith", "his counterpart Zelensky").
PERSON_ROLE_NOUNS = _words("""
    president minister chancellor premier leader counterpart analyst expert professor director
    spokesman spokeswoman spokesperson senator governor mayor ambassador envoy secretary general
    colonel journalist author writer researcher economist scholar fellow chief actor actress
    singer player coach boxer champion manager founder ceo chairman chairwoman politician
    lawmaker diplomat general commander king queen prince princess pope mr mrs ms dr
    """)

#: Verbs of speech; a name right before or after one is probably a person's (soft evidence).
SPEECH_VERBS = _words("""
    said says say told tells explains explained added adds noted notes believes believed thinks
    thought argues argued wrote writes asked asks commented comments stated states warned warns
    """)

#: Lower-case words that, shortly before a name, say it is an organisation's
#: ("an analyst at Brookings", "the organization German Marshall Fund").
ORG_CONTEXT_WORDS = _words("""
    organization organisation company firm group agency institute institution tank newspaper
    magazine channel broadcaster bank fund foundation party university center centre council
    """)
ORG_CONTEXT_PREPOSITIONS = _words("at of for from with")
ORG_CONTEXT_ROLES = _words("""
    analyst director researcher professor fellow expert head chief member spokesman spokeswoman
    spokesperson president chairman ceo founder economist scholar employee staff official officials
    """)

#: Capitalised words that make a name an organisation's (the core's cue words and a few more).
ORG_CUES = frozenset(ORG_CUE_WORDS) | _words("""
    centre centres party parties forum museum office court courts assembly senate congress army
    navy union unions institution studies ministries corp corporation inc ltd llc plc gmbh
    times post news journal tribune herald gazette press network networks broadcasting media
    church fc club team bureau department commission secretariat cabinet directorate police
    """)

#: Lower-case words that may join the words of an organisation's name ("Center for Strategic and
#: International Studies", "Bank of America", "Banco de España").
ORG_CONNECTORS = _words("of for and the on de del della des du la le van von al bin y e da di")
#: Prepositions after which "and" / "the" may continue an organisation's name.
ORG_PREPOSITIONS = _words("of for on de del della des du da di")

#: Lower-case particles inside or at the front of a person's name ("Mohammed bin Salman",
#: "Ludwig van Beethoven", "bin Salman", "de Gaulle"); "do" and "e" are left out as too common.
NAME_PARTICLES = frozenset(PARTICLES) - _words("do e ni ui het um umm mac nic")

#: Acronyms that are not names (units, abbreviations of common nouns).
NON_NAME_ACRONYMS = _words("""
    ok tv am pm ceo cfo cto coo gdp ai it id pr hr vs usd eur gbp rub uah km kg mph ft etc
    faq ps pc hq vip dna rna hiv covid bc ad ie eg aka tba tbd lol omg re fyi asap ii iii iv vi
    vii viii ix xi xii
    """)

#: Capitalised common nouns that are not names on their own.
NON_NAMES = _words("""
    god internet web president minister chancellor king queen prince pope mr mrs ms dr sir madam
    madame author editor photo video
    """)

#: Last words of names of events, prizes, laws and plans ("Nobel Prize", "Cold War", "Paris
#: Agreement"): such names are neither persons nor organisations.
MISC_HEADS = _words("""
    prize prizes award awards cup war wars games olympics championship championships day act
    treaty agreement accord accords summit conference festival doctrine plan program programme
    initiative strategy index protocol convention charter declaration revolution crisis
    """)
