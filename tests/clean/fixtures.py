"""Example texts for the cleaning tests, written for them in the style of defence news."""

FEED = [
    "Estonia on March 3 signed a contract for coastal radar stations worth 40 million euros.",
    "A Czech ammunition maker said on March 1 it would open a propellant line in Slovakia.",
    "Japan's cabinet approved on February 27 a plan to export parts for patrol aircraft.",
    "Brazil received its fourth Gripen fighter jet on February 24, the air force said.",
    "Turkey's drone producer plans a factory in Italy, its chief told reporters on February 20.",
    "The Dutch government ordered 46 tank transporters on February 16. Deliveries start in 2026.",
    "Norway and Finland agreed on February 12 to buy howitzer barrels together.",
    "India test-fired a new cruise missile off its east coast on February 9.",
]

SHIPYARD = [
    "The Baltic shipyard in Gdansk launched the hull of the third frigate for the navy, "
    "its director said, adding that welders had worked double shifts since spring.",
    "The frigate programme has suffered delays because steel plates arrived late from "
    "suppliers, forcing the shipyard to reorganise its welding halls and dry dock.",
    "Navy officers inspected the hull and the dock on Thursday. The shipyard expects to "
    "deliver the first frigate to the navy in two years, once sea trials are complete.",
    "Union leaders at the shipyard asked for higher pay for welders, warning that the "
    "frigate schedule could slip again if skilled workers leave for other docks.",
    "The director said the shipyard would hire 300 welders and fitters, and would build "
    "a second dry dock so that two frigate hulls could be assembled at the same time.",
    "Local suppliers of steel, cables and engines hope the frigate orders will keep the "
    "shipyard busy for a decade, while the navy weighs an option for two more hulls.",
]

AIR_DEFENCE = [
    "Romania's parliament approved the purchase of two more Patriot batteries and several "
    "hundred interceptors, the government in Bucharest announced on Monday evening.",
    "The Patriot batteries will protect airports and ports near the Black Sea coast, "
    "Romanian officials said, after debris from intercepted missiles fell nearby.",
    "Bucharest will pay for the interceptors over five years. Lawmakers also approved "
    "radar upgrades and training for the crews of the existing Patriot units.",
    "Romanian officers said the interceptors would arrive in batches, with the first "
    "battery expected to reach operational readiness near Constanta within eighteen months.",
    "Opposition lawmakers questioned the price of the interceptors but the defence "
    "committee backed the Patriot deal, citing repeated drone incursions from the sea.",
    "Crews for the new Patriot batteries will train in Germany, and Bucharest hopes to "
    "assemble some interceptors locally under a separate industrial agreement.",
]

TITLE = "Poland to double shell output"

ARTICLE = """Key Takeaways
- Poland will double artillery shell production by 2026.
- A new filling plant opens in Stalowa Wola.
Poland Expands Artillery Output The Polish defence ministry said on Monday it would double \
shell production at state-owned plants by 2026.
The ministry said a new filling line would open in Stalowa Wola next spring, creating 400 jobs.
The ministry said a new filling line would open in Stalowa Wola next spring, creating 400 jobs.
Reuters reported last month that the government was seeking loans to pay for the expansion.
Ann Lee in Warsaw and Bo Roe in Berlin contributed.
AP, Reuters
Sign up for our weekly Defence Desk newsletter here.
"""

FEED_DOCUMENT = "\n".join(
    [
        "Drone makers look abroad",
        FEED[0],
        FEED[0],
        *FEED[1:4],
        "Kyiv's drone workshops have outgrown the state budget. Their capacity to assemble "
        "such low-cost interceptor drones",
        *FEED[4:],
        "Lithuania also announced a new training programme for air defence crews and",
    ]
)
