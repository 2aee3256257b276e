import Foundation
import SymbioseCore

/// The inset of the report's map: where many firms crowd a small part of the territory (a
/// town and its industrial zones), their dots, links and labels overlap on the territory's map,
/// so that part is drawn again below it at a larger scale, and framed on the main map.
extension ReportMap {
    /// Half the side of the square, in pixels of the main map, searched for the densest core.
    static let coreHalfSide = 80.0
    /// A core worth an inset holds at least this many firms…
    static let coreMinimumFirms = 8
    /// …of which at least this many sit closer than `crowdedPixels` to another.
    static let coreMinimumCrowded = 3
    static let crowdedPixels = 14.0

    /// The firms of the densest square of the map when it is crowded enough for an inset, in id
    /// order; empty otherwise. Ties go to the square centred on the firm first in id order.
    static func denseCore(_ positions: [(CompanyID, Position)]) -> [CompanyID] {
        var best: [(CompanyID, Position)] = []
        for (_, centre) in positions {
            let inside = positions.filter {
                abs($0.1.x - centre.x) <= coreHalfSide && abs($0.1.y - centre.y) <= coreHalfSide
            }
            if inside.count > best.count { best = inside }
        }
        guard best.count >= coreMinimumFirms, best.count < positions.count else { return [] }
        let crowded = best.filter { firm in
            best.contains { other in
                other.0 != firm.0 && hypot(other.1.x - firm.1.x, other.1.y - firm.1.y) < crowdedPixels
            }
        }
        return crowded.count >= coreMinimumCrowded ? best.map(\.0).sorted() : []
    }

    /// The inset's SVG and the frame to draw on the main map around its firms; `nil` when the
    /// map has no crowded core.
    func inset(_ located: [Profile], positions: [CompanyID: Position]) -> (svg: String, frame: String, firms: Int)? {
        let core = Self.denseCore(located.map { ($0.company.id, positions[$0.company.id]!) })
        guard !core.isEmpty else { return nil }
        let members = Set(core)
        var map = self
        map.profiles = profiles.filter { members.contains($0.company.id) }
        map.showsInset = false
        map.maximumGroups = 0  // pooling groups are for the territory's map
        map.width = 420
        let drawn = map.render()
        let points = core.map { positions[$0]! }
        let (x0, x1) = (points.map(\.x).min()! - 12, points.map(\.x).max()! + 12)
        let (y0, y1) = (points.map(\.y).min()! - 12, points.map(\.y).max()! + 12)
        let f = Self.f
        let label = ReportText(language: presentation.language)(en: "inset", fr: "encart")
        let frame =
            "<rect x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(x1 - x0))\" height=\"\(f(y1 - y0))\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1.2\" stroke-dasharray=\"3 3\"/><text x=\"\(f(x0 + 3))\" y=\"\(f(y0 - 4))\" class=\"pool-label\" fill=\"#333333\">\(label)</text>"
        return (drawn.svg, frame, core.count)
    }
}
