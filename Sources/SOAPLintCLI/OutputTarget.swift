import Foundation

/// Where one report goes: a format and, with `--format F:FILE`, a file.
struct OutputTarget: Hashable {
    /// The formats soaplint writes.
    enum Format: String, CaseIterable {
        case text
        case json
        case html
        case sarif
        case junit
        case github
    }

    var format: Format
    /// The file to write, nil for standard output.
    var path: String?

    /// A target for `format`, written to `path` (nil: standard output).
    init(format: Format, path: String?) {
        self.format = format
        self.path = path
    }

    /// Reads `json`, `text` or `json:report.json`.
    init(parsing value: String) throws(UsageError) {
        let name: Substring
        if let colon = value.firstIndex(of: ":") {
            name = value[..<colon]
            let path = String(value[value.index(after: colon)...])
            guard !path.isEmpty else {
                throw .invalidValue(
                    option: "--format", value: value, expected: "a file name after ':'", suggestion: nil)
            }
            self.path = path
        } else {
            name = value[...]
            path = nil
        }
        guard let format = Format(rawValue: String(name)) else {
            let names = Format.allCases.map(\.rawValue)
            throw .invalidValue(
                option: "--format", value: String(name), expected: "one of \(names.joined(separator: ", "))",
                suggestion: UsageError.suggestion(for: String(name), among: names))
        }
        self.format = format
    }

    /// Writes `text` to the absolute `path` whole or not at all (see `FileOutput`).
    static func writeAtomically(_ text: String, to path: String) throws(FileWriteError) {
        let file = try FileOutput(path: path, target: path)
        file.write(text)
        try file.commit()
    }
}

/// A report file that could not be written.
struct FileWriteError: Error {
    var path: String
    var reason: String
}
