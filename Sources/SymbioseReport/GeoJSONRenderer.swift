import SymbioseCore

/// Synergies and firms as an RFC 7946 GeoJSON `FeatureCollection`, for QGIS and uMap.
///
/// Firms are `Point`s (a firm without coordinates is a feature with a `null` geometry, never
/// dropped), substitutions `LineString`s from supplier to receiver, pooling groups `Polygon`s
/// around their members (the convex hull, exterior ring counterclockwise as RFC 7946 asks) or
/// `MultiPoint`s when the members are fewer than three or aligned. Positions are
/// `[longitude, latitude]`. Properties are documented in `Docs/reports.md`.
public enum GeoJSONRenderer {
    public static func render(
        _ synergies: [Synergy], profiles: [Profile], taxonomy: Taxonomy, presentation: Presentation
    ) -> String {
        let writer = ReasonWriter(taxonomy: taxonomy, language: presentation.language)
        let points = Dictionary(
            profiles.map { ($0.company.id, $0.site.point) }, uniquingKeysWith: { first, _ in first })
        var linked: [CompanyID: Int] = [:]
        for synergy in synergies { for company in Set(synergy.companies) { linked[company, default: 0] += 1 } }
        var features = profiles.sorted(by: { $0.company.id < $1.company.id }).map { profile in
            firmFeature(profile, synergies: linked[profile.company.id] ?? 0, presentation: presentation)
        }
        for (offset, synergy) in synergies.enumerated() {
            var properties: [(String, JSONOutput)] = [
                ("kind", .string(synergy.kind.rawValue)), ("id", .string(anonymizedId(synergy, presentation))),
                ("rank", .integer(offset + 1)), ("score", .number(RecommendationsJSON.round4(synergy.score))),
                ("category", .string(synergy.category.rawValue)), ("resource", .string(synergy.resource)),
            ]
            let geometry: JSONOutput?
            switch synergy {
            case .substitution(let s):
                properties += substitutionProperties(s, presentation: presentation)
                geometry = (points[s.supplier.company] ?? nil).flatMap { from in
                    (points[s.receiver.company] ?? nil).map { to in
                        .object([
                            ("type", .string("LineString")),
                            ("coordinates", .array([position(from, presentation), position(to, presentation)])),
                        ])
                    }
                }
            case .pooling(let p):
                properties += poolingProperties(p, presentation: presentation)
                geometry = groupGeometry(p.members.compactMap { points[$0.reference.company] ?? nil }, presentation)
            }
            properties.append(("flags", .string(synergy.flags.map(\.rawValue).joined(separator: " "))))
            properties.append(("reason", .string(presentation.anonymize ? "" : writer.reason(synergy))))
            features.append(feature(geometry: geometry, properties: properties))
        }
        return JSONOutput.object([("type", .string("FeatureCollection")), ("features", .array(features))]).rendered()
    }

    /// A firm as a point (a `null` geometry without coordinates), with how many synergies it is in.
    private static func firmFeature(_ profile: Profile, synergies: Int, presentation: Presentation) -> JSONOutput {
        let company = profile.company
        var properties: [(String, JSONOutput)] = [
            ("kind", .string("firm")), ("id", .string(presentation.id(company.id))),
            ("name", .string(presentation.name(id: company.id, name: company.name))),
        ]
        if let naf = company.naf { properties.append(("naf", .string(naf))) }
        if !presentation.anonymize {
            if let commune = profile.site.commune { properties.append(("commune", .string(commune))) }
            if let employees = company.employees { properties.append(("employees", .integer(employees))) }
        }
        properties.append(("outputs", .integer(profile.outputs.count)))
        properties.append(("inputs", .integer(profile.inputs.count)))
        properties.append(("synergies", .integer(synergies)))
        return feature(geometry: profile.site.point.map { point($0, presentation) }, properties: properties)
    }

    private static func substitutionProperties(
        _ s: SubstitutionSynergy, presentation: Presentation
    ) -> [(String, JSONOutput)] {
        [
            ("needResource", .string(s.needResource)),
            ("supplier", .string(presentation.id(s.supplier.company))),
            ("supplierName", .string(presentation.name(s.supplier))),
            ("receiver", .string(presentation.id(s.receiver.company))),
            ("receiverName", .string(presentation.name(s.receiver))),
            ("distanceKm", s.distanceKm.map { .number(RecommendationsJSON.rounded($0, places: 2)) } ?? .null),
        ] + quantity(s.quantity, confidential: s.flags.contains(.confidential), presentation)
    }

    private static func poolingProperties(_ p: PoolingGroup, presentation: Presentation) -> [(String, JSONOutput)] {
        [
            ("mode", .string(p.mode.rawValue)),
            ("members", .array(p.members.map { .string(presentation.id($0.reference.company)) })),
            ("memberNames", .string(p.members.map { presentation.name($0.reference) }.joined(separator: ", "))),
            ("spreadKm", .number(RecommendationsJSON.rounded(p.spreadKm, places: 2))),
        ] + quantity(p.total, confidential: p.flags.contains(.confidential), presentation)
    }

    static func anonymizedId(_ synergy: Synergy, _ presentation: Presentation) -> String {
        guard presentation.anonymize else { return synergy.id }
        switch synergy {
        case .substitution(let s):
            return "\(presentation.id(s.supplier.company))>\(presentation.id(s.receiver.company))"
        case .pooling(let p):
            return "pool.\(p.mode.rawValue).\(p.resource).\(presentation.id(p.members.first?.reference.company ?? ""))"
        }
    }

    private static func quantity(_ amount: Amount?, confidential: Bool, _ presentation: Presentation) -> [(
        String, JSONOutput
    )] {
        guard let amount else { return [("quantity", .null)] }
        var result: [(String, JSONOutput)] = []
        if presentation.bands(confidential: confidential) {
            let (lower, upper) = Presentation.band(amount.value)
            result = [("quantityMin", .number(lower)), ("quantityMax", .number(upper))]
        } else {
            result = [("quantity", .number(RecommendationsJSON.rounded(amount.value, places: 3)))]
        }
        return result + [("unit", .string(amount.unit.rawValue)), ("per", .string(amount.period.rawValue))]
    }

    private static func feature(geometry: JSONOutput?, properties: [(String, JSONOutput)]) -> JSONOutput {
        .object([("type", .string("Feature")), ("geometry", geometry ?? .null), ("properties", .object(properties))])
    }

    static func position(_ point: GeoPoint, _ presentation: Presentation) -> JSONOutput {
        .array([.number(presentation.coordinate(point.longitude)), .number(presentation.coordinate(point.latitude))])
    }

    private static func point(_ point: GeoPoint, _ presentation: Presentation) -> JSONOutput {
        .object([("type", .string("Point")), ("coordinates", position(point, presentation))])
    }

    /// The convex hull of the members as a counterclockwise closed ring, or a MultiPoint when the
    /// hull has no area (fewer than three distinct points, or all aligned).
    static func groupGeometry(_ points: [GeoPoint], _ presentation: Presentation) -> JSONOutput? {
        guard !points.isEmpty else { return nil }
        let hull = ConvexHull.of(
            points.map { (x: presentation.coordinate($0.longitude), y: presentation.coordinate($0.latitude)) })
        var area = 0.0
        for i in hull.indices {
            area += hull[i].x * hull[(i + 1) % hull.count].y - hull[(i + 1) % hull.count].x * hull[i].y
        }
        if hull.count >= 3 && area > 1e-12 {
            let ring = (hull + [hull[0]]).map { JSONOutput.array([.number($0.x), .number($0.y)]) }
            return .object([("type", .string("Polygon")), ("coordinates", .array([.array(ring)]))])
        }
        return .object([
            ("type", .string("MultiPoint")), ("coordinates", .array(points.map { position($0, presentation) })),
        ])
    }
}

/// Andrew's monotone chain: the convex hull of planar points, counterclockwise, without
/// collinear points.
enum ConvexHull {
    static func of(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        let sorted = points.sorted { ($0.x, $0.y) < ($1.x, $1.y) }
        var unique: [(x: Double, y: Double)] = []
        for point in sorted where unique.last.map({ $0.x != point.x || $0.y != point.y }) ?? true {
            unique.append(point)
        }
        guard unique.count >= 3 else { return unique }
        func cross(_ o: (x: Double, y: Double), _ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Double {
            (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
        }
        var lower: [(x: Double, y: Double)] = []
        for point in unique {
            while lower.count >= 2 && cross(lower[lower.count - 2], lower[lower.count - 1], point) <= 0 {
                lower.removeLast()
            }
            lower.append(point)
        }
        var upper: [(x: Double, y: Double)] = []
        for point in unique.reversed() {
            while upper.count >= 2 && cross(upper[upper.count - 2], upper[upper.count - 1], point) <= 0 {
                upper.removeLast()
            }
            upper.append(point)
        }
        return Array(lower.dropLast() + upper.dropLast())
    }
}

extension GeoJSONRenderer: ReportRenderer {
    public static func write(_ report: RunReport, to emit: (String) throws -> Void) throws {
        try emit(
            render(
                report.synergies, profiles: report.profiles, taxonomy: report.taxonomy,
                presentation: report.presentation))
    }
}
