import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Text a report writes now but prints later (the HTML report's note rows come after totals that
/// are known only at the end), held without growing with the run.
///
/// Up to `memoryLimit` bytes stay in memory; past that the text goes to an anonymous temporary
/// file (`tmpfile`: already unlinked, readable only by this process, gone when the run ends or
/// is killed). When no temporary file can be made, the text stays in memory.
final class Spool {
    private var memory: [UInt8] = []
    private var file: UnsafeMutablePointer<FILE>?
    private let memoryLimit: Int
    /// Bytes written in all.
    private(set) var count = 0

    /// Creates an empty spool that moves to a temporary file past `memoryLimit` bytes.
    init(memoryLimit: Int = 4 << 20) {
        self.memoryLimit = memoryLimit
    }

    deinit {
        if let file { fclose(file) }
    }

    /// Whether nothing was written.
    var isEmpty: Bool { count == 0 }

    /// Appends `text`.
    func write(_ text: String) {
        var text = text
        count += text.utf8.count
        if file == nil {
            memory.append(contentsOf: text.utf8)
            if memory.count > memoryLimit, let opened = tmpfile() {
                file = opened
                memory.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, opened) }
                memory = []
            }
            return
        }
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, file) }
    }

    /// Writes everything spooled to `sink`, in blocks cut at character boundaries.
    func replay(into sink: any TextSink) {
        guard let file else {
            if !memory.isEmpty { sink.write(String(decoding: memory, as: UTF8.self)) }
            return
        }
        fflush(file)
        rewind(file)
        var block = [UInt8](repeating: 0, count: 64 << 10)
        var carried: [UInt8] = []
        while true {
            let read = block.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            guard read > 0 else { break }
            var bytes = carried + block[..<read]
            let cut = Self.lastCharacterBoundary(in: bytes)
            carried = Array(bytes[cut...])
            bytes.removeSubrange(cut...)
            sink.write(String(decoding: bytes, as: UTF8.self))
        }
        if !carried.isEmpty { sink.write(String(decoding: carried, as: UTF8.self)) }
        fseek(file, 0, SEEK_END)
    }

    /// The end of the last whole UTF-8 character in `bytes`: a character cut by a block's end
    /// waits for the next block.
    static func lastCharacterBoundary(in bytes: [UInt8]) -> Int {
        var start = bytes.count
        // At most three continuation bytes (10xxxxxx) follow a lead byte.
        while start > 0, bytes.count - start < 4, bytes[start - 1] & 0xC0 == 0x80 { start -= 1 }
        guard start > 0 else { return bytes.count }
        let lead = bytes[start - 1]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return bytes.count - (start - 1) < length ? start - 1 : bytes.count
    }
}
