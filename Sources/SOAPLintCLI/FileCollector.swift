import Foundation
import SOAPLintModel
import SOAPLintParsers

/// Turns the paths on the command line into the list of note files to read.
///
/// Folders are walked recursively for `.md`, `.markdown`, `.txt` and `.xml` files; hidden
/// entries and symbolic links inside folders are skipped (so link loops cannot trap a run), and
/// so are the names a folder's `.soaplintignore` lists (one shell pattern per line, matched
/// against names in that folder and below; `#` starts a comment). A file named on the command
/// line is always read.
/// The result is sorted and free of duplicates, whatever order the paths were given in.
struct FileCollector {
    /// The files to read, sorted by path.
    var files: [String] = []
    /// Paths that could not be used (missing, not a note type, a folder with no notes).
    var errors: [FileError] = []

    init(paths: [String], environment: CommandEnvironment) {
        var found = Set<String>()
        for path in paths {
            let absolute = environment.absolute(path)
            var info = stat()
            guard stat(absolute, &info) == 0 else {
                errors.append(FileError(file: path, message: Self.reason(errno)))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                let before = found.count
                walk(directory: absolute, shown: path, ignoring: [], into: &found)
                if found.count == before {
                    errors.append(
                        FileError(
                            file: path,
                            message:
                                "no note files (\(NoteFormat.extensions.map { ".\($0)" }.joined(separator: ", "))) in this folder"
                        ))
                }
            } else if info.st_mode & S_IFMT != S_IFREG {
                errors.append(
                    FileError(
                        file: path, message: "not a regular file (a device, pipe or socket); soaplint reads note files")
                )
            } else if NoteFormat(path: path) == nil {
                errors.append(
                    FileError(
                        file: path,
                        message:
                            "not a note file; soaplint reads \(NoteFormat.extensions.map { ".\($0)" }.joined(separator: ", ")) files"
                    ))
            } else {
                found.insert(path)
            }
        }
        files = found.sorted(by: Self.byteOrder)
        errors.sort { Self.byteOrder($0.file, $1.file) }
    }

    private mutating func walk(
        directory: String, shown: String, ignoring inherited: [String], into found: inout Set<String>
    ) {
        guard let handle = opendir(directory) else {
            errors.append(FileError(file: shown, message: Self.reason(errno)))
            return
        }
        defer { closedir(handle) }
        let ignored = inherited + Self.ignorePatterns(in: directory)
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") || ignored.contains(where: { fnmatch($0, name, 0) == 0 }) { continue }
            let full = directory + "/" + name
            let display = shown.hasSuffix("/") ? shown + name : shown + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                type =
                    info.st_mode & S_IFMT == S_IFDIR
                    ? UInt8(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? UInt8(DT_REG) : 0
            }
            if type == UInt8(DT_DIR) {
                walk(directory: full, shown: display, ignoring: ignored, into: &found)
            } else if type == UInt8(DT_REG), NoteFormat(path: name) != nil {
                found.insert(display)
            }
        }
    }

    /// Byte order of two paths (which hold no NUL), compared with `strcmp` on their UTF-8.
    static func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.withCString { left in rhs.withCString { right in strcmp(left, right) < 0 } }
    }

    /// The patterns of `directory/.soaplintignore`, empty when there is none.
    static func ignorePatterns(in directory: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: directory + "/.soaplintignore") else { return [] }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The words for an `errno` value ("no such file or directory").
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
