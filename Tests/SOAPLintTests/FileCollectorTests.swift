import Foundation
import SOAPLintModel
import Testing

@testable import SOAPLintCLI

/// The folder walk: files found one folder at a time still come out in path order, once each.
@Suite("Finding note files")
struct FileCollectorTests {
    /// Names whose path order differs from a folder-by-folder order unless folders sort as `name/`.
    static let names = [
        "a.md", "a/x.md", "a/b/c.txt", "a-b.md", "a-b/y.md", "a0.md", "B.md", "b/z.xml", "é.md", "Z/é/deep.md",
        "a/.hidden.md", "a/notes.pdf", "clinic/2026-01/v-1.md", "clinic/2026-01/v-10.md", "clinic/2026-01/v-2.md",
        "clinic/2026-01.md", "clinic/2026-011/v.md",
    ]

    /// Everything `collector` hands out, files as paths and errors as `error FILE: MESSAGE`.
    static func drain(_ collector: inout FileCollector) -> [String] {
        var items: [String] = []
        while let item = collector.next() {
            switch item {
            case .file(let path): items.append(path)
            case .error(let error): items.append("error \(error.file): \(error.message)")
            }
        }
        return items
    }

    /// Sorted by UTF-8 bytes, as `strcmp` does.
    static func byteSorted(_ paths: [String]) -> [String] {
        paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    @Test("a walk gives every note file below a folder in byte order of the whole path")
    func pathOrder() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for name in Self.names { try scratch.write("notes/" + name, "S: a\n") }
        let test = TestEnvironment(workingDirectory: scratch.url)
        var collector = FileCollector(paths: ["notes"], environment: test.environment)
        let expected = Self.byteSorted(
            Self.names.filter { !$0.contains("/.") && !$0.hasSuffix(".pdf") }.map { "notes/" + $0 })
        #expect(expected.first == "notes/B.md" && expected.contains("notes/a-b.md"))
        #expect(Self.drain(&collector) == expected)
        #expect(collector.filesFound == expected.count)
    }

    @Test("several paths, overlapping and in any order, give each file once, in path order")
    func mergedPaths() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for name in Self.names { try scratch.write("notes/" + name, "S: a\n") }
        try scratch.write("other/q.md", "S: a\n")
        let test = TestEnvironment(workingDirectory: scratch.url)
        var collector = FileCollector(
            paths: ["other", "notes/a", "notes/a-b.md", "notes", "notes/a/.hidden.md", "notes/a-b.md", "missing.md"],
            environment: test.environment)
        let walked = Self.names.filter { !$0.contains("/.") && !$0.hasSuffix(".pdf") }.map { "notes/" + $0 }
        // A hidden file is skipped by a walk but read when it is named.
        let expected = Self.byteSorted(walked + ["notes/a/.hidden.md", "other/q.md"])
        #expect(Self.drain(&collector) == expected)
        #expect(collector.argumentErrors.map(\.file) == ["missing.md"])
        #expect(collector.mayFindSeveral)
    }

    @Test("a folder without notes and a .soaplintignore are reported and honoured where the walk meets them")
    func emptyFolderAndIgnoreFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("docs/readme.pdf", "not a note")
        try scratch.write("notes/keep.md", "S: a\n")
        try scratch.write("notes/drafts/wip.md", "S: a\n")
        try scratch.write("notes/.soaplintignore", "# drafts are not charted yet\ndrafts\n")
        let test = TestEnvironment(workingDirectory: scratch.url)
        var collector = FileCollector(paths: ["notes", "docs"], environment: test.environment)
        #expect(
            Self.drain(&collector) == [
                "error docs: no note files (.md, .markdown, .txt, .xml) in this folder", "notes/keep.md",
            ])
        #expect(collector.filesFound == 1)
    }

    @Test("one file named alone is not 'several', and the run over it says so")
    func singleFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("one.md", "S: a\n")
        let test = TestEnvironment(workingDirectory: scratch.url)
        var collector = FileCollector(paths: ["one.md"], environment: test.environment)
        #expect(!collector.mayFindSeveral)
        #expect(Self.drain(&collector) == ["one.md"])
    }
}
