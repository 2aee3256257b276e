import Foundation
import SymbioseCore

/// The report's map: an inline SVG of the firms, the best substitutions and the pooling groups,
/// in a Lambert conformal conic projection fitted to the territory, with a scale bar and a north
/// arrow. Lines are numbered like the tables; only the best `maximumLines` are drawn, and labels
/// that would overlap are left out, so the map stays legible from 15 firms to 500.
struct ReportMap {
    var profiles: [Profile]
    var synergies: [Synergy]
    /// The number each synergy carries on the map, its rank in the tables; by default its
    /// place in `synergies`.
    var ranks: [Int] = []
    var presentation: Presentation
    var maximumLines = 40
    var maximumLabels = 60
    var maximumGroups = 12
    /// Whether a crowded core is drawn again as an inset (not within the inset itself).
    var showsInset = true

    /// The drawing's width in SVG units: the territory's map is 1,000 wide; the inset, printed
    /// narrower, is drawn narrower so that its labels print at the same size.
    var width = 1000.0
    static let margin = 30.0

    struct Result {
        var svg: String
        var drawnLines: Int
        var totalLines: Int
        var drawnFirms: Int
        /// The crowded core drawn larger, or empty.
        var insetSVG = ""
        var insetFirms = 0
    }

    /// Where the territory falls on the drawing: a projection fitted to the firms, and the
    /// scale and offsets that centre it.
    struct Frame {
        var projection: MapProjection
        var minX: Double
        var maxY: Double
        var scale: Double  // pixels per km
        var offsetX: Double
        var drawable: Double
        var height: Double
        var width: Double

        init(points: [GeoPoint], width: Double) {
            self.width = width
            projection = MapProjection(extent: points)
            let projected = points.map(projection.project)
            minX = projected.map(\.x).min()!
            maxY = projected.map(\.y).max()!
            let maxX = projected.map(\.x).max()!, minY = projected.map(\.y).min()!
            let spanX = max(maxX - minX, 2), spanY = max(maxY - minY, 2)
            drawable = width - 2 * ReportMap.margin
            scale = min(drawable / spanX, width * 0.7 / spanY)
            height = spanY * scale + 2 * ReportMap.margin + 40
            offsetX = ReportMap.margin + (drawable - spanX * scale) / 2
        }

        func screen(_ point: GeoPoint) -> Position {
            let p = projection.project(point)
            return (offsetX + (p.x - minX) * scale, ReportMap.margin + (maxY - p.y) * scale)
        }
    }

    typealias Position = (x: Double, y: Double)

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    func rank(_ offset: Int) -> Int { ranks.isEmpty ? offset + 1 : ranks[offset] }

    func render() -> Result {
        let located = profiles.filter { $0.site.point != nil }.sorted { $0.company.id < $1.company.id }
        guard !located.isEmpty else {
            return Result(svg: "", drawnLines: 0, totalLines: 0, drawnFirms: 0)
        }
        let frame = Frame(points: located.map { presentation.place($0.site.point!) }, width: width)
        var positions: [CompanyID: Position] = [:]
        for profile in located { positions[profile.company.id] = frame.screen(presentation.place(profile.site.point!)) }
        let f = Self.f
        let text = ReportText(language: presentation.language)
        var svg: [String] = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(frame.height))\" role=\"img\" aria-label=\"\(MarkupEscaping.escape(text(en: "Map of synergies", fr: "Carte des synergies"), attribute: true))\" class=\"map\">",
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444444\"/></marker></defs>",
            "<rect x=\"0\" y=\"0\" width=\"\(f(width))\" height=\"\(f(frame.height))\" fill=\"#f7f5ef\"/>",
        ]
        svg += groupShapes(positions)
        let links = substitutionLines(positions)
        svg += links.lines
        for profile in located {
            let p = positions[profile.company.id]!
            let colour = ReportText.sectorColours[ReportText.sector(profile.company.naf)]
            svg.append(
                "<circle cx=\"\(f(p.x))\" cy=\"\(f(p.y))\" r=\"5\" fill=\"\(colour)\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>\(MarkupEscaping.escape(presentation.name(id: profile.company.id, name: profile.company.name), attribute: false))</title></circle>"
            )
        }
        svg += links.badges
        svg += labels(located, positions: positions, height: frame.height)
        svg += Self.scaleAndNorth(frame)
        let inset = showsInset ? self.inset(located, positions: positions) : nil
        if let inset { svg.append(inset.frame) }
        svg.append("</svg>")
        var result = Result(
            svg: svg.joined(separator: "\n"), drawnLines: links.drawn, totalLines: links.total,
            drawnFirms: located.count)
        if let inset { (result.insetSVG, result.insetFirms) = (inset.svg, inset.firms) }
        return result
    }

    /// Pooling groups: a soft hull around the members of the best groups.
    func groupShapes(_ positions: [CompanyID: Position]) -> [String] {
        let f = Self.f
        var svg: [String] = []
        var groupsDrawn = 0
        for (offset, synergy) in synergies.enumerated() {
            guard case .pooling(let group) = synergy, groupsDrawn < maximumGroups else { continue }
            let members = group.members.compactMap { positions[$0.reference.company] }
            guard members.count >= 2 else { continue }
            groupsDrawn += 1
            let hull = ConvexHull.of(members)
            let path = hull.count >= 3 ? hull : members
            let coordinates = path.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " ")
            let colour = ReportText.categoryColour(group.category)
            svg.append(
                "<polygon points=\"\(coordinates)\" fill=\"\(colour)\" fill-opacity=\"0.06\" stroke=\"\(colour)\" stroke-opacity=\"0.18\" stroke-width=\"14\" stroke-linejoin=\"round\"/>"
            )
            svg.append(
                "<polygon points=\"\(coordinates)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\" stroke-linejoin=\"round\"/>"
            )
            let top = members.min { $0.y < $1.y }!
            svg.append(
                "<text x=\"\(f(top.x))\" y=\"\(f(top.y - 14))\" class=\"pool-label\" fill=\"\(colour)\">P\(rank(offset))</text>"
            )
        }

        return svg
    }

    /// Substitutions: the best ones, numbered like the table, with their number badges apart
    /// so that they are drawn above the firms.
    func substitutionLines(
        _ positions: [CompanyID: Position]
    ) -> (lines: [String], badges: [String], drawn: Int, total: Int) {
        let f = Self.f
        var svg: [String] = []
        var drawn = 0, total = 0
        var badges: [String] = []
        for (offset, synergy) in synergies.enumerated() {
            guard case .substitution(let s) = synergy else { continue }
            total += 1
            guard drawn < maximumLines, let from = positions[s.supplier.company], let to = positions[s.receiver.company]
            else { continue }
            drawn += 1
            let colour = ReportText.categoryColour(s.category)
            let width = 1.2 + 4.5 * synergy.volumeTerm
            // A gentle curve, so that opposite links between two firms stay apart.
            let mx = (from.x + to.x) / 2, my = (from.y + to.y) / 2
            let dx = to.x - from.x, dy = to.y - from.y
            let length = max(sqrt(dx * dx + dy * dy), 1)
            let bend = min(40, length * 0.15)
            let cx = mx - dy / length * bend, cy = my + dx / length * bend
            svg.append(
                "<path d=\"M\(f(from.x)),\(f(from.y)) Q\(f(cx)),\(f(cy)) \(f(to.x)),\(f(to.y))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(f(width))\" stroke-opacity=\"0.75\" stroke-linecap=\"round\" marker-end=\"url(#arrow)\"/>"
            )
            let bx = (mx + cx) / 2, by = (my + cy) / 2
            badges.append(
                "<circle cx=\"\(f(bx))\" cy=\"\(f(by))\" r=\"8.5\" fill=\"#ffffff\" stroke=\"\(colour)\" stroke-width=\"1.5\"/><text x=\"\(f(bx))\" y=\"\(f(by + 3.5))\" class=\"badge\">\(rank(offset))</text>"
            )
        }
        return (svg, badges, drawn, total)
    }

    /// Labels, most connected firms first, skipping any that would overlap.
    func labels(_ located: [Profile], positions: [CompanyID: Position], height: Double) -> [String] {
        let f = Self.f
        var svg: [String] = []
        var linkCount: [CompanyID: Int] = [:]
        for synergy in synergies { for company in Set(synergy.companies) { linkCount[company, default: 0] += 1 } }
        let order = located.sorted {
            let a = linkCount[$0.company.id] ?? 0, b = linkCount[$1.company.id] ?? 0
            return a != b ? a > b : $0.company.id < $1.company.id
        }
        var boxes: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        for profile in located {
            if let p = positions[profile.company.id] { boxes.append((p.x - 5, p.y - 5, p.x + 5, p.y + 5)) }
        }
        var labelled = 0
        for profile in order where labelled < maximumLabels {
            let p = positions[profile.company.id]!
            let name = presentation.name(id: profile.company.id, name: profile.company.name)
            let short = name.count > 28 ? String(name.prefix(27)) + "…" : name
            let width = Double(short.count) * 5.6 + 4
            let candidates = [
                (p.x + 8, p.y + 4, "start"), (p.x - 8, p.y + 4, "end"), (p.x, p.y - 9, "middle"),
                (p.x, p.y + 17, "middle"),
            ]
            for (x, y, anchor) in candidates {
                let x0 = anchor == "start" ? x : anchor == "end" ? x - width : x - width / 2
                let box = (x0: x0, y0: y - 10, x1: x0 + width, y1: y + 2)
                guard box.x0 >= 0, box.x1 <= self.width, box.y0 >= 0, box.y1 <= height - 40 else { continue }
                if boxes.contains(where: { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 }) {
                    continue
                }
                boxes.append(box)
                svg.append(
                    "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\" class=\"firm-label\">\(MarkupEscaping.escape(short, attribute: false))</text>"
                )
                labelled += 1
                break
            }
        }
        return svg
    }

    /// A scale bar of a round length and a north arrow.
    static func scaleAndNorth(_ frame: Frame) -> [String] {
        let (drawable, scale, height) = (frame.drawable, frame.scale, frame.height)
        var svg: [String] = []
        let targetKm = drawable / scale / 5
        let niceKm = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].last { $0 <= targetKm } ?? 0.5
        let barLength = niceKm * scale
        let barY = height - 22
        svg.append(
            "<g class=\"scale\"><rect x=\"\(f(Self.margin))\" y=\"\(f(barY))\" width=\"\(f(barLength / 2))\" height=\"6\" fill=\"#333333\"/><rect x=\"\(f(Self.margin + barLength / 2))\" y=\"\(f(barY))\" width=\"\(f(barLength / 2))\" height=\"6\" fill=\"#ffffff\" stroke=\"#333333\"/><text x=\"\(f(Self.margin))\" y=\"\(f(barY - 4))\">0</text><text x=\"\(f(Self.margin + barLength))\" y=\"\(f(barY - 4))\" text-anchor=\"middle\">\(JSONOutput.format(niceKm)) km</text></g>"
        )
        let nx = frame.width - Self.margin - 10
        svg.append(
            "<g class=\"north\"><path d=\"M\(f(nx)),\(f(Self.margin)) l-9,26 l9,-7 l9,7 z\" fill=\"#333333\"/><text x=\"\(f(nx))\" y=\"\(f(Self.margin + 42))\" text-anchor=\"middle\">N</text></g>"
        )
        return svg
    }
}
