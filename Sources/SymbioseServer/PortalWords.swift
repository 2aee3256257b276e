import SymbioseCore

/// The words of the pages, in both languages (the templates read them as `t.key`).
enum PortalWords {
    static func table(_ language: Language) -> [String: String] {
        language == .fr ? french : english
    }

    static let pairs: [(key: String, fr: String, en: String)] = [
        ("logout", "Se déconnecter", "Sign out"),
        ("email", "Adresse e-mail", "E-mail address"),
        ("password", "Mot de passe", "Password"),
        ("signIn", "Se connecter", "Sign in"),
        (
            "firmHint",
            "Entreprise ? Ouvrez le lien d'invitation reçu de votre animateur : aucun compte n'est nécessaire.",
            "A firm? Open the invitation link your facilitator sent you: no account is needed."
        ),
        ("firms", "entreprises", "firms"),
        ("noTerritory", "Aucun territoire pour l'instant.", "No territory yet."),
        ("newTerritory", "Nouveau territoire", "New territory"),
        ("name", "Nom", "Name"),
        ("create", "Créer", "Create"),
        (
            "linkOnce", "Lien d'invitation, affiché une seule fois, à transmettre à",
            "Invitation link, shown only once, to send to"
        ),
        ("firm", "Entreprise", "Firm"),
        ("status", "Statut", "Status"),
        ("flows", "Flux", "Flows"),
        ("quality", "Avertissements", "Warnings"),
        ("findings", "Qualité des données", "Data quality"),
        ("invitation", "Invitation", "Invitation"),
        ("revoke", "Révoquer", "Revoke"),
        ("inviteFirm", "Inviter une entreprise", "Invite a firm"),
        ("firmName", "Raison sociale", "Company name"),
        ("companyID", "Identifiant (facultatif)", "Identifier (optional)"),
        ("invite", "Créer le lien", "Create the link"),
        ("results", "Résultats", "Results"),
        ("lastRun", "Dernier calcul le", "Last run on"),
        ("profiles", "profils", "profiles"),
        ("report", "Rapport HTML", "HTML report"),
        ("plan", "Plan", "Plan"),
        ("published", "publié aux entreprises", "published to firms"),
        ("publish", "Publier aux entreprises", "Publish to firms"),
        ("runMatching", "Lancer la mise en relation", "Run matching"),
        ("runHint", "sur les profils soumis et acceptés", "on submitted and accepted profiles"),
        ("runOptions", "Options du calcul", "Run options"),
        ("transport", "Transport des matières", "How material travels"),
        ("objective", "Le plan maximise", "The plan maximises"),
        ("alsoPropose", "Proposer aussi", "Also propose"),
        (
            "factorFile", "Fichier de facteurs d'impact (JSON de symbiose factors, facultatif)",
            "Impact factor file (JSON, as symbiose factors reads it; optional)"
        ),
        ("keepFactors", "garder le fichier de facteurs du dernier calcul :", "keep the last run's factor file:"),
        (
            "inferFlows",
            "les flux habituels de leur activité pour les entreprises sans flux déclaré (marqués déduits)",
            "the usual flows of their activity for firms that declared none (marked inferred)"
        ),
        (
            "optionsHint",
            "Les mêmes options que symbiose match et plan ; vides, les distances sont celles de chaque catégorie.",
            "The options of symbiose match and plan; left empty, distances are each category's own."
        ),
        ("returned", "Votre animateur vous a renvoyé le profil :", "Your facilitator returned the profile:"),
        (
            "submittedNote",
            "Profil transmis : votre animateur le relit. Il vous le renverra si une correction est utile.",
            "Profile sent: your facilitator is reading it and will return it if something needs changing."
        ),
        ("fixThese", "À corriger avant d'enregistrer :", "To fix before saving:"),
        ("remarks", "Remarques sur le profil :", "Remarks on the profile:"),
        ("identity", "Entreprise et site", "Company and site"),
        ("naf", "Code NAF", "NAF code"),
        ("employees", "Effectif", "Employees"),
        ("address", "Adresse du site", "Site address"),
        ("commune", "Commune", "Town"),
        ("postcode", "Code postal", "Postcode"),
        ("latitude", "Latitude (facultatif)", "Latitude (optional)"),
        ("longitude", "Longitude (facultatif)", "Longitude (optional)"),
        (
            "siteMapHint",
            "Sans coordonnées ? Cliquez sur la carte à l'emplacement du site ; la carte se recentre, cliquez encore pour préciser.",
            "No coordinates? Click the map where the site is; the map centres on it, click again to refine."
        ),
        ("siteMapAlt", "Carte des communes : cliquer pour placer le site", "Map of the towns: click to place the site"),
        (
            "siteMapNone",
            "Indiquez la commune ou le code postal, puis enregistrez : une carte permettra de placer le site.",
            "Give the town or postcode, then save: a map will let you place the site."
        ),
        ("flowsLegend", "Ce que vous rejetez et ce dont vous avez besoin", "What you release and what you need"),
        (
            "flowsHint",
            "Une ligne par flux. Ressource : tapez quelques lettres et choisissez un code. Quantités : virgule ou point décimal. Mois : numéros séparés par des espaces, vide si toute l'année.",
            "One row per flow. Resource: type a few letters and pick a code. Months: numbers separated by spaces, empty if all year."
        ),
        ("direction", "Sens", "Direction"),
        ("resource", "Ressource", "Resource"),
        ("quantity", "Quantité", "Quantity"),
        ("unit", "Unité", "Unit"),
        ("per", "Par", "Per"),
        ("months", "Mois", "Months"),
        ("temperature", "Température (°C)", "Temperature (°C)"),
        ("outputStatus", "Nature du rejet", "Kind of release"),
        ("confidential", "Confidentiel", "Confidential"),
        ("note", "Remarque", "Note"),
        ("addRow", "Ajouter une ligne", "Add a row"),
        (
            "uploadFile", "Ou envoyez un fichier de profil (XML, JSON, CSV ou .xlsx, 2 Mo au plus)",
            "Or send a profile file (XML, JSON, CSV or .xlsx, 2 MB at most)"
        ),
        ("upload", "Envoyer le fichier", "Send the file"),
        ("suggestionsTitle", "Flux habituels de l'activité", "Usual flows of the activity"),
        (
            "suggestionsHint",
            "suggestions tirées des statistiques de votre secteur, pas de vos données : à vérifier et corriger avant d'enregistrer.",
            "suggestions from your sector's statistics, not from your data: check and correct them before saving."
        ),
        ("addSuggestions", "Ajouter ces suggestions au formulaire", "Add these suggestions to the form"),
        ("importTitle", "Importer des profils déjà collectés", "Import profiles already collected"),
        (
            "importFile", "Fichier XML, JSON, CSV ou .xlsx (un ou plusieurs profils, 2 Mo au plus)",
            "XML, JSON, CSV or .xlsx file (one or more profiles, 2 MB at most)"
        ),
        ("importButton", "Importer", "Import"),
        ("importDone", "Profils importés et acceptés :", "Profiles imported and accepted:"),
        ("importRefused", "Non importés, à corriger :", "Not imported, to correct:"),
        ("importUnread", "Le fichier n'a pas pu être lu :", "The file could not be read:"),
        ("searchWords", "Mots qui décrivent le flux", "Words describing the stream"),
        ("search", "Chercher", "Search"),
        ("code", "Code", "Code"),
        ("relevance", "Pertinence", "Relevance"),
        ("noCode", "Aucun code ne correspond à ces mots.", "No code relates to these words."),
        (
            "codesHint",
            "La recherche tolère les fautes de frappe, les pluriels, les abréviations (CSR, DIB, VHU…) et les libellés de la liste européenne des déchets. Recopiez le code dans la colonne « Ressource », ou écrivez-y simplement vos mots : ils seront traduits en code, avec un avertissement pour vérifier.",
            "The search forgives typos, plurals, abbreviations (CSR, DIB, VHU…) and matches the European List of Waste. Copy the code into the Resource column, or just write your words there: they are turned into a code, with a warning to check it."
        ),
        ("backToProfile", "Retour à mon profil", "Back to my profile"),
        ("findCode", "Trouver un code", "Find a code"),
        ("kind", "Type", "Kind"),
        ("category", "Catégorie", "Category"),
        ("minScore", "Score minimal", "Lowest score"),
        ("filter", "Filtrer", "Filter"),
        ("funnel", "Entonnoir", "Funnel"),
        ("followUp", "Suivi :", "Follow-up:"),
        ("leadByHand", "Ouvrir une piste à la main (appel, visite…)", "Open a lead by hand (call, visit…)"),
        ("pooling", "mutualisation", "pooling"),
        ("origin", "Origine", "Origin"),
        ("originCall", "appel", "call"),
        ("originWorkshop", "atelier", "workshop"),
        ("originOther", "autre", "other"),
        ("contacts", "Contacts nominatifs", "Named contacts"),
        ("contactsHint", "Hors de tout export, sauf demande.", "Kept out of every export unless asked."),
        ("contactName", "Nom", "Name"), ("contactEmail", "Courriel", "E-mail"), ("contactPhone", "Téléphone", "Phone"),
        ("workshops", "Ateliers", "Workshops"),
        ("newWorkshop", "Nouvel atelier", "New workshop"),
        ("workshopTitle", "Intitulé", "Title"),
        ("workshopDate", "Date", "Date"),
        ("workshopPlace", "Lieu", "Place"),
        ("workshopTables", "Nombre de tables", "Number of tables"),
        ("workshopFirms", "Entreprises participantes", "Participating firms"),
        ("createWorkshop", "Créer l'atelier et placer les entreprises", "Create the workshop and seat the firms"),
        ("print", "Imprimer :", "Print:"),
        ("fiches", "fiches pré-remplies", "pre-filled sheets"),
        ("blankFiches", "fiches vierges", "blank sheets"),
        ("summaries", "bilans par entreprise", "summaries per firm"),
        ("tablePlan", "Plan de table", "Table plan"),
        (
            "tablePlanHint",
            "Les entreprises qui ont le plus de synergies candidates entre elles sont placées ensemble ; liens mutuels au total",
            "Firms with the most candidate synergies between them sit together; mutual links in all"
        ),
        ("reseat", "Replacer (après un nouveau calcul)", "Seat again (after a new run)"),
        ("table", "Table", "Table"),
        ("mutualLinks", "liens mutuels", "mutual links"),
        ("gives", "Fournit", "Gives"),
        ("receives", "Reçoit", "Receives"),
        ("resourceWords", "mots ou code", "words or code"),
        ("noteLead", "Noter la piste", "Note the lead"),
        ("ficheQuality", "Qualité", "Quality"),
        ("ficheRemark", "Remarques", "Remarks"),
        ("ficheTalkTo", "J'aimerais en parler avec :", "I would like to talk about it with:"),
        ("summaryTitle", "Bilan de l'atelier", "Workshop summary"),
        ("summaryWith", "Avec", "With"),
        ("summaryNone", "Aucune piste ne concerne encore l'entreprise.", "No lead involves the firm yet."),
        ("leads", "Pistes", "Leads"),
        ("leadStatus", "Statut", "Status"),
        ("leadTitle", "Piste", "Lead"),
        ("nextAction", "Prochaine action", "Next action"),
        ("overdue", "en retard", "overdue"),
        (
            "noLeads", "Aucune piste suivie : ouvrez-en depuis la liste des synergies (« Suivre »).",
            "No lead yet: open one from the list of synergies (\"Follow\")."
        ),
        ("download", "Télécharger :", "Download:"),
        ("noContacts", "(sans les contacts nominatifs)", "(without named contacts)"),
        ("inCharge", "suivie par", "in charge:"),
        ("exchanged", "Échangé :", "Exchanged:"), ("proposed", "Proposé par le calcul :", "Proposed by matching:"),
        ("since", "depuis le", "since"),
        ("moveLead", "Faire avancer la piste", "Move the lead"),
        ("newStatus", "Nouveau statut", "New status"),
        ("changeDate", "Date du changement", "Date of the change"),
        ("abandonReason", "Raison d'abandon", "Reason for abandoning"),
        ("ifRealised", "Si réalisée : ce qui est échangé", "If realised: what is exchanged"),
        ("perYear", "an", "year"),
        ("perMonth", "mois", "month"),
        ("startDate", "Date de début", "Start date"),
        ("estimatedIfEmpty", "vide : estimé", "empty: estimated"),
        ("due", "Échéance", "Due"),
        ("saveMove", "Enregistrer", "Save"),
        ("from", "Du", "From"),
        ("to", "au", "to"),
        ("follow", "Suivre", "Follow"),
        ("score", "Score", "Score"),
        ("who", "Entreprises", "Firms"),
        ("why", "Pourquoi", "Why"),
        ("browse", "Parcourir les synergies", "Browse the synergies"),
        ("profileJSON", "Profil au format JSON", "Profile as JSON"),
        ("noProfile", "Pas encore de profil enregistré.", "No profile saved yet."),
        ("decision", "Décision", "Decision"),
        ("accept", "Accepter pour la mise en relation", "Accept for matching"),
        ("comment", "Commentaire pour l'entreprise", "Comment for the firm"),
        ("returnToFirm", "Renvoyer à l'entreprise", "Return to the firm"),
        ("history", "Historique", "History"),
        ("downloads", "Téléchargements", "Downloads"),
        ("yourResults", "Vos pistes de synergie", "Your synergy leads"),
        (
            "yourResultsHint",
            "Ce que vous pourriez donner, recevoir et partager, d'après le dernier calcul publié par votre animateur.",
            "What you could give, receive and share, from the last run your facilitator published."
        ),
        ("saveDraft", "Enregistrer le brouillon", "Save draft"),
        ("submit", "Transmettre à l'animateur", "Send to the facilitator"),
    ]

    static let french = Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.fr) })
    static let english = Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.en) })

    /// A period in words: `year` → `an`.
    static func period(_ period: String, _ language: Language) -> String {
        Period(rawValue: period)?.word(language) ?? period
    }

    static func status(_ status: String, _ language: Language) -> String {
        let labels: [String: (String, String)] = [
            "invited": ("invitée", "invited"), "opened": ("lien ouvert", "opened"), "draft": ("brouillon", "draft"),
            "submitted": ("soumis", "submitted"), "returned": ("renvoyé", "returned"),
            "accepted": ("accepté", "accepted"),
        ]
        guard let label = labels[status] else { return status }
        return language == .fr ? label.0 : label.1
    }
}
