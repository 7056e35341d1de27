import Foundation
import SOAPLintEngine
import SOAPLintParsers

/// What every fuzz target shares: the shipped section vocabulary, and a reader and rule set
/// built from it, so each input goes through the same pipeline as `soaplint lint`.
public enum FuzzSupport {
    /// The repository's `Rules/` folder.
    public static let rulesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rules").path

    /// A reader with the shipped vocabulary.
    public static let reader: NoteReader = {
        let path = rulesDirectory + "/sections.yml"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        guard let vocabulary = try? SectionVocabulary.load(yaml: text, path: path) else { fatalError("cannot load \(path)") }
        return NoteReader(vocabulary: vocabulary)
    }()

    /// The shipped rules, to lint what parses. libFuzzer runs one input at a time, on one thread.
    nonisolated(unsafe) public static let session: Linter.Session = {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("soaplint-fuzz-cache").path
        guard case .success(let ruleSet) = RuleSet.load(directories: [rulesDirectory], cacheDirectory: cache) else {
            fatalError("cannot load the rules in \(rulesDirectory)")
        }
        return Linter(ruleSet: ruleSet).makeSession()
    }()

    /// Parses `data` as `format` and lints every note it gives.
    public static func lint(_ data: UnsafePointer<UInt8>, _ size: Int, format: NoteFormat) {
        let bytes = Array(UnsafeBufferPointer(start: data, count: size))
        guard let notes = try? reader.notes(in: bytes, file: "fuzz", format: format) else { return }
        for note in notes { _ = session.lint(note) }
    }

    /// The input as text, when it is UTF-8.
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String? {
        String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }
}

