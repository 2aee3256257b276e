/// Writes JSON text as a value is described, without making the value first: the layout of
/// every JSON document Symbiose writes.
///
/// The layout (``Layout/pretty``): two-space indentation, one member or element per line,
/// except that an array of scalars stays on one line, and so does an object of at most four
/// scalar members whose line is at most ``JSONOutput/inlineObjectWidth`` characters. An empty
/// object or array counts as a container, not a scalar. The compact layout (JSON Lines) has no
/// space and no line break.
///
/// A container is written on one line until it cannot be: a fifth member, a member or element
/// that is itself a container, or an object grown too wide. Its members so far are then laid
/// out again one per line, from where each began.
public struct JSONWriter: JSONSink {
    public enum Layout: Sendable {
        case pretty
        case compact
    }

    /// The text written so far.
    var text: JSONText
    let layout: Layout
    /// The indentation of the line a value written outside any container starts on.
    let indent: Int

    /// An open object or array.
    private struct Frame {
        var isObject: Bool
        /// Where its `{` or `[` stands in the text.
        var start: Int
        var indent: Int
        var count = 0
        /// Still on one line, with where each member began kept in `marks` from `marksBase` on.
        var inline = true
        var marksBase: Int
    }

    private var frames: [Frame] = []
    private var marks: [Int] = []

    init(text: JSONText, layout: Layout = .pretty, indent: Int = 0) {
        self.text = text
        self.layout = layout
        self.indent = indent
    }

    /// A writer whose values start on a line indented by `indent` spaces.
    public init(layout: Layout = .pretty, indent: Int = 0) {
        self.init(text: JSONText(), layout: layout, indent: indent)
    }

    /// The text written so far.
    public var string: String { text.string }

    /// Appends text outside any value: a separator between values.
    mutating func appendRaw(_ literal: StaticString) {
        text.append(literal)
    }

    public mutating func key(_ name: String) {
        let top = frames.count - 1
        if layout == .compact {
            if frames[top].count > 0 { text.append(",") }
        } else {
            if frames[top].inline && frames[top].count == 4 { expand(top) }
            separate(top)
        }
        frames[top].count += 1
        text.appendQuoted(name)
        text.append(layout == .compact ? ":" : ": ")
    }

    /// Starts the next line of the container at `top`, or its next item on the same line.
    private mutating func separate(_ top: Int) {
        if frames[top].inline {
            if frames[top].count > 0 { text.append(", ") }
            marks.append(text.count)
        } else {
            text.append(frames[top].count == 0 ? "\n" : ",\n")
            text.appendSpaces(frames[top].indent + 2)
        }
    }

    /// Makes room for a value in the open container, if any: an element's separator, or the
    /// container laid out again when the value is a container and it was on one line.
    private mutating func beforeValue(container: Bool) {
        guard let top = frames.indices.last else { return }
        if frames[top].isObject {
            // The member's name is written.
            if container && layout == .pretty && frames[top].inline { expand(top) }
            return
        }
        if layout == .compact {
            if frames[top].count > 0 { text.append(",") }
        } else {
            if container && frames[top].inline { expand(top) }
            separate(top)
        }
        frames[top].count += 1
    }

    /// Lays out the container at `top`, written on one line so far, one member or element per
    /// line. The last may be a member whose value is still to come.
    private mutating func expand(_ top: Int) {
        let frame = frames[top]
        let first = frame.start + 1
        let end = text.count
        let starts = marks[frame.marksBase...]
        // The items are copied out by position, not kept as slices of the text: a slice would
        // make the text's truncation below copy the whole buffer.
        var laidOut = JSONText(capacity: end - first + 8 * starts.count)
        for (position, start) in zip(starts.indices, starts) {
            let stop = position + 1 < starts.endIndex ? starts[position + 1] - 2 : end
            laidOut.append(position == starts.startIndex ? "\n" : ",\n")
            laidOut.appendSpaces(frame.indent + 2)
            text.appendCopy(of: start..<stop, to: &laidOut)
        }
        text.truncate(to: first)
        text.append(bytes: laidOut.bytes)
        marks.removeSubrange(frame.marksBase...)
        frames[top].inline = false
    }

    private mutating func begin(object: Bool) {
        beforeValue(container: true)
        let level = frames.last.map { $0.indent + 2 } ?? indent
        frames.append(Frame(isObject: object, start: text.count, indent: level, marksBase: marks.count))
        text.append(object ? "{" : "[")
    }

    private mutating func end(object: Bool) {
        let top = frames.count - 1
        let frame = frames[top]
        if layout == .pretty && frame.count > 0 {
            if frame.inline && object && text.characters(from: frame.start) + 1 > JSONOutput.inlineObjectWidth {
                expand(top)
            }
            if !frames[top].inline {
                text.append("\n")
                text.appendSpaces(frame.indent)
            }
        }
        text.append(object ? "}" : "]")
        marks.removeSubrange(frame.marksBase...)
        frames.removeLast()
    }

    public mutating func beginObject() { begin(object: true) }
    public mutating func endObject() { end(object: true) }
    public mutating func beginArray() { begin(object: false) }
    public mutating func endArray() { end(object: false) }

    public mutating func string(_ value: String) {
        beforeValue(container: false)
        text.appendQuoted(value)
    }

    public mutating func number(_ value: Double) {
        beforeValue(container: false)
        if value.isFinite { text.append(number: value) } else { text.append("null") }
    }

    public mutating func integer(_ value: Int) {
        beforeValue(container: false)
        text.append(integer: Int64(value))
    }

    public mutating func bool(_ value: Bool) {
        beforeValue(container: false)
        text.append(value ? "true" : "false")
    }

    public mutating func null() {
        beforeValue(container: false)
        text.append("null")
    }
}
