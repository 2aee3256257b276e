import Foundation

/// Generates a synthetic territory that looks like real data, the same for the same seed.
///
/// Sites cluster around towns whose sizes follow a rank–size (Zipf) law, inside a square whose
/// area grows with the number of sites (a fixed density, 8 km² per site by default). Each site
/// gets a sector drawn from ``SectorArchetype/all`` by weight, a lognormal headcount, and its
/// sector's flows, with quantities from per-employee intensities. Some data is deliberately
/// imperfect, as in real surveys: about 5 % of flows have no quantity, 15 % are estimated, 1 % of
/// sites have no coordinates, and 2 % of material releases are one-off.
///
/// - Complexity: O(*n*) for *n* sites.
public struct TerritoryGenerator: Sendable {
    public var sites: Int
    public var seed: UInt64
    public var squareKmPerSite: Double = 8
    /// The south-west corner of the territory.
    public var origin = GeoPoint(latitude: 48.5, longitude: 2.5)

    public init(sites: Int, seed: UInt64 = 1) {
        self.sites = sites
        self.seed = seed
    }

    public struct Town: Sendable {
        public var name: String
        public var centre: GeoPoint
        public var weight: Double
        /// The spread of its sites around the centre, in km.
        public var sigmaKm: Double
    }

    /// The towns sites are drawn around: one per 40 sites, sizes by rank.
    public func towns(_ random: inout SeededRandom) -> [Town] {
        let count = max(1, sites / 40)
        let side = sqrt(Double(sites) * squareKmPerSite)
        return (0..<count).map { rank in
            let weight = 1 / Double(rank + 1)
            let centre = offset(origin, northKm: random.unit() * side, eastKm: random.unit() * side)
            return Town(name: "Commune \(rank + 1)", centre: centre, weight: weight, sigmaKm: 1.5 + 4 * sqrt(weight))
        }
    }

    private func offset(_ point: GeoPoint, northKm: Double, eastKm: Double) -> GeoPoint {
        let kmPerDegree = GeoPoint.earthRadiusKm * .pi / 180
        return GeoPoint(
            latitude: point.latitude + northKm / kmPerDegree,
            longitude: point.longitude + eastKm / (kmPerDegree * cos(point.latitude * .pi / 180)))
    }

    private static func rounded(_ value: Double, significant digits: Int = 3) -> Double {
        guard value > 0 else { return 0 }
        let scale = pow(10, Double(digits) - log10(value).rounded(.up))
        return (value * scale).rounded() / scale
    }

    public func generate() -> [Profile] {
        var random = SeededRandom(seed: seed)
        let towns = towns(&random)
        let townWeights = towns.map(\.weight)
        let sectors = SectorArchetype.all
        let sectorWeights = sectors.map(\.weight)
        var profiles: [Profile] = []
        profiles.reserveCapacity(sites)
        for index in 0..<sites {
            let town = towns[random.weighted(townWeights)]
            let sector = sectors[random.weighted(sectorWeights)]
            let employees = max(1, Int((sector.employees * exp(0.6 * random.normal())).rounded()))
            var site = Site(commune: town.name, postcode: String(format: "%05d", 2000 + (index % 900)), zone: nil)
            if random.unit() >= 0.01 {
                let point = offset(
                    town.centre, northKm: random.normal() * town.sigmaKm, eastKm: random.normal() * town.sigmaKm)
                site.latitude = (point.latitude * 100_000).rounded() / 100_000
                site.longitude = (point.longitude * 100_000).rounded() / 100_000
            }
            let id = String(format: "site-%06d", index + 1)
            var outputs: [Flow] = []
            var inputs: [Flow] = []
            for (number, template) in sector.flows.enumerated() where random.unit() < template.probability {
                let value = Self.rounded(template.perEmployee * Double(employees) * exp(0.3 * random.normal()))
                var flow = Flow(
                    id: FlowID(
                        template.resource.split(separator: ".").last.map(String.init).map { "\($0)-\(number + 1)" }
                            ?? "flow-\(number + 1)"),
                    direction: template.direction, resource: ResourceCode(template.resource),
                    quantity: Quantity(value: max(value, 0.001), unit: template.unit),
                    quality: FlowQuality(temperature: template.temperature, medium: template.medium),
                    availability: template.months.map { .seasonal(months: $0) } ?? .continuous,
                    status: template.direction == .output ? template.status : nil)
                if template.direction == .output, template.resource.hasPrefix("material."), template.months == nil,
                    random.unit() < 0.02
                {
                    flow.availability = .oneOff(year: 2027, month: random.int(1...12))
                    flow.quantity?.period = .once
                }
                if random.unit() < 0.05 { flow.quantity = nil }
                if random.unit() < 0.15 { flow.confidence = .estimated }
                if template.direction == .output { outputs.append(flow) } else { inputs.append(flow) }
            }
            profiles.append(
                Profile(
                    company: Company(
                        id: CompanyID(id), name: "\(sector.label.capitalized) \(index + 1)", naf: sector.naf,
                        employees: employees),
                    site: site, outputs: outputs, inputs: inputs))
        }
        return profiles
    }
}
