import SOAPLintModel

/// SARIF 2.1.0, for code-scanning dashboards: one run whose tool lists the rules (with help
/// text and links) and whose results carry each finding's file, line and column.
///
/// Columns are Unicode code points, as soaplint counts them (`columnKind: unicodeCodePoints`).
/// Results stream out as notes arrive; the rules are written first, from the rule set.
public final class SARIFReporter: ReportStream {
    private let sink: any TextSink
    private let context: ReportContext
    private var wroteResult = false
    private var notifications: [String] = []

    /// Creates a reporter; the log's opening and the rule list are written at once.
    public init(sink: any TextSink, context: ReportContext) {
        self.sink = sink
        self.context = context
        let rules = context.rules.values.sorted { $0.id < $1.id }.map { rule in
            var pairs: [(String, String)] = [
                ("id", JSONText.quoted(rule.id)),
                ("shortDescription", JSONText.object([("text", JSONText.quoted(rule.summary))])),
                (
                    "fullDescription",
                    JSONText.object([("text", JSONText.quoted(rule.description.trimmingWhitespace()))])
                ),
                ("defaultConfiguration", JSONText.object([("level", JSONText.quoted(Self.level(rule.level)))])),
            ]
            if let link = rule.link {
                pairs.append(("helpUri", JSONText.quoted(link)))
                pairs.append(("help", JSONText.object([("text", JSONText.quoted("\(rule.summary) See \(link)"))])))
            }
            return JSONText.object(pairs)
        }
        let driver = JSONText.object([
            ("name", JSONText.quoted("soaplint")), ("version", JSONText.quoted(context.version)),
            ("rules", "[\n" + rules.joined(separator: ",\n") + "\n]"),
        ])
        sink.write(
            "{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"version\": \"2.1.0\",\n\"runs\": [{\"tool\": {\"driver\": "
                + driver + "},\n\"columnKind\": \"unicodeCodePoints\",\n\"results\": [")
    }

    public func add(_ result: NoteResult) {
        for finding in result.findings {
            let location = JSONText.object([
                (
                    "physicalLocation",
                    JSONText.object([
                        ("artifactLocation", JSONText.object([("uri", JSONText.quoted(Self.uri(result.note.file)))])),
                        (
                            "region",
                            JSONText.object([
                                ("startLine", String(finding.position.line)),
                                ("startColumn", String(finding.position.column)),
                            ])
                        ),
                    ])
                )
            ])
            var properties: [(String, String)] = [("noteIndex", String(result.note.index))]
            if let id = result.note.id { properties.append(("noteId", JSONText.quoted(id))) }
            if let section = finding.section { properties.append(("section", JSONText.quoted(section.rawValue))) }
            let object = JSONText.object([
                ("ruleId", JSONText.quoted(finding.rule)), ("level", JSONText.quoted(Self.level(finding.level))),
                ("message", JSONText.object([("text", JSONText.quoted(finding.message))])),
                ("locations", JSONText.array([location])), ("properties", JSONText.object(properties)),
            ])
            sink.write((wroteResult ? ",\n" : "\n") + object)
            wroteResult = true
        }
    }

    public func add(_ error: FileError) {
        var message = error.file
        if let line = error.line { message += ":\(line)" }
        notifications.append(
            JSONText.object([
                ("level", JSONText.quoted("error")),
                ("message", JSONText.object([("text", JSONText.quoted("\(message): \(error.message)"))])),
            ]))
    }

    public func finish(_ summary: RunSummary) {
        let invocation = JSONText.object([
            ("executionSuccessful", summary.errors == 0 ? "true" : "false"),
            ("toolExecutionNotifications", "[" + notifications.joined(separator: ",\n") + "]"),
        ])
        sink.write((wroteResult ? "\n" : "") + "],\n\"invocations\": [" + invocation + "]}]}\n")
    }

    /// SARIF's levels: error, warning, note.
    static func level(_ level: Level) -> String {
        switch level {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative URI reference for a path: `./` dropped, spaces and `%` escaped.
    static func uri(_ path: String) -> String {
        var trimmed = path
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        var result = ""
        for byte in trimmed.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80,
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "-._~/".unicodeScalars.contains(scalar)
            {
                result.unicodeScalars.append(scalar)
            } else {
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
