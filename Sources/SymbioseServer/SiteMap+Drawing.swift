import Foundation
import SymbioseCore

extension SiteMap {
    /// At most this many commune names, nearest the centre first, none over another.
    static let maximumLabels = 25

    /// The drawing: the communes of the frame as labelled dots, the firm's point as a red
    /// target, a scale bar and a hint of what a click does.
    func svg(places: PlaceTable = .france, language: Language) -> String {
        let size = Self.size
        let f = { (value: Double) in String(format: "%.1f", value) }
        let latitudeSpan = halfSideKm / Self.kmPerDegreeLatitude
        let longitudeSpan = halfSideKm / kmPerDegreeLongitude
        let communes = places.communes(
            latitudes: (centre.latitude - latitudeSpan)...(centre.latitude + latitudeSpan),
            longitudes: (centre.longitude - longitudeSpan)...(centre.longitude + longitudeSpan))
        let title = language == .fr ? "Carte des communes autour du site" : "Map of the towns around the site"
        var svg = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(size)) \(f(size))\" width=\"\(f(size))\" height=\"\(f(size))\" role=\"img\" aria-label=\"\(title)\">",
            "<rect width=\"\(f(size))\" height=\"\(f(size))\" fill=\"#f7f5ef\" stroke=\"#9fb8bf\"/>",
            "<g stroke=\"#e2ddd0\" stroke-width=\"1\">"
                + stride(from: size / 8, to: size, by: size / 8).map {
                    "<line x1=\"\(f($0))\" y1=\"0\" x2=\"\(f($0))\" y2=\"\(f(size))\"/><line x1=\"0\" y1=\"\(f($0))\" x2=\"\(f(size))\" y2=\"\(f($0))\"/>"
                }.joined() + "</g>",
        ]
        svg += labelledDots(communes)
        if let mark {
            let p = pixel(mark)
            svg.append(
                "<g stroke=\"#c0392b\" stroke-width=\"2\" fill=\"none\"><circle cx=\"\(f(p.x))\" cy=\"\(f(p.y))\" r=\"9\"/><line x1=\"\(f(p.x - 14))\" y1=\"\(f(p.y))\" x2=\"\(f(p.x + 14))\" y2=\"\(f(p.y))\"/><line x1=\"\(f(p.x))\" y1=\"\(f(p.y - 14))\" x2=\"\(f(p.x))\" y2=\"\(f(p.y + 14))\"/></g>"
            )
        }
        svg.append(scaleBar())
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// Commune centres as dots; names nearest the centre first, skipping any that would overlap.
    func labelledDots(_ communes: [PlaceTable.Entry]) -> [String] {
        let f = { (value: Double) in String(format: "%.1f", value) }
        let placed = communes.map { (entry: $0, at: pixel($0.point)) }
        var svg = placed.map { "<circle cx=\"\(f($0.at.x))\" cy=\"\(f($0.at.y))\" r=\"3\" fill=\"#335c67\"/>" }
        let middle = Self.size / 2
        let order = placed.sorted {
            hypot($0.at.x - middle, $0.at.y - middle) < hypot($1.at.x - middle, $1.at.y - middle)
        }
        var boxes: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        for (entry, at) in order where boxes.count < Self.maximumLabels {
            let name = entry.commune ?? ""
            let width = Double(name.count) * 6 + 4
            let box = (x0: at.x + 5, y0: at.y - 9, x1: at.x + 5 + width, y1: at.y + 4)
            guard box.x0 >= 0, box.x1 <= Self.size, box.y0 >= 0, box.y1 <= Self.size - 24,
                !boxes.contains(where: { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 })
            else { continue }
            boxes.append(box)
            svg.append(
                "<text x=\"\(f(at.x + 6))\" y=\"\(f(at.y + 3))\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#222\" stroke=\"#f7f5ef\" stroke-width=\"3\" paint-order=\"stroke\">\(MarkupEscaping.escape(name, attribute: false))</text>"
            )
        }
        return svg
    }

    /// A bar of a round length, bottom left.
    func scaleBar() -> String {
        let f = { (value: Double) in String(format: "%.1f", value) }
        let km = [0.5, 1, 2, 5, 10, 20].last { $0 * pixelsPerKm <= Self.size / 3 } ?? 0.5
        let length = km * pixelsPerKm
        let y = Self.size - 12
        return
            "<g><rect x=\"10\" y=\"\(f(y))\" width=\"\(f(length))\" height=\"5\" fill=\"#333\"/><text x=\"\(f(14 + length))\" y=\"\(f(y + 5))\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#333\">\(NumberText.plain(km)) km</text></g>"
    }
}
