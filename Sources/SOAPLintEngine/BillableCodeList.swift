import Foundation

/// The billable ICD-10-CM codes of a data file written by `Scripts/generate-icd10cm.py`: one
/// line per category with the endings that make billable codes.
///
/// Loading indexes the 1,900-odd category lines and keeps the file's bytes; a line's endings
/// are read only when a code of that category is looked up, so start-up stays cheap.
public struct BillableCodeList: Sendable {
    private let bytes: [UInt8]
    /// Where each category's endings are in `bytes`, by category packed into an integer.
    private let endingsByCategory: [UInt32: Range<Int>]
    /// How many codes the list holds.
    public let count: Int

    /// Reads the list at `path`; throws with the line of a malformed or repeated entry.
    public init(contentsOf path: String) throws(RuleLoadError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleLoadError(file: path, line: nil, column: nil, message: "cannot read the ICD-10-CM code list")
        }
        try self.init(bytes: [UInt8](data), file: path)
    }

    /// Indexes a list held in `bytes`; `file` names it in errors.
    init(bytes: [UInt8], file: String) throws(RuleLoadError) {
        var index: [UInt32: Range<Int>] = [:]
        var lineOf: [UInt32: Int] = [:]
        var count = 0
        var lineStart = 0
        var number = 0
        while lineStart < bytes.count {
            number += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
            if end == lineStart || bytes[lineStart] == 0x23 { continue }  // blank or '#'
            let tokens = Self.tokens(bytes, lineStart..<end)
            guard tokens.count >= 2, tokens[0].count == 3, let key = Self.pack(bytes[tokens[0]]) else {
                throw RuleLoadError(
                    file: file, line: number, column: 1,
                    message: "expected a category and its billable endings, such as 'M54 2 50 51'")
            }
            if let first = lineOf[key] {
                throw RuleLoadError(
                    file: file, line: number, column: 1,
                    message: "category \(String(decoding: bytes[tokens[0]], as: UTF8.self)) is listed again "
                        + "(first on line \(first)); give each category one line")
            }
            lineOf[key] = number
            index[key] = tokens[1].lowerBound..<end
            count += tokens.count - 1
        }
        self.bytes = bytes
        endingsByCategory = index
        self.count = count
    }

    /// What the list says of a code as documented.
    public enum Status: Hashable, Sendable {
        /// Not shaped like an ICD-10-CM code.
        case malformed
        /// On the list.
        case billable
        /// A header: the list has codes below it, such as these.
        case header(moreSpecific: [String])
        /// Shaped like a code, but not on the list.
        case unknown
    }

    /// The status of `code` (`M54.2`, `m5450`, `S16.1XXA`).
    public func status(of code: String) -> Status {
        guard Self.isWellFormed(code) else { return .malformed }
        let plain = Array(code.uppercased().utf8.filter { $0 != 0x2E })
        let ending = plain.count == 3 ? [0x2E] : Array(plain[3...])
        guard let key = Self.pack(plain[..<3]), let range = endingsByCategory[key] else { return .unknown }
        let endings = Self.tokens(bytes, range).map { bytes[$0] }
        if endings.contains(where: { $0.elementsEqual(ending) }) { return .billable }
        let category = String(decoding: plain[..<3], as: UTF8.self)
        let below =
            endings
            .filter { ending == [0x2E] ? !$0.elementsEqual([0x2E]) : $0.starts(with: ending) }
            .map { String(decoding: $0, as: UTF8.self) }.sorted()
        if !below.isEmpty {
            return .header(moreSpecific: below.prefix(3).map { $0 == "." ? category : "\(category).\($0)" })
        }
        return .unknown
    }

    /// The space-separated tokens of `range`.
    private static func tokens(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        for position in range where bytes[position] == 0x20 {
            if position > start { result.append(start..<position) }
            start = position + 1
        }
        if range.upperBound > start { result.append(start..<range.upperBound) }
        return result
    }

    /// Three bytes as one key.
    private static func pack(_ category: ArraySlice<UInt8>) -> UInt32? {
        guard category.count == 3 else { return nil }
        return category.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// A letter, a digit, a letter or digit, then optionally a dot and one to four letters or digits.
    static func isWellFormed(_ code: String) -> Bool {
        let scalars = Array(code.uppercased().unicodeScalars)
        func alphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        guard scalars.count >= 3, ("A"..."Z").contains(scalars[0]), ("0"..."9").contains(scalars[1]),
            alphanumeric(scalars[2])
        else { return false }
        var rest = scalars[3...]
        if rest.first == "." {
            rest = rest.dropFirst()
            guard !rest.isEmpty else { return false }
        }
        return rest.count <= 4 && rest.allSatisfy(alphanumeric)
    }
}
