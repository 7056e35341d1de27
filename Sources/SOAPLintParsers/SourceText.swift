import SOAPLintModel

/// A note file's bytes, checked and decoded as UTF-8 and split into lines.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`; the terminators are not part of `lines`.
/// A UTF-8 byte-order mark is dropped. Binary, empty, UTF-16 and invalid UTF-8 files are
/// refused with an error that says which, and where.
public struct SourceText: Sendable {
    /// The decoded text without a byte-order mark.
    public let text: String
    /// The text's lines without their terminators; `lines[0]` is line 1.
    public let lines: [String]

    /// Decodes `bytes` read from `file`; throws a `FileError` naming the file (and line for bad UTF-8).
    public init(bytes: [UInt8], file: String) throws(FileError) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            throw FileError(file: file, message: "the file is UTF-16 text; save it as UTF-8")
        }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw FileError(file: file, message: "the file is empty")
        }
        if body.prefix(8192).contains(0) {
            throw FileError(file: file, message: "the file is binary (it contains NUL bytes), not a note")
        }
        if let bad = Self.firstInvalidUTF8(body) {
            let before = body[body.startIndex..<bad]
            let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? body.startIndex
            let column = String(decoding: body[lineStart..<bad], as: UTF8.self).unicodeScalars.count + 1
            let byte = String(body[bad], radix: 16, uppercase: true)
            throw FileError(
                file: file, line: line, column: column,
                message: "the file is not UTF-8 text (byte 0x\(byte) is not valid UTF-8); save it as UTF-8")
        }
        self.init(decoded: String(decoding: body, as: UTF8.self))
    }

    /// Wraps text that is already decoded.
    public init(decoded text: String) {
        self.text = text
        var lines: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                    start = index + 1
                }
                index += 1
            }
            if start < bytes.count || lines.isEmpty {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self))
            }
        }
        self.lines = lines
    }

    /// The index of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return index
            }
            guard index + length <= end else { return index }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                let (min, max) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                if byte < min || byte > max { return index }
            }
            index += length
        }
        return nil
    }
}
