import CYAML

/// Parses YAML text into `YAMLNode` trees with libyaml's event API.
///
/// Anchors and aliases are resolved by sharing the anchored node; the number of nodes the
/// aliases expand to is capped (`nodeLimit`), so a "billion laughs" document fails quickly
/// instead of exhausting memory.
public enum YAMLParser {
    /// The most nodes one document may expand to, aliases counted at their full size.
    public static let nodeLimit = 200_000

    /// Parses the first document of `text`; nil when the text holds no document.
    public static func parse(_ text: String) throws(YAMLError) -> YAMLNode? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            throw YAMLError(line: 1, column: 1, problem: "could not start the YAML parser (out of memory)")
        }
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = [0x0A] }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        defer {
            yaml_parser_delete(parser)
            parser.deallocate()
            buffer.deallocate()
        }
        yaml_parser_set_input_string(parser, buffer, bytes.count)
        var builder = TreeBuilder()
        return try builder.run(parser)
    }
}

/// Builds a tree from libyaml events, keeping a stack of open collections.
private struct TreeBuilder {
    private enum Open {
        case sequence([YAMLNode], YAMLMark, anchor: String?)
        case mapping([YAMLPair], pendingKey: YAMLNode?, YAMLMark, anchor: String?)
    }

    private var stack: [Open] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var sizes: [Int] = []
    private var total = 0
    private var root: YAMLNode?
    private var finished = false

    mutating func run(_ parser: UnsafeMutablePointer<yaml_parser_t>) throws(YAMLError) -> YAMLNode? {
        var event = yaml_event_t()
        while !finished {
            guard yaml_parser_parse(parser, &event) == 1 else { throw Self.error(of: parser) }
            defer { yaml_event_delete(&event) }
            try handle(&event)
        }
        return root
    }

    private mutating func handle(_ event: inout yaml_event_t) throws(YAMLError) {
        let mark = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(
                decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
            let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE
            try add(YAMLNode(.scalar(text, plain: plain), mark: mark), size: 1, anchor: Self.string(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
            sizes.append(1)
            stack.append(.sequence([], mark, anchor: Self.string(event.data.sequence_start.anchor)))
        case YAML_MAPPING_START_EVENT:
            sizes.append(1)
            stack.append(.mapping([], pendingKey: nil, mark, anchor: Self.string(event.data.mapping_start.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let open = stack.popLast(), let size = sizes.popLast() else { return }
            switch open {
            case .sequence(let items, let start, let anchor):
                try add(YAMLNode(.sequence(items), mark: start), size: size, anchor: anchor)
            case .mapping(let pairs, _, let start, let anchor):
                try add(YAMLNode(.mapping(pairs), mark: start), size: size, anchor: anchor)
            }
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                throw YAMLError(line: mark.line, column: mark.column, problem: "unknown alias '*\(name)'")
            }
            try add(anchored.node, size: anchored.size, anchor: nil)
        case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
            finished = true
        default:
            break
        }
    }

    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?) throws(YAMLError) {
        total += size
        if total > YAMLParser.nodeLimit {
            throw YAMLError(
                line: node.mark.line, column: node.mark.column,
                problem: "the document expands to more than \(YAMLParser.nodeLimit) values (aliases nested too deep)")
        }
        if let anchor { anchors[anchor] = (node, size) }
        guard let open = stack.popLast() else {
            root = node
            return
        }
        sizes[sizes.count - 1] += size
        switch open {
        case .sequence(var items, let start, let name):
            items.append(node)
            stack.append(.sequence(items, start, anchor: name))
        case .mapping(var pairs, let pendingKey, let start, let name):
            if let key = pendingKey {
                pairs.append(YAMLPair(key: key, value: node))
                stack.append(.mapping(pairs, pendingKey: nil, start, anchor: name))
            } else {
                stack.append(.mapping(pairs, pendingKey: node, start, anchor: name))
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func error(of parser: UnsafeMutablePointer<yaml_parser_t>) -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = state.context.map { String(cString: $0) }
        return YAMLError(
            line: Int(state.problem_mark.line) + 1, column: Int(state.problem_mark.column) + 1, problem: problem,
            context: context, contextLine: context == nil ? nil : Int(state.context_mark.line) + 1)
    }
}

extension YAMLParser {
    /// libyaml's version (`0.2.5`).
    public static var libraryVersion: String { String(cString: yaml_get_version_string()) }
}
