import CSupport
import Foundation
import SOAPLintReporters

/// A report file written as the run goes, to a temporary file beside it, and renamed into
/// place only when the run is complete: a reader never sees half a report.
final class FileOutput: TextSink, @unchecked Sendable {
    /// The report's path, as given.
    let path: String
    private let target: String
    private let temporary: String
    private let descriptor: Int32
    private var failed: String?
    /// Text not yet written: reports go out in 64 KB blocks.
    private var buffer: [UInt8] = []
    private static let blockSize = 64 << 10

    /// Creates the temporary file for `path` (as given; resolved against the working
    /// directory); throws the reason it cannot be written.
    convenience init(path: String, environment: CommandEnvironment) throws(FileWriteError) {
        try self.init(path: path, target: environment.absolute(path))
    }

    /// Creates the temporary file for the absolute path `target`, shown as `path` in errors.
    init(path: String, target: String) throws(FileWriteError) {
        self.path = path
        self.target = target
        let url = URL(fileURLWithPath: target)
        temporary =
            url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).soaplint-\(getpid()).tmp")
            .path
        descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileWriteError(
                path: path, reason: "cannot write the file (\(String(cString: strerror(errno)).lowercased()))")
        }
        Interruption.track(temporary)
    }

    func write(_ text: String) {
        guard failed == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.blockSize { writeBuffer() }
    }

    private func writeBuffer() {
        guard failed == nil, !buffer.isEmpty else { return }
        let status = buffer.withUnsafeBytes { soaplint_write_all(descriptor, $0.baseAddress, $0.count) }
        if status != 0 { failed = String(cString: strerror(errno)).lowercased() }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Closes the file and renames it into place; throws if any write failed.
    func commit() throws(FileWriteError) {
        writeBuffer()
        close(descriptor)
        defer { Interruption.untrack(temporary) }
        if let failed {
            unlink(temporary)
            throw FileWriteError(path: path, reason: "cannot write the file (\(failed))")
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            unlink(temporary)
            throw FileWriteError(path: path, reason: "cannot write the file (\(reason))")
        }
    }

    /// Closes and removes the temporary file.
    func abandon() {
        close(descriptor)
        unlink(temporary)
        Interruption.untrack(temporary)
    }
}
