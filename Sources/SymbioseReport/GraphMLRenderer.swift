import SymbioseCore

/// Firms and synergies as GraphML, for Gephi, yEd or networkx.
///
/// Firms are nodes (`kind` = `firm`, with name, NAF code, coordinates, commune); pooling groups
/// are nodes too (`kind` = `pool`) linked to their members by `pool-member` edges; each
/// substitution is a directed edge from supplier to receiver with its score, resource,
/// quantity and distance. Attributes are declared with GraphML keys and types.
public enum GraphMLRenderer {
    private static let nodeKeys: [(String, String)] = [
        ("kind", "string"), ("name", "string"), ("naf", "string"), ("commune", "string"), ("lat", "double"),
        ("lon", "double"), ("mode", "string"), ("resource", "string"), ("score", "double"), ("total", "double"),
        ("unit", "string"),
    ]
    private static let edgeKeys: [(String, String)] = [
        ("kind", "string"), ("rank", "int"), ("score", "double"), ("resource", "string"), ("needResource", "string"),
        ("category", "string"), ("quantity", "double"), ("quantityMin", "double"), ("quantityMax", "double"),
        ("unit", "string"), ("per", "string"), ("distanceKm", "double"), ("flags", "string"),
    ]

    public static func render(_ synergies: [Synergy], profiles: [Profile], presentation: Presentation) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">",
        ]
        for (name, type) in nodeKeys {
            lines.append("  <key id=\"n_\(name)\" for=\"node\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>")
        }
        for (name, type) in edgeKeys {
            lines.append("  <key id=\"e_\(name)\" for=\"edge\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>")
        }
        lines.append("  <graph id=\"symbiose\" edgedefault=\"directed\">")
        for profile in profiles.sorted(by: { $0.company.id < $1.company.id }) {
            lines.append(firmNode(profile, presentation: presentation))
        }
        var edgeNumber = 0
        for (offset, synergy) in synergies.enumerated() {
            switch synergy {
            case .substitution(let s):
                edgeNumber += 1
                lines.append(substitutionEdge(s, number: edgeNumber, rank: offset + 1, presentation: presentation))
            case .pooling(let p):
                lines += poolLines(
                    p, node: attribute(GeoJSONRenderer.anonymizedId(synergy, presentation)), rank: offset + 1,
                    edgeNumber: &edgeNumber, presentation: presentation)
            }
        }
        lines.append("  </graph>")
        lines.append("</graphml>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func data(_ key: String, _ value: String) -> String {
        "<data key=\"\(key)\">\(MarkupEscaping.escape(value, attribute: false))</data>"
    }

    private static func number(_ value: Double) -> String { JSONOutput.format(value) }

    /// A firm: name, NAF code, commune and coordinates, as the presentation allows.
    private static func firmNode(_ profile: Profile, presentation: Presentation) -> String {
        let company = profile.company
        var fields = [
            data("n_kind", "firm"), data("n_name", presentation.name(id: company.id, name: company.name)),
        ]
        if let naf = company.naf { fields.append(data("n_naf", naf)) }
        if !presentation.anonymize, let commune = profile.site.commune { fields.append(data("n_commune", commune)) }
        if let point = profile.site.point {
            fields.append(data("n_lat", number(presentation.coordinate(point.latitude))))
            fields.append(data("n_lon", number(presentation.coordinate(point.longitude))))
        }
        return "    <node id=\"\(attribute(presentation.id(company.id)))\">" + fields.joined() + "</node>"
    }

    /// A substitution: a directed edge from supplier to receiver.
    private static func substitutionEdge(
        _ s: SubstitutionSynergy, number edgeNumber: Int, rank: Int, presentation: Presentation
    ) -> String {
        var fields = [
            data("e_kind", "substitution"), data("e_rank", String(rank)),
            data("e_score", number(RecommendationsJSON.round4(s.score))),
            data("e_resource", presentation.resource(s.resource).rawValue),
            data("e_needResource", presentation.resource(s.needResource).rawValue),
            data("e_category", s.category.rawValue),
        ]
        if let quantity = s.quantity {
            if presentation.bands(confidential: s.flags.contains(.confidential)) {
                let (lower, upper) = Presentation.band(quantity.value)
                fields += [data("e_quantityMin", number(lower)), data("e_quantityMax", number(upper))]
            } else {
                fields.append(data("e_quantity", number(RecommendationsJSON.rounded(quantity.value, places: 3))))
            }
            fields += [data("e_unit", quantity.unit.rawValue), data("e_per", quantity.period.rawValue)]
        }
        if let distance = s.distanceKm {
            fields.append(data("e_distanceKm", number(RecommendationsJSON.rounded(distance, places: 2))))
        }
        fields.append(data("e_flags", s.flags.map(\.rawValue).joined(separator: " ")))
        return
            "    <edge id=\"e\(edgeNumber)\" source=\"\(attribute(presentation.id(s.supplier.company)))\" target=\"\(attribute(presentation.id(s.receiver.company)))\">"
            + fields.joined() + "</edge>"
    }

    /// A pooling group: a node, and an edge from each member to it.
    private static func poolLines(
        _ p: PoolingGroup, node: String, rank: Int, edgeNumber: inout Int, presentation: Presentation
    ) -> [String] {
        var fields = [
            data("n_kind", "pool"), data("n_mode", p.mode.rawValue),
            data("n_resource", presentation.resource(p.resource).rawValue),
            data("n_score", number(RecommendationsJSON.round4(p.score))),
            data("n_lat", number(presentation.coordinate(p.centre.latitude))),
            data("n_lon", number(presentation.coordinate(p.centre.longitude))),
        ]
        if let total = p.total, !presentation.bands(confidential: p.flags.contains(.confidential)) {
            fields += [
                data("n_total", number(RecommendationsJSON.rounded(total.value, places: 3))),
                data("n_unit", total.unit.rawValue),
            ]
        }
        var lines = ["    <node id=\"\(node)\">" + fields.joined() + "</node>"]
        for member in p.members {
            edgeNumber += 1
            lines.append(
                "    <edge id=\"e\(edgeNumber)\" source=\"\(attribute(presentation.id(member.reference.company)))\" target=\"\(node)\">"
                    + data("e_kind", "pool-member") + data("e_rank", String(rank))
                    + data("e_resource", presentation.resource(p.resource).rawValue) + "</edge>")
        }
        return lines
    }

    private static func attribute(_ value: String) -> String { MarkupEscaping.escape(value, attribute: true) }
}

extension GraphMLRenderer: ReportRenderer {
    public static func write(_ report: RunReport, to emit: (String) throws -> Void) throws {
        try emit(render(report.synergies, profiles: report.profiles, presentation: report.presentation))
    }
}
