import Foundation
import Testing

/// `Examples/README.md` lists, for each example note, exactly the findings `soaplint lint
/// Examples/` reports. This test reads the table and compares it with the real run.
@Suite("Examples table")
struct ExamplesTableTests {
    @Test("every example reports exactly the findings its README row lists")
    func table() throws {
        let examples = Fixtures.packageRoot.appendingPathComponent("Examples")
        let readme = try String(contentsOf: examples.appendingPathComponent("README.md"), encoding: .utf8)
        var expected: [String: [String]] = [:]
        for line in readme.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let key = cells[1].replacingOccurrences(of: "`", with: "")
            let findings = cells[4] == "none" ? [] : cells[4].components(separatedBy: "; ")
            expected[key] = findings
        }

        let test = TestEnvironment(workingDirectory: Fixtures.packageRoot)
        #expect(test.run(["lint", "--format", "json", "Examples"]) == 1)
        let report = try #require(JSONSerialization.jsonObject(with: Data(test.output.text.utf8)) as? [String: Any])
        var actual: [String: [String]] = [:]
        for note in report["notes"] as? [[String: Any]] ?? [] {
            var key = ((note["file"] as? String) ?? "").replacingOccurrences(of: "Examples/", with: "")
            if key.hasSuffix(".xml"), let id = note["id"] as? String { key += " (\(id))" }
            actual[key] = (note["findings"] as? [[String: Any]] ?? []).map { finding in
                "\(finding["rule"] ?? "") \(finding["line"] ?? 0):\(finding["column"] ?? 0)"
            }
        }
        #expect(Set(actual.keys) == Set(expected.keys))
        for key in actual.keys.sorted() {
            #expect(actual[key] == expected[key], "\(key)")
        }
    }
}
