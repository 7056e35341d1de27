import Foundation
import SOAPLintCLI
import SOAPLintEngine
import SOAPLintModel
import SOAPLintParsers
import SOAPLintReporters
import Testing

/// Paths and helpers shared by the tests.
enum Fixtures {
    /// `Tests/SOAPLintTests`.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The package root.
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    /// `Tests/SOAPLintTests/Fixtures`.
    static let directory = testsDirectory.appendingPathComponent("Fixtures")
    /// The shipped `Rules/` folder.
    static let rulesDirectory = packageRoot.appendingPathComponent("Rules")

    /// Whether goldens are re-recorded instead of compared (`SOAPLINT_RECORD=1 swift test`).
    static var recording: Bool { ProcessInfo.processInfo.environment["SOAPLINT_RECORD"] == "1" }

    /// The shipped section vocabulary.
    static let vocabulary: SectionVocabulary = {
        let path = rulesDirectory.appendingPathComponent("sections.yml").path
        let text = try! String(contentsOfFile: path, encoding: .utf8)
        return try! SectionVocabulary.load(yaml: text, path: path)
    }()

    /// A private cache folder for compiled pattern databases, removed with the temporary folder.
    static let cacheDirectory = FileManager.default.temporaryDirectory
        .appendingPathComponent("soaplint-test-cache-\(ProcessInfo.processInfo.processIdentifier)").path

    /// The shipped rule set.
    static let ruleSet: RuleSet = {
        switch RuleSet.load(directories: [rulesDirectory.path], cacheDirectory: cacheDirectory) {
        case .success(let ruleSet): return ruleSet
        case .failure(let errors): fatalError("the shipped rules do not load: \(errors.errors)")
        }
    }()

    /// Findings of the rule `id` alone for the note in `text`.
    static func findings(
        _ id: String, _ text: String, name: String = "note.md", configuration: Configuration = Configuration()
    ) throws -> [Finding] {
        let session = Linter(ruleSet: ruleSet, configuration: configuration).makeSession()
        return session.lint(try note(text, name: name), only: [id]).findings
    }

    /// A reader with the shipped vocabulary.
    static var reader: NoteReader { NoteReader(vocabulary: vocabulary) }

    /// The notes in `text`, read as `name` (whose extension picks the format).
    static func notes(_ text: String, name: String = "note.md") throws -> [Note] {
        try reader.notes(in: Array(text.utf8), file: name, format: NoteFormat(path: name) ?? .markdown)
    }

    /// The one note in `text`.
    static func note(_ text: String, name: String = "note.md") throws -> Note {
        let notes = try notes(text, name: name)
        try #require(notes.count == 1)
        return notes[0]
    }

    /// The names of the files in `folder`, sorted.
    static func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// Compares `actual` with the golden file at `url`, or writes it when recording.
    static func assertGolden(_ actual: String, _ url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if recording {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "missing golden \(url.lastPathComponent); run SOAPLINT_RECORD=1 swift test",
                sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "golden \(url.lastPathComponent) differs", sourceLocation: sourceLocation)
    }
}

/// A `CommandEnvironment` that captures output, for running the CLI in-process.
struct TestEnvironment {
    let output = BufferSink()
    let errorOutput = BufferSink()
    let environment: CommandEnvironment

    init(
        workingDirectory: URL, stdin: [UInt8] = [], variables: [String: String] = [:], terminal: Bool = false,
        errorTerminal: Bool = false
    ) {
        var all = ["SOAPLINT_RULES_DIR": Fixtures.rulesDirectory.path, "SOAPLINT_CACHE_DIR": Fixtures.cacheDirectory]
        all.merge(variables) { $1 }
        environment = CommandEnvironment(
            variables: all, workingDirectory: workingDirectory.path, output: output, errorOutput: errorOutput,
            readStandardInput: { stdin }, outputIsTerminal: terminal, executablePath: "/nonexistent/soaplint",
            processorCount: 2, errorIsTerminal: errorTerminal)
    }

    /// Runs `arguments` and returns the exit code.
    func run(_ arguments: [String]) -> Int32 {
        SOAPLintCommand.run(arguments, environment: environment)
    }
}

/// Runs a program to its end, capturing standard output and error together.
enum Subprocess {
    static func run(_ executable: URL, _ arguments: [String], in directory: URL?) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
