import Dispatch
import Foundation
import SOAPLintReporters

/// The live progress line a run over many files shows on a terminal's standard error: files and
/// notes done of the total, notes per second, elapsed time. Redrawn five times a second, cleared
/// before any other line is written to standard error and when the run ends; never drawn when
/// standard error is not a terminal, so it never mixes into a report.
final class ProgressLine: @unchecked Sendable {
    private let sink: any TextSink
    private let totalFiles: Int
    private let lock = NSLock()
    private var files = 0
    private var notes = 0
    private var shown = false
    private let started = Date()
    private var timer: DispatchSourceTimer?

    init(sink: any TextSink, totalFiles: Int) {
        self.sink = sink
        self.totalFiles = totalFiles
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
        sink.write("\r\u{1B}[K\(files)/\(totalFiles) files, \(notes) notes, \(rate) notes/s, \(Int(elapsed))s")
        shown = true
    }

    private func clearLocked() {
        if shown { sink.write("\r\u{1B}[K") }
        shown = false
    }
}
