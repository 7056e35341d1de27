import CSupport
import Foundation

/// Where the CLI writes: standard output and error in the tool, a buffer in tests.
public protocol TextSink: AnyObject, Sendable {
    /// Writes `text` as UTF-8.
    func write(_ text: String)
}

/// A sink on a file descriptor (1 for standard output, 2 for standard error).
public final class FileDescriptorSink: TextSink {
    private let descriptor: Int32

    /// Creates a sink writing to `descriptor`.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = soaplint_write_all(descriptor, bytes.baseAddress, bytes.count)
        }
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
