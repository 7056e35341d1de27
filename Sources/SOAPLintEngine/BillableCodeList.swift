import Foundation

/// The billable ICD-10-CM codes of a data file written by `Scripts/generate-icd10cm.py`: one
/// line per category with the endings that make billable codes.
public struct BillableCodeList: Sendable {
    /// Endings by category (`M54` → `50`, `51`, `59`, ...); `"."` is the category alone.
    private let endings: [String: Set<String>]
    /// How many codes the list holds.
    public let count: Int

    /// Reads the list at `path`; throws with the line of a malformed entry.
    public init(contentsOf path: String) throws(RuleLoadError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleLoadError(file: path, line: nil, column: nil, message: "cannot read the ICD-10-CM code list")
        }
        var endings: [String: Set<String>] = [:]
        var count = 0
        for (number, line) in String(decoding: data, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        ).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ")
            guard parts.count >= 2, parts[0].count == 3 else {
                throw RuleLoadError(
                    file: path, line: number + 1, column: 1,
                    message: "expected a category and its billable endings, such as 'M54 2 50 51'")
            }
            endings[String(parts[0]), default: []].formUnion(parts.dropFirst().map(String.init))
            count += parts.count - 1
        }
        self.endings = endings
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
        let plain = code.uppercased().filter { $0 != "." }
        guard Self.isWellFormed(code), plain.count >= 3 else { return .malformed }
        let category = String(plain.prefix(3))
        let ending = plain.count == 3 ? "." : String(plain.dropFirst(3))
        guard let known = endings[category] else { return .unknown }
        if known.contains(ending) { return .billable }
        let below = known.filter { ending == "." ? $0 != "." : $0.hasPrefix(ending) }.sorted()
        if !below.isEmpty {
            return .header(moreSpecific: below.prefix(3).map { $0 == "." ? category : "\(category).\($0)" })
        }
        return .unknown
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
