import Foundation
import SOAPLintModel
import SOAPLintParsers

/// The note files under one folder, depth first and in path order, read one folder at a time.
///
/// Each folder's entries are sorted with a subfolder's name taken as ending in `/`, which is
/// where its files fall among the full paths (`a.md` < `a/x.md`, as `.` < `/`). Only the folders
/// on the way down from the top are held, each as its list of names.
struct FolderWalk {
    /// One folder being walked: its sorted entries and how far the walk has gone through them.
    private struct Level {
        var path: String
        var shown: String
        var ignored: [String]
        /// Every entry's name, a folder's with `/` appended (the key it sorts by), each ended by
        /// a NUL: one buffer, so a folder of 100,000 files costs about 2 MB, not 8.
        var names: [UInt8]
        /// Where each name starts in `names`, in path order.
        var order: [UInt32]
        var position = 0

        /// The name at `position`, and whether it is a folder's.
        func entry(_ position: Int) -> (name: String, isFolder: Bool) {
            let start = Int(order[position])
            let end = names[start...].firstIndex(of: 0) ?? names.endIndex
            let isFolder = end > start && names[end - 1] == UInt8(ascii: "/")
            return (String(decoding: names[start..<(isFolder ? end - 1 : end)], as: UTF8.self), isFolder)
        }
    }

    private let shown: String
    private var levels: [Level] = []
    private var pending: [FileCollector.Item] = []
    private var found = 0
    private var finished = false

    /// A walk of `directory` (absolute), whose paths are shown starting with `shown`.
    init(directory: String, shown: String) {
        self.shown = shown
        descend(into: directory, shown: shown, ignoring: [])
    }

    /// The next note file or unreadable folder; nil when the walk is done. A folder that held no
    /// note file at all ends its walk with an error.
    mutating func next() -> FileCollector.Item? {
        while pending.isEmpty {
            guard var level = levels.popLast() else {
                guard !finished else { return nil }
                finished = true
                guard found == 0 else { return nil }
                return .error(
                    FileError(
                        file: shown,
                        message:
                            "no note files (\(NoteFormat.extensions.map { ".\($0)" }.joined(separator: ", "))) in this folder"
                    ))
            }
            guard level.position < level.order.count else { continue }
            let (name, isFolder) = level.entry(level.position)
            level.position += 1
            let full = level.path + "/" + name
            let display = level.shown.hasSuffix("/") ? level.shown + name : level.shown + "/" + name
            let ignored = level.ignored
            levels.append(level)
            if isFolder {
                descend(into: full, shown: display, ignoring: ignored)
            } else {
                found += 1
                pending.append(.file(display))
            }
        }
        return pending.removeFirst()
    }

    /// Reads `directory`'s entries onto the walk, or queues the reason it cannot be read.
    private mutating func descend(into directory: String, shown: String, ignoring inherited: [String]) {
        guard let handle = opendir(directory) else {
            pending.append(.error(FileError(file: shown, message: FileCollector.reason(errno))))
            return
        }
        defer { closedir(handle) }
        let ignored = inherited + FileCollector.ignorePatterns(in: directory)
        var names: [UInt8] = []
        var order: [UInt32] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") || ignored.contains(where: { fnmatch($0, name, 0) == 0 }) { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(directory + "/" + name, &info) == 0 else { continue }
                type =
                    info.st_mode & S_IFMT == S_IFDIR
                    ? UInt8(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? UInt8(DT_REG) : 0
            }
            let isFolder = type == UInt8(DT_DIR)
            guard isFolder || (type == UInt8(DT_REG) && NoteFormat(path: name) != nil) else { continue }
            order.append(UInt32(names.count))
            names.append(contentsOf: name.utf8)
            if isFolder { names.append(UInt8(ascii: "/")) }
            names.append(0)
        }
        names.withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            let base = UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self)
            order.sort { strcmp(base + Int($0), base + Int($1)) < 0 }
        }
        levels.append(Level(path: directory, shown: shown, ignored: ignored, names: names, order: order))
    }
}
