import Dispatch
import Foundation
import SOAPLintReporters

/// Ends an interrupted run (SIGINT, SIGTERM) cleanly: the temporary files of reports still being
/// written are removed, so no partial report is ever left behind, and the process exits with
/// 128 + the signal number (130 for Ctrl-C, 143 for a plain `kill`), as shells expect.
enum Interruption {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var temporaryFiles: Set<String> = []
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    nonisolated(unsafe) private static var output: FileDescriptorSink?

    /// Starts watching for SIGINT and SIGTERM. Called once by the command-line tool, never by tests.
    static func install() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(
                signal: number, queue: DispatchQueue.global(qos: .userInteractive))
            source.setEventHandler { stop(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Standard output, whose held-back text is written out before an interrupted run exits.
    static func flushOnStop(_ sink: FileDescriptorSink) {
        lock.lock()
        output = sink
        lock.unlock()
    }

    /// A report file being written: removed if the run is interrupted.
    static func track(_ path: String) {
        lock.lock()
        temporaryFiles.insert(path)
        lock.unlock()
    }

    /// A report file finished or abandoned.
    static func untrack(_ path: String) {
        lock.lock()
        temporaryFiles.remove(path)
        lock.unlock()
    }

    private static func stop(_ number: Int32) {
        lock.lock()
        for path in temporaryFiles { unlink(path) }
        _ = output?.flushIfIdle()
        lock.unlock()
        let message = "\nsoaplint: interrupted; no report was written\n"
        _ = message.withCString { write(2, $0, strlen($0)) }
        _exit(128 + number)
    }
}
