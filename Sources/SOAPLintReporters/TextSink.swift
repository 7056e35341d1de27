import CSupport
import Foundation

/// Where the CLI writes: standard output and error in the tool, a buffer in tests.
public protocol TextSink: AnyObject, Sendable {
    /// Writes `text` as UTF-8.
    func write(_ text: String)
    /// Writes out anything held back.
    func flush()
}

extension TextSink {
    /// Nothing is held back.
    public func flush() {}
}

/// A sink on a file descriptor (1 for standard output, 2 for standard error).
///
/// With a buffer, text is written in blocks of `bufferSize` bytes rather than with a system
/// call per finding; `flush` writes the rest. Without one, each `write` goes out at once, as a
/// terminal wants.
public final class FileDescriptorSink: TextSink, @unchecked Sendable {
    private let descriptor: Int32
    private let bufferSize: Int
    private let lock = NSLock()
    private var buffer: [UInt8] = []

    /// Creates a sink writing to `descriptor`, holding up to `bufferSize` bytes (0: none).
    public init(descriptor: Int32, bufferSize: Int = 0) {
        self.descriptor = descriptor
        self.bufferSize = bufferSize
        buffer.reserveCapacity(bufferSize)
    }

    public func write(_ text: String) {
        guard bufferSize > 0 else {
            var text = text
            text.withUTF8 { bytes in
                _ = soaplint_write_all(descriptor, bytes.baseAddress, bytes.count)
            }
            return
        }
        lock.lock()
        defer { lock.unlock() }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= bufferSize { writeBuffer() }
    }

    public func flush() {
        lock.lock()
        defer { lock.unlock() }
        writeBuffer()
    }

    /// Flushes unless another thread is writing right now (for an interrupted run, which must
    /// not wait on a stalled pipe); false when it could not.
    public func flushIfIdle() -> Bool {
        guard lock.try() else { return false }
        defer { lock.unlock() }
        writeBuffer()
        return true
    }

    private func writeBuffer() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { _ = soaplint_write_all(descriptor, $0.baseAddress, $0.count) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A sink that keeps what is written, for tests.
public final class BufferSink: TextSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage = ""

    /// Creates an empty buffer.
    public init() {}

    public func write(_ text: String) {
        lock.lock()
        storage += text
        lock.unlock()
    }

    /// Everything written so far.
    public var text: String {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
