import Dispatch
import Foundation
import SOAPLintModel
import SOAPLintParsers
import Testing

@testable import SOAPLintCLI

@Suite("Streaming")
struct StreamingTests {
    @Test("a large export is handed over note by note, in order, with its ids")
    func export() throws {
        var xml = "<?xml version=\"1.0\"?>\n<soapNotes>\n"
        for index in 0..<2_000 {
            xml +=
                "  <note id=\"n\(index)\"><subjective>Pain \(index % 10)/10.</subjective><objective>ROM 45°</objective></note>\n"
        }
        xml += "</soapNotes>\n"
        var seen: [(Int, String?, Int)] = []
        let notes = try Fixtures.notes(xml, name: "export.xml")
        for note in notes { seen.append((note.index, note.id, note.start.line)) }
        #expect(seen.count == 2_000)
        #expect(
            seen.enumerated().allSatisfy { offset, entry in
                entry.0 == offset && entry.1 == "n\(offset)" && entry.2 == offset + 3
            })
    }

    @Test("the notes read before a malformed one are kept, and the error names its line")
    func nothingLost() throws {
        var xml = "<soapNotes>\n"
        for index in 0..<200 { xml += "<note id=\"n\(index)\"><subjective>Pain 6/10 on sitting.</subjective></note>\n" }
        xml += "<note id=\"bad\"><subjective>y</subjective></nte>\n</soapNotes>\n"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "soaplint-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("e.xml").path
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        var notes: [Note] = []
        let error = #expect(throws: FileError.self) {
            try Fixtures.reader.eachNote(inFileAt: path, file: "e.xml", format: .xml) { notes.append($0) }
        }
        #expect(error?.line == 202)
        // libxml2 parses a few kilobytes ahead, so the notes in the last chunk before the error
        // are not handed over; every earlier one is, in order.
        #expect(notes.count >= 150)
        #expect(notes.enumerated().allSatisfy { $0.element.id == "n\($0.offset)" })
    }

    @Test("notes handed to helpers come back in order, each linted once, and the queue stays short")
    func pool() {
        let pool = NotePool()
        let notes = (0..<3_000).map { Note(file: "e.xml", index: $0, id: "n\($0)", sections: [], visit: Visit()) }
        let lintedCount = Delivered()
        let results = Delivered()
        let largestQueue = Delivered()
        let lint: @Sendable (Note) -> NoteResult = { note in
            lintedCount.append(note.id ?? "")
            if note.index % 7 == 0 { usleep(50) }
            return NoteResult(note: note, findings: [])
        }
        pool.producerStarted()  // before the helpers start, so they wait for this reader
        DispatchQueue.concurrentPerform(iterations: 3) { thread in
            guard thread == 0 else {
                pool.help(lint)
                return
            }
            var pending: [NotePool.Job] = []
            var largest = 0
            for note in notes {
                pending.append(pool.offer(note) ?? NotePool.Job(done: lint(note)))
                largest = max(largest, pool.storedJobs)
                while pending.count > 64 { results.append(pool.result(of: pending.removeFirst(), lint: lint).note.id!) }
            }
            for job in pending { results.append(pool.result(of: job, lint: lint).note.id!) }
            largestQueue.append(String(largest))
            pool.producerFinished()
        }
        #expect(results.items == notes.map { $0.id! })
        #expect(lintedCount.items.count == notes.count)
        #expect(Set(lintedCount.items).count == notes.count)
        #expect(Int(largestQueue.items.first ?? "") ?? .max <= 64 + 32)
    }

    @Test("results of files linted in parallel come out in file order, whatever finishes first")
    func ordering() {
        let files = 40
        let box = Delivered()
        let emitter = OrderedEmitter(capacity: 3) { event in
            if case .error(let error) = event { box.append(error.file) }
        }
        DispatchQueue.concurrentPerform(iterations: files) { index in
            for part in 0..<((index * 7) % 9) {
                if (index + part) % 3 == 0 { usleep(200) }
                emitter.emit(.error(FileError(file: "\(index)/\(part)", message: "")), file: index)
            }
            emitter.finish(file: index)
        }
        let expected = (0..<files).flatMap { index in (0..<((index * 7) % 9)).map { "\(index)/\($0)" } }
        #expect(box.items == expected)
    }
}

private final class Delivered: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ item: String) {
        lock.lock()
        storage.append(item)
        lock.unlock()
    }
    var items: [String] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
