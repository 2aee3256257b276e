import SymbioseCore
import SymbioseReport
import SymbioseTestSupport
import Testing

/// Every renderer against a golden file of the hand-built sample report: what each format
/// writes changes only when its renderer changes.
@Suite struct RendererGoldenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var format: OutputFormat
        var subject: RunReport.Subject
        var language: Language
        var anonymize = false
        var golden: String
        var testDescription: String { golden }
    }

    static let cases: [Case] = [
        Case(format: .table, subject: .synergies, language: .en, golden: "sample-table-en.txt"),
        Case(format: .table, subject: .synergies, language: .fr, golden: "sample-table-fr.txt"),
        Case(format: .markdown, subject: .synergies, language: .fr, golden: "sample-fr.md"),
        Case(format: .json, subject: .synergies, language: .en, golden: "sample-en.json"),
        Case(format: .ndjson, subject: .synergies, language: .fr, golden: "sample-fr.ndjson"),
        Case(format: .ndjson, subject: .plan, language: .en, golden: "sample-plan-en.ndjson"),
        Case(format: .csv, subject: .synergies, language: .fr, golden: "sample-fr.csv"),
        Case(format: .csv, subject: .synergies, language: .en, golden: "sample-en.csv"),
        Case(format: .geojson, subject: .synergies, language: .en, golden: "sample.geojson"),
        Case(
            format: .geojson, subject: .synergies, language: .fr, anonymize: true, golden: "sample-anonymised.geojson"),
        Case(format: .graphml, subject: .synergies, language: .en, golden: "sample.graphml"),
        Case(
            format: .graphml, subject: .plan, language: .en, anonymize: true, golden: "sample-plan-anonymised.graphml"),
        Case(format: .html, subject: .synergies, language: .fr, golden: "sample-fr.html"),
        Case(format: .html, subject: .synergies, language: .en, anonymize: true, golden: "sample-en-anonymised.html"),
        Case(format: .table, subject: .plan, language: .fr, golden: "sample-plan-fr.txt"),
        Case(format: .markdown, subject: .plan, language: .en, golden: "sample-plan-en.md"),
        Case(format: .json, subject: .plan, language: .en, golden: "sample-plan-en.json"),
        Case(format: .csv, subject: .plan, language: .en, golden: "sample-plan-en.csv"),
    ]

    @Test(arguments: cases)
    func rendererMatchesGolden(_ test: Case) throws {
        var report = SampleReport.report(test.subject, language: test.language, anonymize: test.anonymize)
        report.style.byteOrderMark = test.format == .csv && test.language == .fr
        let text = try test.format.render(report)
        if let difference = TestSupport.compareGolden(text, test.golden) { Issue.record("\(difference)") }
    }

    /// A format that renders a run's report, for either subject, has a golden case.
    @Test func everyRendererHasAGoldenCase() {
        for format in OutputFormat.allCases {
            for subject in [RunReport.Subject.synergies, .plan] where format.renderer(for: subject) != nil {
                let covered = Self.cases.contains { $0.format == format && $0.subject == subject }
                let exempt = [OutputFormat.geojson, .html].contains(format) && subject == .plan
                #expect(covered || exempt, "\(format.rawValue) for \(subject)")
            }
        }
    }

    /// The sample's only mass exchange is confidential: the summary's volumes leave it out.
    @Test func theSummaryNeverSumsConfidentialFlows() throws {
        let html = try OutputFormat.html.render(SampleReport.report(.synergies, language: .en))
        #expect(!html.contains("<li>900 t/year</li>") && !html.contains("900 t/"))
        #expect(html.contains("<li>3,200 MWh/year</li>"))
    }

    @Test func formatsThatHoldNoReportSayso() {
        let report = SampleReport.report(.synergies, language: .en)
        for format in [OutputFormat.text, .xml, .xlsx] {
            #expect(format.renderer(for: .synergies) == nil)
            #expect(throws: OutputFormat.Unsupported.self) { try format.render(report) }
        }
    }
}
