extension TaxonomyFile {
    /// A typical temperature range, `{"low": 100, "high": 250}` in °C, low at most high.
    static func decodeTemperature(_ object: JSONObject) -> ClosedRange<Double>? {
        guard let node = object.member("temperature")?.value,
            let range = JSONObject(node, path: object.path.appending("temperature"), collector: object.collector)
        else { return nil }
        range.rejectUnknownMembers(allowed: ["low", "high"])
        guard let low = range.number("low", required: true), let high = range.number("high", required: true) else {
            return nil
        }
        guard low <= high, low >= -273.15 else {
            object.collector.error(
                .taxonomyInvalid,
                LocalizedText(
                    en: "temperature low must be at most high, and above absolute zero",
                    fr: "temperature low doit être au plus high, et au-dessus du zéro absolu"),
                path: range.path, at: node.position)
            return nil
        }
        return low...high
    }

    /// What the resource can replace.
    static func decodeLinks(_ object: JSONObject) -> [SubstitutionLink] {
        let collector = object.collector
        var links: [SubstitutionLink] = []
        for (node, path) in object.array("substitutes") ?? [] {
            guard let link = JSONObject(node, path: path, collector: collector) else { continue }
            link.rejectUnknownMembers(allowed: ["target", "factor", "rationale"])
            let target = link.string("target", required: true).map { ResourceCode($0) }
            let factor = link.number("factor", required: true)
            if let factor, !(factor > 0 && factor <= 1) {
                collector.error(
                    .taxonomyInvalid,
                    LocalizedText(
                        en: "factor must be greater than 0 and at most 1",
                        fr: "le facteur doit être supérieur à 0 et au plus 1"),
                    path: path.appending("factor"), at: link.member("factor")?.value.position)
            }
            let rationale = link.object("rationale", required: true).flatMap(localized)
            if let target, let factor, let rationale {
                links.append(SubstitutionLink(target: target, factor: factor, rationale: rationale))
            }
        }
        return links
    }

    /// Conversions to other dimensions.
    static func decodeEquivalents(_ object: JSONObject) -> [DimensionEquivalent] {
        let collector = object.collector
        var equivalents: [DimensionEquivalent] = []
        for (node, path) in object.array("equivalents") ?? [] {
            guard let equivalent = JSONObject(node, path: path, collector: collector) else { continue }
            equivalent.rejectUnknownMembers(allowed: ["from", "factor", "rationale", "assumed", "methaneShare"])
            let from = equivalent.enumeration("from", as: PhysicalDimension.self, required: true)
            let factor = equivalent.number("factor", required: true)
            if let factor, factor <= 0 {
                collector.error(
                    .taxonomyInvalid, LocalizedText(en: "factor must be positive", fr: "le facteur doit être positif"),
                    path: path.appending("factor"),
                    at: equivalent.member("factor")?.value.position)
            }
            let rationale = equivalent.string("rationale", required: true)
            if let from, let factor, let rationale {
                var declared = DimensionEquivalent(from: from, factor: factor, rationale: rationale)
                declared.assumed = equivalent.bool("assumed") ?? false
                declared.methaneShare = equivalent.number("methaneShare")
                equivalents.append(declared)
            }
        }
        return equivalents
    }

    /// The quantity above which pooling is usually worthwhile.
    static func decodePooling(_ object: JSONObject) -> PoolingThreshold? {
        let collector = object.collector
        var pooling: PoolingThreshold?
        if let threshold = object.object("pooling") {
            threshold.rejectUnknownMembers(allowed: ["threshold", "rationale", "source"])
            let value = threshold.number("threshold", required: true)
            if let value, value <= 0 {
                collector.error(
                    .taxonomyInvalid,
                    LocalizedText(
                        en: "a pooling threshold must be positive", fr: "un seuil de mutualisation doit être positif"),
                    path: threshold.path.appending("threshold"), at: threshold.member("threshold")?.value.position)
            }
            let rationale = threshold.object("rationale", required: true).flatMap(localized)
            let source = threshold.string("source", required: true)
            if let value, let rationale, let source {
                pooling = PoolingThreshold(value: value, rationale: rationale, source: source)
            }
        }
        return pooling
    }
}
