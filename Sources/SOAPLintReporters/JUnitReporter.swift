import SOAPLintModel

/// JUnit XML, for CI systems that show test results: one test case per note (named by its file
/// and id or position), one failure per finding, and an error case per file that could not be
/// read. Test cases stream out as notes arrive; the suite totals go in a closing element.
public final class JUnitReporter: ReportStream {
    private let sink: any TextSink

    /// Creates a reporter; the XML declaration and the opening of the suite are written at once.
    public init(sink: any TextSink) {
        self.sink = sink
        sink.write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"soaplint\">\n<testsuite name=\"soaplint\">\n"
        )
    }

    public func add(_ result: NoteResult) {
        let note = result.note
        let name = note.id.map { "\(note.file) \($0)" } ?? "\(note.file) note \(note.index + 1)"
        var text = "<testcase classname=\"\(Self.escape(note.file))\" name=\"\(Self.escape(name))\""
        if result.findings.isEmpty {
            sink.write(text + "/>\n")
            return
        }
        text += ">\n"
        for finding in result.findings {
            text += "<failure type=\"\(Self.escape(finding.rule))\" message=\"\(Self.escape(finding.message))\">"
            text += Self.escape(
                "\(note.file):\(finding.position.line):\(finding.position.column): \(finding.level.rawValue): \(finding.message) [\(finding.rule)]"
            )
            text += "</failure>\n"
        }
        sink.write(text + "</testcase>\n")
    }

    public func add(_ error: FileError) {
        var location = error.file
        if let line = error.line { location += ":\(line)" }
        sink.write(
            "<testcase classname=\"\(Self.escape(error.file))\" name=\"\(Self.escape(error.file))\">"
                + "<error type=\"unreadable\" message=\"\(Self.escape(error.message))\">\(Self.escape("\(location): \(error.message)"))</error>"
                + "</testcase>\n")
    }

    public func finish(_ summary: RunSummary) {
        sink.write(
            "<properties><property name=\"notes\" value=\"\(summary.notes)\"/><property name=\"findings\" value=\"\(summary.findings)\"/>"
                + "</properties>\n</testsuite>\n</testsuites>\n")
    }

    /// Text safe in XML attributes and content; characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "&#10;"
            case "\t", "\r": result += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
