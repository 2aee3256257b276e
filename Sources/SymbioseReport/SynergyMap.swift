import SymbioseCore

/// The report's map on its own, for a page that lists some of a run's synergies.
public enum SynergyMap {
    /// The map section (map, legend and notes) of the synergies of `report` whose id is in
    /// `ids`, each numbered by its rank in `report.synergies`, as in the report's tables.
    public static func section(_ report: RunReport, keeping ids: Set<String>) -> String {
        let drawn = report.synergies.enumerated().filter { ids.contains($0.element.id) }.map {
            (rank: $0.offset + 1, synergy: $0.element)
        }
        return HTMLReport(report).mapSection(drawn)
    }
}

extension HTMLReport {
    /// The map of `drawn` (every synergy by default), each numbered by its rank in the tables.
    func mapSection(_ drawn: [(rank: Int, synergy: Synergy)]? = nil) -> String {
        let drawn = drawn ?? result.synergies.enumerated().map { ($0.offset + 1, $0.element) }
        let map = ReportMap(
            profiles: profiles, synergies: drawn.map(\.synergy), ranks: drawn.map(\.rank), presentation: presentation,
            maximumLines: mapLines
        ).render()
        let missing = profiles.filter { $0.site.point == nil }.map {
            presentation.name(id: $0.company.id, name: $0.company.name)
        }.sorted()
        var legend = "<div class=\"legend\"><div><strong>\(e(t(en: "Activities", fr: "Activités")))</strong> "
        let sectors = Set(profiles.map { ReportText.sector($0.company.naf) }).sorted()
        for group in sectors {
            legend +=
                "<span>\(Self.swatch(dot: ReportText.sectorColours[group]))\(e(t.sectorName(group)))</span> "
        }
        legend += "</div><div><strong>\(e(t(en: "Substitutions", fr: "Substitutions")))</strong> "
        for category in Set(drawn.map(\.synergy.category)).sorted() {
            legend +=
                "<span>\(Self.swatch(line: ReportText.categoryColour(category)))\(e(t.category(category)))</span> "
        }
        legend +=
            "<span>\(e(t(en: "width: volume; number: rank in the table; P: pooling group", fr: "épaisseur : volume ; numéro : rang dans le tableau ; P : groupe de mutualisation")))</span></div></div>"
        var notes = ""
        if map.drawnLines < map.totalLines {
            notes +=
                "<p class=\"note\">\(e(t(en: "Only the best \(map.drawnLines) of \(map.totalLines) substitutions are drawn.", fr: "Seules les \(map.drawnLines) meilleures des \(map.totalLines) substitutions sont tracées.")))</p>"
        }
        if !missing.isEmpty {
            notes +=
                "<p class=\"note\">\(e(t(en: "Without coordinates, not on the map: ", fr: "Sans coordonnées, absents de la carte : ")))\(e(missing.joined(separator: ", "))).</p>"
        }
        var inset = ""
        if !map.insetSVG.isEmpty {
            inset =
                "<h3>\(e(t(en: "Inset: the \(map.insetFirms) firms of the dense core, framed on the map", fr: "Encart : les \(map.insetFirms) entreprises du cœur dense, encadré sur la carte")))</h3><div class=\"inset\">\(map.insetSVG)</div>"
        }
        return
            "<section class=\"map-section\"><h2>\(e(t(en: "Map", fr: "Carte")))</h2>\(map.svg)\(legend)\(notes)\(inset)</section>"
    }

    /// A legend's colour key, drawn rather than styled so that it shows under a strict
    /// content security policy too.
    static func swatch(dot colour: String) -> String {
        "<svg class=\"key\" viewBox=\"0 0 10 10\" width=\"10\" height=\"10\" aria-hidden=\"true\"><circle cx=\"5\" cy=\"5\" r=\"5\" fill=\"\(colour)\"/></svg>"
    }

    static func swatch(line colour: String) -> String {
        "<svg class=\"key\" viewBox=\"0 0 18 4\" width=\"18\" height=\"4\" aria-hidden=\"true\"><rect width=\"18\" height=\"4\" fill=\"\(colour)\"/></svg>"
    }
}
