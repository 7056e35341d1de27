import Dispatch
import Foundation
import SOAPLintReporters

/// The live progress line a run over many files shows on a terminal's standard error: files done
/// (of the total, once the folder walk has found them all), notes done, notes per second, elapsed time. Redrawn five times a second, cleared
/// before any other line is written to standard error and when the run ends; never drawn when
/// standard error is not a terminal, so it never mixes into a report.
final class ProgressLine: @unchecked Sendable {
    private let sink: any TextSink
    private var totalFiles: Int?
    private let lock = NSLock()
    private var files = 0
    private var notes = 0
    private var shown = false
    private let started = Date()
    private var timer: DispatchSourceTimer?

    init(sink: any TextSink) {
        self.sink = sink
        draw()
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + .milliseconds(200), repeating: .milliseconds(200))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    /// A note was reported.
    func noteDone() {
        lock.lock()
        notes += 1
        lock.unlock()
    }

    /// The walk is done: `files` files in all.
    func found(files: Int) {
        lock.lock()
        totalFiles = files
        lock.unlock()
    }

    /// A file was finished.
    func fileDone() {
        lock.lock()
        files += 1
        lock.unlock()
    }

    /// Writes `text` to standard error on a line of its own.
    func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        clearLocked()
        sink.write(text)
    }

    /// Stops redrawing and clears the line.
    func finish() {
        timer?.cancel()
        timer = nil
        lock.lock()
        clearLocked()
        lock.unlock()
    }

    private func draw() {
        lock.lock()
        defer { lock.unlock() }
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let rate = Int(Double(notes) / elapsed)
        let done = totalFiles.map { "\(files)/\($0)" } ?? String(files)
        sink.write("\r\u{1B}[K\(done) files, \(notes) notes, \(rate) notes/s, \(Int(elapsed))s")
        shown = true
    }

    private func clearLocked() {
        if shown { sink.write("\r\u{1B}[K") }
        shown = false
    }
}
