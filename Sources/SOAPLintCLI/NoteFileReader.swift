import Foundation
import SOAPLintModel

/// Reads a note file's bytes with plain system calls, so an error can say why (permission
/// denied, is a directory) and name the file.
enum NoteFileReader {
    /// All bytes of `path` (resolved against the working directory), shown as `shown` in errors.
    static func read(_ path: String, shown: String) throws(FileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileError(file: shown, message: "cannot read the file: \(FileCollector.reason(errno))")
        }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw FileError(file: shown, message: "cannot read the file: it is a folder")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, Int(info.st_size)))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(file: shown, message: "cannot read the file: \(FileCollector.reason(errno))")
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }
}
