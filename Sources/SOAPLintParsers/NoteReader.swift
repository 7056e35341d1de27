import Foundation
import SOAPLintModel

/// The formats soaplint reads, recognised by file extension.
public enum NoteFormat: String, CaseIterable, Sendable {
    case markdown
    case text
    case xml

    /// The format for a path's extension (`.md`, `.markdown`, `.txt`, `.xml`), nil for others.
    public init?(path: String) {
        let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "md", "markdown": self = .markdown
        case "txt": self = .text
        case "xml": self = .xml
        default: return nil
        }
    }

    /// The extensions soaplint looks for when it walks a folder.
    public static let extensions = ["md", "markdown", "txt", "xml"]
}

/// Turns a note file's bytes into notes, whatever its format.
public struct NoteReader: Sendable {
    /// The largest note file soaplint parses; larger files are refused with a clear error, since
    /// Markdown parsing of crafted input can take time that grows with the square of its size.
    public static let maximumFileBytes = 1 << 20

    /// The section and field names in use.
    public let vocabulary: SectionVocabulary
    /// The schema SOAP XML exports are validated against, nil for no validation.
    public var schema: XMLSchema?

    /// Creates a reader using `vocabulary`.
    public init(vocabulary: SectionVocabulary, schema: XMLSchema? = nil) {
        self.vocabulary = vocabulary
        self.schema = schema
    }

    /// Reads the notes of the file at `path` (shown as `file`) and hands each to `each` as soon as
    /// it is read: XML exports note by note, Markdown and text files whole. Throws a `FileError`
    /// naming the file (and the line, where there is one) after every note read before it.
    /// With `clock`, the time spent reading and parsing is charged to those phases.
    public func eachNote(
        inFileAt path: String, file: String, format: NoteFormat, clock: PhaseClock? = nil,
        problem: (FileError) -> Void = { _ in }, _ each: (Note) -> Void
    ) throws(FileError) {
        let (descriptor, status) = try NoteFileReader.open(path, shown: file)
        defer { close(descriptor) }
        if format == .xml {
            try XMLNoteParser.read(
                .descriptor(descriptor), file: file, vocabulary: vocabulary, schema: schema, clock: clock, each: each,
                problem: problem)
            return
        }
        let bytes = try NoteFileReader.read(descriptor, status: status, shown: file, limit: Self.maximumFileBytes)
        clock?.mark(.read)
        let notes = try notes(in: bytes, file: file, format: format)
        clock?.mark(.parse)
        notes.forEach(each)
    }

    /// The notes in `bytes`, read from `file` in `format`. Throws a `FileError` naming the file
    /// (and the line, where there is one) when the file cannot be read as notes.
    public func notes(in bytes: [UInt8], file: String, format: NoteFormat) throws(FileError) -> [Note] {
        if bytes.count > Self.maximumFileBytes, format != .xml {
            throw FileError(
                file: file,
                message:
                    "the file is \(bytes.count / 1024) KB; soaplint reads notes of up to \(Self.maximumFileBytes / 1024) KB"
            )
        }
        let source = try SourceText(bytes: bytes, file: file)
        switch format {
        case .markdown: return [try MarkdownParser.parse(source, file: file, vocabulary: vocabulary)]
        case .text: return [try PlainTextParser.parse(source, file: file, vocabulary: vocabulary)]
        case .xml: return try XMLNoteParser.parse(bytes, file: file, vocabulary: vocabulary)
        }
    }
}
