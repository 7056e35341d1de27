import CCmarkGFM

/// What a source line is, as cmark-gfm's block structure says.
enum LineRole: Hashable {
    /// Section text whatever it holds (code, tables, quotes, HTML).
    case body
    /// A paragraph or list line that may start with a label; `skip` scalars of list marker and
    /// indentation come first.
    case candidate(skip: Int)
    /// The first line of a heading of `level`.
    case heading(level: Int, isSetext: Bool)
    /// A line that belongs to the heading above it (a setext underline).
    case headingContinuation
}

/// Reads the block structure of a Markdown text with cmark-gfm (and its table extension) and
/// reports the role of every line. The C tree is freed before returning.
enum MarkdownBlocks {
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// One role per line of `lines`.
    static func roles(of lines: [String]) -> [LineRole] {
        _ = extensionsRegistered
        var roles = [LineRole](repeating: .body, count: lines.count)
        let text = lines.joined(separator: "\n")
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return roles }
        defer { cmark_parser_free(parser) }
        if let table = cmark_find_syntax_extension("table") {
            cmark_parser_attach_syntax_extension(parser, table)
        }
        text.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let document = cmark_parser_finish(parser) else { return roles }
        defer { cmark_node_free(document) }

        var node = cmark_node_first_child(document)
        while let block = node {
            let first = Int(cmark_node_get_start_line(block)) - 1
            let last = min(Int(cmark_node_get_end_line(block)) - 1, lines.count - 1)
            if first >= 0, first <= last {
                switch cmark_node_get_type(block) {
                case CMARK_NODE_HEADING:
                    let isSetext = last > first || !lines[first].trimmingLeadingSpaces().hasPrefix("#")
                    roles[first] = .heading(level: Int(cmark_node_get_heading_level(block)), isSetext: isSetext)
                    for index in (first + 1)..<(last + 1) { roles[index] = .headingContinuation }
                case CMARK_NODE_PARAGRAPH:
                    for index in first...last { roles[index] = .candidate(skip: 0) }
                case CMARK_NODE_LIST:
                    for index in first...last { roles[index] = .candidate(skip: listMarkerLength(lines[index])) }
                default:
                    break
                }
            }
            node = cmark_node_next(block)
        }
        return roles
    }

    /// The number of scalars of indentation, list marker (`-`, `*`, `+`, `1.`, `1)`) and the
    /// spaces after it at the start of `line`.
    static func listMarkerLength(_ line: String) -> Int {
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        let markerStart = index
        if index < scalars.count, "-*+".unicodeScalars.contains(scalars[index]) {
            index += 1
        } else {
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            guard index > markerStart, index < scalars.count, scalars[index] == "." || scalars[index] == ")" else {
                return markerStart
            }
            index += 1
        }
        guard index < scalars.count, scalars[index] == " " || scalars[index] == "\t" else { return markerStart }
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        return index
    }
}

extension String {
    /// The string without leading spaces and tabs.
    func trimmingLeadingSpaces() -> Substring {
        drop { $0 == " " || $0 == "\t" }
    }
}
