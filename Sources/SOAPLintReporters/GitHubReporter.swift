import SOAPLintModel

/// GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=rule::message`,
/// which GitHub shows as annotations on the changed files. Info findings are `::notice`.
public final class GitHubReporter: ReportStream {
    private let sink: any TextSink

    /// Creates a reporter writing to `sink`.
    public init(sink: any TextSink) {
        self.sink = sink
    }

    public func add(_ result: NoteResult) {
        for finding in result.findings {
            let command =
                switch finding.level {
                case .error: "error"
                case .warning: "warning"
                case .info: "notice"
                }
            let properties = [
                "file=\(Self.property(result.note.file))", "line=\(finding.position.line)",
                "col=\(finding.position.column)", "title=\(Self.property(finding.rule))",
            ]
            sink.write("::\(command) \(properties.joined(separator: ","))::\(Self.data(finding.message))\n")
        }
    }

    public func add(_ error: FileError) {
        var properties = ["file=\(Self.property(error.file))"]
        if let line = error.line { properties.append("line=\(line)") }
        sink.write("::error \(properties.joined(separator: ","))::\(Self.data(error.message))\n")
    }

    public func finish(_ summary: RunSummary) {}

    /// A message, with `%`, CR and LF escaped as the workflow-command format requires.
    static func data(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// A property value: as `data`, and `:` and `,` escaped too.
    static func property(_ text: String) -> String {
        data(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
