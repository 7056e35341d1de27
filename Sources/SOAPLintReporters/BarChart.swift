/// A horizontal bar chart as inline SVG: one labelled bar per item, largest first.
struct BarChart {
    var title: String
    var items: [(label: String, value: Int)]
    var color: String
    var limit = 12

    /// The chart's SVG, with a text fallback for screen readers.
    var svg: String {
        let shown = Array(items.sorted { ($0.value, $1.label) > ($1.value, $0.label) }.prefix(limit))
        guard let largest = shown.map(\.value).max(), largest > 0 else {
            return "<p class=\"empty\">No data.</p>"
        }
        let labelWidth = 190
        let barArea = 260
        let rowHeight = 22
        let height = shown.count * rowHeight + 8
        var rows = ""
        for (index, item) in shown.enumerated() {
            let y = index * rowHeight + 4
            let width = max(2, item.value * barArea / largest)
            let label = item.label.count > 28 ? String(item.label.prefix(27)) + "…" : item.label
            rows += """
                <text x="\(labelWidth - 8)" y="\(y + 15)" text-anchor="end">\(HTMLText.escape(label))</text>\
                <rect x="\(labelWidth)" y="\(y + 3)" width="\(width)" height="\(rowHeight - 8)" rx="2" fill="\(color)"/>\
                <text x="\(labelWidth + width + 6)" y="\(y + 15)" class="value">\(item.value)</text>
                """
        }
        let description = shown.map { "\($0.label): \($0.value)" }.joined(separator: ", ")
        return """
            <svg role="img" aria-label="\(HTMLText.escape(title + ": " + description))" viewBox="0 0 \(labelWidth + barArea + 50) \(height)" \
            width="100%" preserveAspectRatio="xMinYMin meet">\(rows)</svg>
            """
    }
}
