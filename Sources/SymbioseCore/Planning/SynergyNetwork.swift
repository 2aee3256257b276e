/// The territory seen as a network: who feeds whom in a plan, chains, hubs, connected groups
/// of firms, and the firms with no synergy at all.
public struct SynergyNetwork: Sendable {
    /// Three firms A → B → C where what B releases feeds C and B receives from A: a cascade
    /// step. Longer chains are read by following steps that share two firms.
    public struct Chain: Sendable, Hashable {
        public var companies: [CompanyID]
        /// The two allocations, in order.
        public var links: [String]
        /// The resources of the two links.
        public var resources: [ResourceCode]
        /// The smaller net kg CO2e/year of the two links: what the chain is sure to be worth.
        public var netKg: Double
    }

    /// A firm with many links.
    public struct Hub: Sendable, Hashable {
        public var company: CompanyID
        public var name: String
        /// Distinct partners, through substitutions and pooling groups.
        public var partners: Int
        /// Allocations it supplies and receives, and pooling groups it is in.
        public var supplies: Int
        public var receives: Int
        public var pools: Int
        /// Net kg CO2e/year of the allocations it takes part in.
        public var netKg: Double
    }

    /// Firms linked together by the plan's exchanges, directly or not.
    public struct Component: Sendable, Hashable {
        public var companies: [CompanyID]
        public var links: Int
    }

    /// A firm no synergy involves.
    public struct Isolated: Sendable, Hashable {
        public var company: CompanyID
        public var name: String
        public var releases: Int
        public var needs: Int
    }

    /// The best chains, at most `chainLimit`.
    public var chains: [Chain]
    /// How many distinct chains there are.
    public var chainCount: Int
    public var hubs: [Hub]
    public var components: [Component]
    public var isolated: [Isolated]

    /// The most chains and hubs listed.
    public static let chainLimit = 50
    public static let hubLimit = 10

    /// Builds the network of a plan.
    ///
    /// - Parameters:
    ///   - plan: the allocation, whose substitutions are the directed links.
    ///   - synergies: every synergy found, to tell which firms have none.
    ///   - profiles: the firms that took part in matching.
    public init(plan: Plan, synergies: [Synergy], profiles: [Profile]) {
        let allocations = plan.optimal.allocations
        let edges = allocations.map { ($0.synergy.supplier.company, $0.synergy.receiver.company) }.filter { $0 != $1 }
        let chains = Self.chains(allocations)
        self.chainCount = chains.count
        self.chains = Array(chains.prefix(Self.chainLimit))
        self.hubs = Self.hubs(allocations, pools: plan.pools, profiles: profiles)
        self.components = Self.components(edges)
        // Firms with no synergy at all.
        var involved: Set<CompanyID> = []
        for synergy in synergies { involved.formUnion(synergy.companies) }
        self.isolated = profiles.filter { !involved.contains($0.company.id) }
            .map {
                Isolated(
                    company: $0.company.id, name: $0.company.name, releases: $0.outputs.count, needs: $0.inputs.count)
            }
            .sorted { $0.company < $1.company }
    }

    /// Every link into a firm followed by every link out of it to a third firm, the best per
    /// three firms, best first.
    static func chains(_ allocations: [Allocation]) -> [Chain] {
        var best: [[CompanyID]: Chain] = [:]
        var incoming: [CompanyID: [Allocation]] = [:]
        for allocation in allocations { incoming[allocation.synergy.receiver.company, default: []].append(allocation) }
        for outgoing in allocations {
            let middle = outgoing.synergy.supplier.company
            for entering in incoming[middle] ?? [] {
                let first = entering.synergy.supplier.company
                let last = outgoing.synergy.receiver.company
                guard first != middle, last != middle, first != last else { continue }
                let chain = Chain(
                    companies: [first, middle, last], links: [entering.synergy.id, outgoing.synergy.id],
                    resources: [entering.synergy.resource, outgoing.synergy.resource],
                    netKg: min(entering.impact.netKg ?? 0, outgoing.impact.netKg ?? 0))
                if let known = best[chain.companies],
                    known.netKg > chain.netKg
                        || (known.netKg == chain.netKg && known.links.lexicographicallyPrecedes(chain.links))
                {
                    continue
                }
                best[chain.companies] = chain
            }
        }
        return best.values.sorted { a, b in
            a.netKg != b.netKg ? a.netKg > b.netKg : a.companies.lexicographicallyPrecedes(b.companies)
        }
    }

    /// The firms with the most partners (through allocations and pools), then the most CO2e.
    static func hubs(_ allocations: [Allocation], pools: [PoolingGroup], profiles: [Profile]) -> [Hub] {
        let names = Dictionary(profiles.map { ($0.company.id, $0.company.name) }, uniquingKeysWith: { a, _ in a })
        var partners: [CompanyID: Set<CompanyID>] = [:]
        var supplies: [CompanyID: Int] = [:]
        var receives: [CompanyID: Int] = [:]
        var poolCounts: [CompanyID: Int] = [:]
        var netKg: [CompanyID: Double] = [:]
        for allocation in allocations {
            let from = allocation.synergy.supplier.company
            let to = allocation.synergy.receiver.company
            guard from != to else { continue }
            partners[from, default: []].insert(to)
            partners[to, default: []].insert(from)
            supplies[from, default: 0] += 1
            receives[to, default: 0] += 1
            let net = allocation.impact.netKg ?? 0
            netKg[from, default: 0] += net
            netKg[to, default: 0] += net
        }
        for group in pools {
            let members = Array(Set(group.members.map(\.reference.company) + group.offers.map(\.reference.company)))
                .sorted()
            for member in members {
                poolCounts[member, default: 0] += 1
                for other in members where other != member { partners[member, default: []].insert(other) }
            }
        }
        return partners.keys.map { company in
            Hub(
                company: company, name: names[company] ?? company.rawValue, partners: partners[company]?.count ?? 0,
                supplies: supplies[company] ?? 0, receives: receives[company] ?? 0, pools: poolCounts[company] ?? 0,
                netKg: netKg[company] ?? 0)
        }
        .sorted { a, b in
            if a.partners != b.partners { return a.partners > b.partners }
            if a.netKg != b.netKg { return a.netKg > b.netKg }
            return a.company < b.company
        }
        .prefix(Self.hubLimit).map { $0 }
    }

    /// The groups of firms linked by allocations, by union–find over firms, largest first.
    static func components(_ edges: [(CompanyID, CompanyID)]) -> [Component] {
        let firms = Array(Set(edges.flatMap { [$0.0, $0.1] })).sorted()
        let number = Dictionary(uniqueKeysWithValues: firms.enumerated().map { ($0.element, $0.offset) })
        var sets = DisjointSets(count: firms.count)
        for (a, b) in edges { sets.union(number[a]!, number[b]!) }
        var groups: [Int: [CompanyID]] = [:]
        var linkCounts: [Int: Int] = [:]
        for (offset, firm) in firms.enumerated() { groups[sets.find(offset), default: []].append(firm) }
        for (a, _) in edges { linkCounts[sets.find(number[a]!), default: 0] += 1 }
        return groups.map { root, members in
            Component(companies: members.sorted(), links: linkCounts[root] ?? 0)
        }
        .sorted { a, b in
            a.companies.count != b.companies.count
                ? a.companies.count > b.companies.count : a.companies[0] < b.companies[0]
        }
    }
}
