import Foundation
import SOAPLintModel
import SOAPLintParsers

/// What every command that reads notes needs: the vocabulary from the built-in `Rules/`, and
/// the way files and standard input are turned into notes.
struct RunContext {
    var rulesDirectory: String
    var reader: NoteReader

    /// Loads `sections.yml` from the built-in rules folder; the error text names the file, line and column.
    static func load(environment: CommandEnvironment) -> Result<RunContext, ConfigurationError> {
        guard let directory = RulesLocator.builtInDirectory(environment: environment) else {
            return .failure(
                ConfigurationError(
                    message:
                        "cannot find the built-in Rules folder; set SOAPLINT_RULES_DIR to the soaplint Rules folder"))
        }
        let path = directory + "/sections.yml"
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ConfigurationError(message: "\(path): cannot read the section vocabulary"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ConfigurationError(message: "\(path): the file is not UTF-8 text"))
        }
        do {
            let vocabulary = try SectionVocabulary.load(yaml: text, path: path)
            return .success(RunContext(rulesDirectory: directory, reader: NoteReader(vocabulary: vocabulary)))
        } catch {
            return .failure(ConfigurationError(message: error.description))
        }
    }

    /// The context, or nil after writing why it could not be loaded to standard error.
    static func load(reporting environment: CommandEnvironment) -> RunContext? {
        switch load(environment: environment) {
        case .success(let context): return context
        case .failure(let error):
            environment.errorOutput.write("soaplint: \(error.message)\n")
            return nil
        }
    }

    /// Reads the notes of one input and hands each to `each` as it is read; throws the file's
    /// error after the notes read before it.
    func eachNote(
        of input: Input, environment: CommandEnvironment, clock: PhaseClock? = nil,
        problem: (FileError) -> Void = { _ in }, _ each: (Note) -> Void
    ) throws(FileError) {
        switch input {
        case .file(let path):
            try reader.eachNote(
                inFileAt: environment.absolute(path), file: path, format: NoteFormat(path: path) ?? .text,
                clock: clock, problem: problem, each)
        case .standardInput(let name, let bytes):
            let notes = try reader.notes(in: bytes, file: name, format: NoteFormat(path: name) ?? .markdown)
            clock?.mark(.parse)
            notes.forEach(each)
        case .unusable(let error):
            throw error
        }
    }

    /// Something to read notes from.
    enum Input {
        case file(String)
        case standardInput(name: String, bytes: [UInt8])
        /// A path found while walking folders that cannot be used (a folder that cannot be
        /// opened, one with no notes): reading it reports the error in its place in the run.
        case unusable(FileError)

        var name: String {
            switch self {
            case .file(let path): path
            case .standardInput(let name, _): name
            case .unusable(let error): error.file
            }
        }
    }
}

/// The rules or vocabulary could not be loaded; nothing is linted.
struct ConfigurationError: Error {
    var message: String
}
