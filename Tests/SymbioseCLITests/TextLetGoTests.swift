import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import Testing

/// Matching lets a JSON collection's text go and reads the locations of its own warnings again
/// from the file: the same diagnostics as with the text held.
@Suite struct TextLetGoTests {
    @Test func matchingLetsTheTextGoAndLocatesItsWarningsFromTheFile() throws {
        let generated = TerritoryGenerator(sites: 300, seed: 3).generate()
        let text = ProfileJSON.encode(generated, asCollection: true)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("letgo-\(UUID().uuidString).json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let engine = Engine()
        let fromFile = engine.match(engine.validate(engine.load(.paths([path]))))
        let held = engine.match(engine.validate(engine.load(.bytes(Array(text.utf8), file: path, format: .json))))
        let texts = fromFile.validated.profiles.compactMap(\.source.text)
        #expect(texts.count == generated.count)
        #expect(texts.allSatisfy { !$0.isHeld })
        #expect(held.validated.profiles.compactMap(\.source.text).allSatisfy { $0.isHeld })
        let unplaced = fromFile.diagnostics.filter { $0.code == .matchNoCoordinates }
        #expect(!unplaced.isEmpty)
        #expect(unplaced.allSatisfy { ($0.location?.line ?? 0) > 1 && $0.location?.path?.hasSuffix(".site") == true })
        #expect(fromFile.diagnostics == held.diagnostics)
        #expect(fromFile.result.synergies == held.result.synergies)
    }
}
