"""The seed's examples of other countries' commitments, grouped by its three themes. Titles
and summaries restate the seed's descriptions; the links are OGP's member pages."""

OGP = "https://www.opengovpartnership.org/members/{}/"


def example(slug, code, country_sq, country_en, period, theme, title_sq, title_en,
            summary_sq, summary_en, member, place_sq="", place_en=""):
    years = [int(year) for year in period.split("–")]
    return {"slug": slug, "country_code": code, "country_sq": country_sq,
            "country_en": country_en, "place_sq": place_sq, "place_en": place_en,
            "period": period, "start_year": years[0], "end_year": years[-1], "theme": theme,
            "title_sq": title_sq, "title_en": title_en, "summary_sq": summary_sq,
            "summary_en": summary_en, "source_url": OGP.format(member)}


DIGITAL, ADMINISTRATION, LAW_MAKING = "digital", "administration", "law_making"
DATA_SQ = ("Administrimi i përgjegjshëm i të dhënave në sektorin publik",
           "Një angazhim për mënyrën se si institucionet publike mbledhin, ruajnë, ndajnë dhe "
           "përdorin të dhënat: më shumë vlerë nga të dhënat publike, pa cenuar privatësinë "
           "dhe besimin e qytetarëve.")
DATA_EN = ("Responsible data stewardship in the public sector",
           "A commitment on how public bodies collect, keep, share and use data: more value "
           "from public data, without harming citizens' privacy and trust.")

EXAMPLES = [
    # Digital public participation and deliberation
    example("jalisco-2019-2021", "MX", "Meksika", "Mexico", "2019–2021", DIGITAL,
            "Platformë digjitale për pjesëmarrjen e qytetarëve në krijimin dhe miratimin e "
            "ligjeve",
            "A digital platform for citizens to take part in creating and approving laws",
            "Shteti i Jaliskos u angazhua për një platformë digjitale ku qytetarët marrin "
            "pjesë në krijimin dhe miratimin e ligjeve të shtetit.",
            "The State of Jalisco committed to a digital platform on which citizens take "
            "part in creating and approving the state's laws.", "jalisco-mexico",
            place_sq="Jalisco", place_en="Jalisco"),
    example("colombia-2015-2017", "CO", "Kolumbia", "Colombia", "2015–2017", DIGITAL,
            "Shërbime të automatizuara për përpunimin e komenteve dhe kontributeve të "
            "qytetarëve",
            "Automated services to process citizens' comments and input",
            "Kolumbia u angazhua për shërbime të automatizuara që përpunojnë komentet dhe "
            "kontributet që qytetarët u dërgojnë institucioneve publike.",
            "Colombia committed to automated services that process the comments and input "
            "citizens send to public bodies.", "colombia"),
    example("georgia-2016-2018", "GE", "Gjeorgjia", "Georgia", "2016–2018", DIGITAL,
            "Pjesëmarrja e qytetarëve në mbikëqyrjen e financave publike",
            "Citizen participation in supervising public finances",
            "Gjeorgjia u angazhua t'u japë qytetarëve mjete për të ndjekur dhe mbikëqyrur "
            "mënyrën si shpenzohen financat publike.",
            "Georgia committed to giving citizens the means to follow and supervise how "
            "public finances are spent.", "georgia"),
    example("france-2018-2020", "FR", "Franca", "France", "2018–2020", DIGITAL,
            "Transparenca e algoritmeve dhe e kodit burimor publik",
            "Transparency of public algorithms and source code",
            "Franca u angazhua të bëjë transparente algoritmet dhe kodin burimor që përdor "
            "administrata publike, me një metodë të përbashkët për hapjen e tyre.",
            "France committed to making the algorithms and source code used by the public "
            "administration transparent, with a shared method for opening them.", "france"),
    # Public participation in administration
    example("croatia-2014-2016", "HR", "Kroacia", "Croatia", "2014–2016", ADMINISTRATION,
            "Pjesëmarrja në të gjitha fazat e hartimit të strategjisë kombëtare kundër "
            "korrupsionit",
            "Participation throughout the drafting of the national anti-corruption strategy",
            "Kroacia u angazhua të përfshijë publikun dhe shoqërinë civile gjatë gjithë "
            "hartimit të strategjisë kombëtare kundër korrupsionit, jo vetëm në fund.",
            "Croatia committed to involving the public and civil society throughout the "
            "drafting of the national anti-corruption strategy, not only at the end.",
            "croatia"),
    example("united-kingdom-2013-2015", "GB", "Mbretëria e Bashkuar", "United Kingdom",
            "2013–2015", ADMINISTRATION,
            "Shoqëria civile në hartimin e planit ndërqeveritar kundër korrupsionit",
            "Civil society in designing the cross-government anti-corruption plan",
            "Mbretëria e Bashkuar u angazhua të hartojë planin kundër korrupsionit për të "
            "gjithë qeverinë së bashku me organizatat e shoqërisë civile.",
            "The United Kingdom committed to designing its cross-government anti-corruption "
            "plan together with civil society organisations.", "united-kingdom"),
    example("latvia-2017-2019", "LV", "Letonia", "Latvia", "2017–2019", ADMINISTRATION,
            "Ndërgjegjësimi dhe proceset për pjesëmarrjen e publikut në vendimmarrje",
            "Awareness of and processes for public participation in decision making",
            "Letonia u angazhua të rrisë ndërgjegjësimin për pjesëmarrjen e publikut në "
            "vendimmarrje dhe të përmirësojë proceset nëpërmjet të cilave publiku merr pjesë.",
            "Latvia committed to raising awareness of public participation in decision "
            "making and to improving the processes through which the public takes part.",
            "latvia"),
    example("australia-2018-2020", "AU", "Australia", "Australia", "2018–2020",
            ADMINISTRATION,
            "Qeverisja digjitale në të gjithë qeverinë: më shumë të dhëna, më shumë mbrojtje",
            "Whole-of-government digital governance: more data, stronger safeguards",
            "Australia u angazhua të rrisë aksesin në të dhënat publike dhe përdorimin e "
            "tyre, duke forcuar njëkohësisht garancitë për privatësinë dhe sigurinë.",
            "Australia committed to more access to and use of public data, while "
            "strengthening privacy and security safeguards.", "australia"),
    example("denmark-2017", "DK", "Danimarka", "Denmark", "2017", ADMINISTRATION,
            DATA_SQ[0], DATA_EN[0], DATA_SQ[1], DATA_EN[1], "denmark"),
    example("chile-2018", "CL", "Kili", "Chile", "2018", ADMINISTRATION,
            DATA_SQ[0], DATA_EN[0], DATA_SQ[1], DATA_EN[1], "chile"),
    example("indonesia-2018", "ID", "Indonezia", "Indonesia", "2018", ADMINISTRATION,
            DATA_SQ[0], DATA_EN[0], DATA_SQ[1], DATA_EN[1], "indonesia"),
    # Public participation in law-making
    example("latvia-2015-2017", "LV", "Letonia", "Latvia", "2015–2017", LAW_MAKING,
            "Nënshkrime online për të nisur një referendum",
            "Online signatures to initiate a referendum",
            "Letonia u angazhua t'u lejojë qytetarëve të mbledhin online nënshkrimet e "
            "nevojshme për të nisur një referendum.",
            "Latvia committed to letting citizens collect online the signatures needed to "
            "initiate a referendum.", "latvia"),
    example("uruguay-2016-2018", "UY", "Uruguai", "Uruguay", "2016–2018", LAW_MAKING,
            "Menaxhimi me pjesëmarrje i ujërave sipas Planit Kombëtar të Ujërave",
            "Participatory water management under the National Water Plan",
            "Uruguai u angazhua të menaxhojë ujërat me pjesëmarrjen e përdoruesve dhe të "
            "shoqërisë civile, në zbatim të Planit Kombëtar të Ujërave.",
            "Uruguay committed to managing water with users and civil society taking part, "
            "in carrying out the National Water Plan.", "uruguay"),
    example("ireland-2014-2016", "IE", "Irlanda", "Ireland", "2014–2016", LAW_MAKING,
            "Tre referendume që dolën nga Konventa Kushtetuese",
            "Three referenda arising from the Constitutional Convention",
            "Irlanda u angazhua të mbajë tre referendume mbi ndryshimet kushtetuese që "
            "propozoi Konventa Kushtetuese, ku qytetarë të zakonshëm diskutuan bashkë me "
            "politikanët.",
            "Ireland committed to holding three referenda on constitutional changes proposed "
            "by the Constitutional Convention, where ordinary citizens deliberated alongside "
            "politicians.", "ireland"),
    example("chile-2014-2016", "CL", "Kili", "Chile", "2014–2016", LAW_MAKING,
            "Zbatimi dhe monitorimi i Ligjit për Lobimin",
            "Implementing and monitoring the Lobbying Law",
            "Kili u angazhua të zbatojë Ligjin për Lobimin dhe të monitorojë zbatimin e tij, "
            "që takimet e zyrtarëve me grupet e interesit të jenë publike.",
            "Chile committed to implementing the Lobbying Law and monitoring how it is "
            "applied, so that officials' meetings with interest groups are public.", "chile"),
    example("canada-2018", "CA", "Kanadaja", "Canada", "2018", LAW_MAKING,
            "Direktivë për përdorimin etik të inteligjencës artificiale në vendimmarrje",
            "A directive on the ethical use of artificial intelligence in decisions",
            "Kanadaja u angazhua për një direktivë që përcakton si mund të përdorin "
            "institucionet inteligjencën artificiale në mënyrë etike kur marrin vendime.",
            "Canada committed to a directive setting out how departments may use artificial "
            "intelligence ethically when they take decisions.", "canada"),
    example("italy-2016-2018", "IT", "Italia", "Italy", "2016–2018", LAW_MAKING,
            "Miratimi i Kartës së të Drejtave në Internet",
            "Adopting the Charter of Internet Rights",
            "Italia u angazhua të miratojë dhe të promovojë Kartën e të Drejtave në Internet, "
            "të hartuar me konsultim publik.",
            "Italy committed to adopting and promoting the Charter of Internet Rights, "
            "drafted through public consultation.", "italy"),
]
