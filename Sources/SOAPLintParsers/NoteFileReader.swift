import Foundation
import SOAPLintModel

/// Opens and reads note files with plain system calls, so an error can say why (permission
/// denied, is a folder) and name the file.
enum NoteFileReader {
    /// An open file descriptor for `path`, shown as `shown` in errors, with what fstat said of
    /// it (nil when it could not); the caller closes it.
    static func open(_ path: String, shown: String) throws(FileError) -> (descriptor: Int32, info: stat?) {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(file: shown, message: "cannot read the file: \(reason(errno))") }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return (descriptor, nil) }
        if info.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw FileError(file: shown, message: "cannot read the file: it is a folder")
        }
        return (descriptor, info)
    }

    /// All bytes of the open file, up to `limit` (a larger file is refused with its size).
    /// `status` is the file's fstat, when the caller has it.
    static func read(_ descriptor: Int32, status: stat? = nil, shown: String, limit: Int) throws(FileError) -> [UInt8] {
        var info = status ?? stat()
        let known = status != nil || fstat(descriptor, &info) == 0
        if known, Int(info.st_size) > limit {
            throw FileError(
                file: shown,
                message: "the file is \(Int(info.st_size) / 1024) KB; soaplint reads notes of up to \(limit / 1024) KB")
        }
        // Read straight into the array, sized from fstat plus one byte. A regular file that
        // returns fewer bytes than asked for is at its end, which saves a last read of zero
        // bytes per file; a pipe or a file that grew is read on until read returns 0.
        let isRegular = known && info.st_mode & S_IFMT == S_IFREG
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
            if bytes.count > limit {
                throw FileError(
                    file: shown,
                    message: "the file is over \(limit / 1024) KB; soaplint reads notes of up to \(limit / 1024) KB")
            }
            if count == 0 || (isRegular && start + count < capacity) { break }
        }
        return bytes
    }

    /// The words for an `errno` value ("no such file or directory").
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
