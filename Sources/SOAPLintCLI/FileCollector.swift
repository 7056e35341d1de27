import Foundation
import SOAPLintModel
import SOAPLintParsers

/// Turns the paths on the command line into the note files to read, found as they are asked for.
///
/// Folders are walked recursively for `.md`, `.markdown`, `.txt` and `.xml` files; hidden
/// entries and symbolic links inside folders are skipped (so link loops cannot trap a run), and
/// so are the names a folder's `.soaplintignore` lists (one shell pattern per line, matched
/// against names in that folder and below; `#` starts a comment). A file named on the command
/// line is always read.
///
/// Files come out sorted by path (byte order) and free of duplicates, whatever order the paths
/// were given in, yet the whole list is never held: each folder's entries are sorted on their
/// own, a subfolder's name sorting as if it ended in `/`, so a depth-first walk is already in
/// path order, and the walks of several folders are merged. Memory grows with the depth of the
/// tree and the size of one folder, not with the number of files.
struct FileCollector {
    /// What the walk found next: a note file, or a path that could not be used.
    enum Item: Equatable {
        case file(String)
        case error(FileError)
    }

    /// Problems with the paths as given (missing, not a note type), sorted by path; known at once.
    let argumentErrors: [FileError]
    /// Whether the walk may find more than one file (a folder, or several files, was given).
    let mayFindSeveral: Bool
    /// Note files handed out so far.
    private(set) var filesFound = 0
    /// The files named on the command line, sorted, then the walk of each folder named.
    private var streams: [Stream]
    private var lastFile: String?

    init(paths: [String], environment: CommandEnvironment) {
        var errors: [FileError] = []
        var files: [String] = []
        var folders: [FolderWalk] = []
        for path in paths {
            let absolute = environment.absolute(path)
            var info = stat()
            guard stat(absolute, &info) == 0 else {
                errors.append(FileError(file: path, message: Self.reason(errno)))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                folders.append(FolderWalk(directory: absolute, shown: path))
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
                files.append(path)
            }
        }
        argumentErrors = errors.sorted { Self.byteOrder($0.file, $1.file) }
        mayFindSeveral = !folders.isEmpty || files.count > 1
        streams = [Stream(listed: files.sorted(by: Self.byteOrder))] + folders.map { Stream(walk: $0) }
    }

    /// The next file or walk error in path order; nil when the walk is done.
    mutating func next() -> Item? {
        while true {
            var first: Int?
            for index in streams.indices where streams[index].head != nil {
                if let chosen = first, !Self.byteOrder(streams[index].key, streams[chosen].key) { continue }
                first = index
            }
            guard let first, let item = streams[first].take() else { return nil }
            if case .file(let path) = item {
                if path == lastFile { continue }
                lastFile = path
                filesFound += 1
            }
            return item
        }
    }

    /// One sorted source of items, with its next item read ahead so sources can be merged.
    private struct Stream {
        private var listed: ArraySlice<String> = []
        private var walk: FolderWalk?
        private(set) var head: Item?

        init(listed: [String]) {
            self.listed = listed[...]
            advance()
        }

        init(walk: FolderWalk) {
            self.walk = walk
            advance()
        }

        /// The path `head` sorts by.
        var key: String {
            switch head {
            case .file(let path): path
            case .error(let error): error.file
            case nil: ""
            }
        }

        mutating func take() -> Item? {
            defer { advance() }
            return head
        }

        private mutating func advance() {
            if walk != nil {
                head = walk!.next()
            } else {
                head = listed.popFirst().map(Item.file)
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
