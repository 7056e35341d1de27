import Foundation
import SOAPLintModel

/// Opens and reads note files with plain system calls, so an error can say why (permission
/// denied, is a folder) and name the file.
enum NoteFileReader {
    /// An open file descriptor for `path`, shown as `shown` in errors; the caller closes it.
    static func open(_ path: String, shown: String) throws(FileError) -> Int32 {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(file: shown, message: "cannot read the file: \(reason(errno))") }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw FileError(file: shown, message: "cannot read the file: it is a folder")
        }
        return descriptor
    }

    /// All bytes of the open file, up to `limit` (a larger file is refused with its size).
    static func read(_ descriptor: Int32, shown: String, limit: Int) throws(FileError) -> [UInt8] {
        var info = stat()
        if fstat(descriptor, &info) == 0, Int(info.st_size) > limit {
            throw FileError(
                file: shown,
                message: "the file is \(Int(info.st_size) / 1024) KB; soaplint reads notes of up to \(limit / 1024) KB")
        }
        // Read straight into the array, sized from fstat plus one byte to see the end of the
        // file (or growth since fstat) without a second pass.
        var bytes: [UInt8] = []
        var capacity = max(4096, Int(info.st_size) + 1)
        while true {
            if bytes.count == capacity { capacity *= 2 }
            let start = bytes.count
            var failure: Int32 = 0
            bytes.append(contentsOf: repeatElement(0, count: capacity - start))
            let count = bytes.withUnsafeMutableBytes { raw in
                while true {
                    let count = Glibc.read(descriptor, raw.baseAddress! + start, capacity - start)
                    if count < 0, errno == EINTR { continue }
                    if count < 0 { failure = errno }
                    return count
                }
            }
            bytes.removeLast(capacity - start - max(0, count))
            if count < 0 { throw FileError(file: shown, message: "cannot read the file: \(reason(failure))") }
            if count == 0 { break }
            if bytes.count > limit {
                throw FileError(
                    file: shown,
                    message: "the file is over \(limit / 1024) KB; soaplint reads notes of up to \(limit / 1024) KB")
            }
        }
        return bytes
    }

    /// The words for an `errno` value ("no such file or directory").
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
