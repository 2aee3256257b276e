import Foundation
import SymbioseCore
import SymbioseFollowUp
import SymbioseFormats
import Testing

/// A lead of Acme's cullet for Bolt, opened on 1 March 2026.
func cullet(at day: Int = 1) -> Lead {
    Lead(
        kind: .substitution, resource: "material.glass.cullet", title: "Calcin Acme → Bolt",
        parties: [
            Lead.Party(
                company: "acme", name: "Acme", role: .supplier, flow: "cullet",
                flowPrint: "material.glass.cullet output 800 t/year"),
            Lead.Party(
                company: "bolt", name: "Bolt", role: .receiver, flow: "cullet",
                flowPrint: "material.glass.cullet input 1200 t/year"),
        ], facilitator: "anne@cci.test", origin: Lead.Origin(kind: .run, run: 4, synergy: "s-1"),
        created: LeadChange(status: .detected, at: march(day), author: "anne@cci.test"))
}

func march(_ day: Int) -> Date {
    Date(timeIntervalSince1970: 1_772_323_200 + Double(day - 1) * 86_400)  // 2026-03-01T00:00:00Z
}

@Suite struct LeadStatusMachineTests {
    @Test func aLeadMovesForwardSignedAndDatedAndClosedLeadsMoveNoMore() throws {
        var lead = cullet()
        try lead.apply(.init(status: .contacted, at: march(3), author: "anne@cci.test", note: "Appel à Bolt"))
        try lead.apply(.init(status: .negotiating, at: march(10), author: "anne@cci.test"))  // a skipped stage
        #expect(lead.status == .negotiating)
        #expect(lead.history.map(\.status) == [.detected, .contacted, .negotiating])
        #expect(throws: LeadProblem.self) {
            try lead.apply(.init(status: .studying, at: march(11), author: "anne@cci.test"))  // backwards
        }
        try lead.apply(.init(status: .abandoned, at: march(12), author: "anne@cci.test", reason: .economic))
        #expect(lead.history.last?.reason == .economic)
        #expect(throws: LeadProblem.self) {
            try lead.apply(.init(status: .negotiating, at: march(13), author: "anne@cci.test"))
        }
    }

    @Test func noChangeWithoutItsAuthorOrDateOrInTheWrongOrder() {
        var lead = cullet(at: 5)
        let before = lead
        #expect(throws: LeadProblem.self) { try lead.apply(.init(status: .contacted, at: march(6), author: "  ")) }
        #expect(throws: LeadProblem.self) { try lead.apply(.init(status: .contacted, at: nil, author: "anne")) }
        #expect(throws: LeadProblem.self) { try lead.apply(.init(status: .contacted, at: march(4), author: "anne")) }
        #expect(lead == before)
    }

    @Test func anAbandonmentNeedsItsReasonAndOtherNeedsWords() throws {
        var lead = cullet()
        #expect(throws: LeadProblem.self) { try lead.apply(.init(status: .abandoned, at: march(2), author: "a")) }
        #expect(throws: LeadProblem.self) {
            try lead.apply(.init(status: .abandoned, at: march(2), author: "a", reason: .other))
        }
        try lead.apply(
            .init(status: .abandoned, at: march(2), author: "a", note: "Fermeture du site", reason: .other))
        #expect(lead.status == .abandoned)
    }

    @Test func noRealisedLeadWithoutAQuantityAndAStartDate() throws {
        var lead = cullet()
        let move = { (realisation: Lead.Realisation?) in
            Lead.Move(status: .realised, at: march(20), author: "anne@cci.test", realisation: realisation)
        }
        #expect(throws: LeadProblem.self) { try lead.apply(move(nil)) }
        #expect(throws: LeadProblem.self) {
            try lead.apply(move(.init(value: 0, unit: "t", per: "year", start: "2026-04-01")))
        }
        #expect(throws: LeadProblem.self) {
            try lead.apply(move(.init(value: 300, unit: "t", per: "year", start: "2026-02-30")))
        }
        #expect(throws: LeadProblem.self) {
            try lead.apply(move(.init(value: 2, unit: "MW", per: "year", start: "2026-04-01")))
        }
        #expect(lead.status == .detected && lead.realised == nil)
        try lead.apply(move(.init(value: 25, unit: "t", per: "month", start: "2026-04-01", co2eKgPerYear: 9_000)))
        #expect(lead.status == .realised)
        #expect(lead.realised?.yearly?.value == 300 && lead.realised?.yearly?.unit == "t")
    }

    @Test func theDocumentReadsBackTheSame() throws {
        var lead = cullet()
        lead.parties[0].contact = Lead.Contact(name: "M. Martin", email: "m@acme.test")
        lead.nextAction = "Envoyer l'analyse du calcin"
        lead.due = "2026-03-15"
        try lead.apply(.init(status: .contacted, at: march(3), author: "anne@cci.test"))
        let back = try Lead(json: lead.json)
        #expect(back == lead)
        #expect(lead.json == back.json)
        #expect(lead.json.contains("\"schema\" : \"symbiose/lead@1\""))
        #expect(lead.isOverdue(today: "2026-03-16") && !lead.isOverdue(today: "2026-03-15"))
        #expect(throws: (any Error).self) { try Lead(json: "{\"schema\": \"other\"}") }
    }
}

@Suite struct LeadFlowTests {
    static func profile(_ id: String, _ json: String) -> Profile {
        let text = """
            {"schema": "symbiose/profile@1", "company": {"id": "\(id)", "name": "\(id)"}, "site": {"lat": 49.4, "lon": 3.3},
             \(json)}
            """
        return ProfileJSON.decode(Array(text.utf8), file: id).profiles[0].profile
    }

    @Test func aLeadSaysWhenAFlowItReliesOnChangedOrDisappeared() {
        let lead = cullet()
        let acme = Self.profile(
            "acme",
            #""outputs": [{"id": "cullet", "resource": "material.glass.cullet", "quantity": {"value": 800, "unit": "t", "per": "year"}}]"#
        )
        let bolt = Self.profile(
            "bolt",
            #""inputs": [{"id": "cullet", "resource": "material.glass.cullet", "quantity": {"value": 1200, "unit": "t", "per": "year"}}]"#
        )
        #expect(lead.check(against: [acme, bolt]).map(\.state) == [.unchanged, .unchanged])
        let smaller = Self.profile(
            "bolt",
            #""inputs": [{"id": "cullet", "resource": "material.glass.cullet", "quantity": {"value": 400, "unit": "t", "per": "year"}}]"#
        )
        let checks = lead.check(against: [acme, smaller])
        #expect(
            checks[1].state
                == .changed(
                    was: "material.glass.cullet input 1200 t/year", now: "material.glass.cullet input 400 t/year"))
        #expect(checks[1].text.fr.contains("a changé"))
        let none = Self.profile("acme", #""outputs": []"#)
        #expect(lead.check(against: [none]).map(\.state) == [.gone, .firmGone])
    }
}

@Suite struct TablePlanTests {
    @Test func firmsWithTheMostSynergiesBetweenThemShareATable() {
        // Two clusters of three firms, each linked within, one weak link across.
        let synergies = [
            ["a", "b"], ["a", "b"], ["b", "c"], ["a", "c"],
            ["x", "y"], ["y", "z"], ["x", "z"], ["x", "z"],
            ["c", "x"],
        ]
        let affinity = TablePlan.affinity(synergies)
        #expect(affinity["a"]?["b"] == 2 && affinity["b"]?["a"] == 2)
        let firms = ["a", "x", "b", "y", "c", "z"]  // interleaved on purpose
        let plan = TablePlan.seat(firms, tables: 2, affinity: affinity)
        #expect(Set(plan.map { Set($0) }) == [Set(["a", "b", "c"]), Set(["x", "y", "z"])])
        #expect(TablePlan.worth(plan, affinity: affinity) == 8)
        // Same input, same plan; sizes as even as possible.
        #expect(TablePlan.seat(firms, tables: 2, affinity: affinity) == plan)
        #expect(TablePlan.seat(firms + ["lone"], tables: 3, affinity: affinity).map(\.count).sorted() == [2, 2, 3])
    }

    @Test func localSearchNeverEndsBelowTheGreedyPlanAndBeatsARoundRobin() {
        // A ring of 12 firms, each linked to its two neighbours: tables of 4 consecutive firms
        // hold 3 links each.
        let firms = (0..<12).map { "f\($0)" }
        let ring = (0..<12).map { ["f\($0)", "f\(($0 + 1) % 12)"] }
        let affinity = TablePlan.affinity(ring)
        let plan = TablePlan.seat(firms, tables: 3, affinity: affinity)
        let roundRobin = (0..<3).map { table in firms.indices.filter { $0 % 3 == table }.map { firms[$0] } }
        #expect(TablePlan.worth(roundRobin, affinity: affinity) == 0)
        #expect(TablePlan.worth(plan, affinity: affinity) == 9)
    }
}

@Suite struct FunnelTests {
    /// A territory with a known history: 5 firms invited in March, 3 submitted; four leads
    /// opened in March (one realised, one abandoned, one studying, one detected), one opened in
    /// April (outside the period).
    @Test func theFunnelOfAKnownHistory() throws {
        let firms = (0..<5).map { Funnel.Firm(invitedAt: march(1 + $0), submittedAt: $0 < 3 ? march(10) : nil) }
        var realised = cullet(at: 2)
        try realised.apply(.init(status: .contacted, at: march(4), author: "a"))
        try realised.apply(
            .init(
                status: .realised, at: march(22), author: "a",
                realisation: .init(
                    value: 25, unit: "t", per: "month", start: "2026-04-01", co2eKgPerYear: 12_000, eurPerYear: 3_000,
                    basis: .measured)))
        var abandoned = cullet(at: 3)
        try abandoned.apply(.init(status: .contacted, at: march(5), author: "a"))
        try abandoned.apply(.init(status: .abandoned, at: march(9), author: "a", reason: .trust))
        var studying = cullet(at: 4)
        try studying.apply(.init(status: .studying, at: march(12), author: "a"))
        let detected = cullet(at: 6)
        let april = cullet(at: 40)
        let period = DateInterval(start: march(1), end: march(32))
        let funnel = Funnel(
            firms: firms, synergies: 17, leads: [realised, abandoned, studying, detected, april], period: period)
        #expect((funnel.invited, funnel.submitted, funnel.synergies, funnel.leads) == (5, 3, 17, 4))
        #expect(funnel.reached[.detected] == 4 && funnel.reached[.contacted] == 3)
        #expect(funnel.reached[.studying] == 2 && funnel.reached[.negotiating] == 1)
        #expect(funnel.reached[.realised] == 1 && funnel.reached[.abandoned] == 1)
        #expect(funnel.current[.studying] == 1 && funnel.current[.detected] == 1)
        #expect(funnel.realisedPerYear == ["t": 300])
        #expect(funnel.co2eTonnesPerYear == 12 && funnel.eurPerYear == 3_000 && funnel.estimatedImpacts == 0)
        // Contacted after 2 days (realised lead) and 2 days (abandoned one): median 2.
        #expect(funnel.medianDays[.contacted] == 2)
        #expect(funnel.medianDays[.realised] == 20)
        #expect(funnel.medianDays[.studying] == 8)
        // Between stages: contacted 2 days after opening (twice), realised 18 days after contact,
        // abandoned 4 days after it.
        #expect(funnel.medianDaysFromPrevious[.contacted] == 2 && funnel.medianDaysFromPrevious[.realised] == 18)
        #expect(funnel.medianDaysFromPrevious[.abandoned] == 4 && funnel.medianDaysFromPrevious[.studying] == 8)
    }
}

@Suite struct LeadFromResultsTests {
    static let recommendations = """
        {"schema": "symbiose/recommendations@1", "synergies": [
          {"id": "acme.cullet>bolt.cullet", "kind": "substitution", "resource": "material.glass.cullet",
           "quantity": {"value": 800, "unit": "t", "per": "year"},
           "supplier": {"company": "acme", "name": "Acme", "flow": "cullet"},
           "receiver": {"company": "bolt", "name": "Bolt", "flow": "cullet"},
           "impact": {"co2eKg": {"net": 24000}, "eur": {"net": 8000}}}]}
        """

    @Test func aLeadTakenFromResultsKeepsItsFlowsAndEstimatesItsImpactFromWhatWasDone() throws {
        let synergy = try #require(try ProposedSynergy.all(in: Self.recommendations).first)
        let acme = LeadFlowTests.profile(
            "acme",
            #""outputs": [{"id": "cullet", "resource": "material.glass.cullet", "quantity": {"value": 800, "unit": "t", "per": "year"}}]"#
        )
        var lead = Lead(
            synergy, run: 7, profiles: [acme], title: "Calcin", facilitator: "anne@cci.test",
            created: LeadChange(status: .detected, at: march(1), author: "anne@cci.test"))
        #expect(lead.origin == Lead.Origin(kind: .run, run: 7, synergy: "acme.cullet>bolt.cullet"))
        #expect(lead.parties.map(\.role) == [.supplier, .receiver])
        #expect(lead.parties[0].flowPrint == "material.glass.cullet output 800 t/year")
        #expect(lead.parties[1].flowPrint == nil)  // Bolt's profile was not given
        // Half the proposed quantity, nothing measured: half the expected impact, as an estimate.
        try lead.apply(
            .init(
                status: .realised, at: march(30), author: "anne@cci.test",
                realisation: .init(value: 400, unit: "t", per: "year", start: "2026-04-01")))
        #expect(lead.realised?.co2eKgPerYear == 12_000 && lead.realised?.eurPerYear == 4_000)
        #expect(lead.realised?.basis == .estimated)
        // Measured figures are kept as given.
        var measured = cullet()
        measured.proposal = lead.proposal
        try measured.apply(
            .init(
                status: .realised, at: march(30), author: "a",
                realisation: .init(
                    value: 400, unit: "t", per: "year", start: "2026-04-01", co2eKgPerYear: 9_000, basis: .measured)))
        #expect(measured.realised?.co2eKgPerYear == 9_000 && measured.realised?.basis == .measured)
    }
}

@Suite struct FunnelImpactTests {
    @Test func aRealisationWithoutImpactsIsCountedApartNotAsZero() throws {
        var lead = cullet()
        lead.proposal = nil
        try lead.apply(
            .init(
                status: .realised, at: march(5), author: "a",
                realisation: .init(value: 10, unit: "MWh", per: "month", start: "2026-03-05")))
        let funnel = Funnel(
            firms: [], synergies: 0, leads: [lead], period: DateInterval(start: march(1), end: march(9)))
        #expect(funnel.unknownImpacts == 1 && funnel.estimatedImpacts == 0)
        #expect(funnel.co2eTonnesPerYear == nil && funnel.eurPerYear == nil)  // unknown, not zero
        #expect(funnel.realisedPerYear == ["MWh": 120])
    }
}

@Suite struct MomentTests {
    @Test func aChangeIsDatedTheDayGivenNeverLaterThanNow() {
        let now = march(10).addingTimeInterval(9 * 3_600)  // 10 March, 09:00 UTC
        #expect(Day.moment("2026-03-10", now: now) == now)  // today: now, not noon
        #expect(Day.moment("2026-03-04", now: now) == march(4).addingTimeInterval(12 * 3_600))
        #expect(Day.moment("2026-03-20", now: now) == now)  // the future: now
        #expect(Day.moment("2026-03-04T08:30:00Z", now: now) == march(4).addingTimeInterval(8.5 * 3_600))
        #expect(Day.moment("4 mars", now: now) == nil)
    }
}
