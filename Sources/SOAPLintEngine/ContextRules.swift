import SOAPLintModel
import SOAPLintYAML

/// The NegEx-style context rules of `Rules/context.yml`: which words make a match negated
/// ("no", "not assessed"), hypothetical ("if", "as needed") or exempt ("in preparation for"),
/// which phrases only look like negations ("no change"), and which words end a clause ("but").
///
/// Triggers are lower-case word sequences; they act within `window` words of a match and never
/// across a clause end (`.`, `;`, `!`, `?`, a new list item or table cell, or a terminator).
public struct ContextRules: Sendable {
    /// How many words either side of a match a trigger may be.
    public var window: Int
    /// Triggers before a match that negate it ("no", "denies", "without").
    public var negationBefore: [[String]]
    /// Triggers after a match that negate it ("not assessed", "deferred").
    public var negationAfter: [[String]]
    /// Phrases that contain a trigger but do not negate ("no change", "not only").
    public var pseudoNegations: [[String]]
    /// Triggers before a match that make it hypothetical ("if", "should").
    public var hypotheticalBefore: [[String]]
    /// Triggers after a match that make it hypothetical ("as needed", "if pain returns").
    public var hypotheticalAfter: [[String]]
    /// Phrases in the same clause that exempt relaxation language ("in preparation for").
    public var exemptions: [[String]]
    /// Words that end a trigger's reach ("but", "however").
    public var terminators: Set<String>
    /// Every trigger list, indexed by its phrases' first word, for fast look-up.
    let index: TriggerIndex

    /// No context at all: every match counts.
    public static let none = ContextRules(
        window: 0, negationBefore: [], negationAfter: [], pseudoNegations: [], hypotheticalBefore: [],
        hypotheticalAfter: [], exemptions: [], terminators: [])

    /// Creates context rules from word sequences.
    public init(
        window: Int, negationBefore: [[String]], negationAfter: [[String]], pseudoNegations: [[String]],
        hypotheticalBefore: [[String]], hypotheticalAfter: [[String]], exemptions: [[String]], terminators: Set<String>
    ) {
        self.window = window
        self.negationBefore = negationBefore
        self.negationAfter = negationAfter
        self.pseudoNegations = pseudoNegations
        self.hypotheticalBefore = hypotheticalBefore
        self.hypotheticalAfter = hypotheticalAfter
        self.exemptions = exemptions
        self.terminators = terminators
        index = TriggerIndex(
            negationBefore: negationBefore, negationAfter: negationAfter, pseudoNegations: pseudoNegations,
            hypotheticalBefore: hypotheticalBefore, hypotheticalAfter: hypotheticalAfter, exemptions: exemptions,
            terminators: terminators)
    }

    private static let keys = [
        "window", "negation", "pseudo-negation", "hypothetical", "exemptions", "terminators",
    ]

    /// Loads `context.yml`; errors carry the file, line and column.
    public static func load(yaml text: String, file: String) throws(RuleLoadError) -> ContextRules {
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(text)
        } catch {
            throw RuleLoadError(file: file, line: error.line, column: error.column, message: error.message)
        }
        guard let root else { return .none }
        let fields = try RuleFields(root, file: file)
        try fields.checkKeys(keys)
        func phrases(_ node: YAMLNode?, _ key: String) throws(RuleLoadError) -> [[String]] {
            guard let node, !node.isNull else { return [] }
            return try RuleFields.strings(node, key: key, file: file).map(ContextClassifier.words)
        }
        func sides(_ key: String) throws(RuleLoadError) -> (before: [[String]], after: [[String]]) {
            guard let node = fields.value(key), !node.isNull else { return ([], []) }
            let inner = try RuleFields(node, file: file)
            try inner.checkKeys(["before", "after"])
            return (try phrases(inner.value("before"), "before"), try phrases(inner.value("after"), "after"))
        }
        let negation = try sides("negation")
        let hypothetical = try sides("hypothetical")
        return ContextRules(
            window: try fields.integer("window") ?? 6, negationBefore: negation.before, negationAfter: negation.after,
            pseudoNegations: try phrases(fields.value("pseudo-negation"), "pseudo-negation"),
            hypotheticalBefore: hypothetical.before, hypotheticalAfter: hypothetical.after,
            exemptions: try phrases(fields.value("exemptions"), "exemptions"),
            terminators: Set(try phrases(fields.value("terminators"), "terminators").flatMap { $0 }))
    }
}

/// The trigger phrases as word ids, grouped by their first word, so a section's words are
/// looked up once each and compared as integers. A class, so that the classifier made for
/// every section shares it instead of copying its tables.
final class TriggerIndex: Sendable {
    /// Phrases by the id of their first word.
    typealias Table = [[[Int32]]]
    let vocabulary: WordTable
    let negationBefore: Table
    let negationAfter: Table
    let pseudoNegations: [[Int32]]
    /// By word id: whether it appears in a pseudo-negation.
    let isPseudoWord: [Bool]
    /// By word id: whether it ends a clause.
    let isTerminator: [Bool]
    let hypotheticalBefore: Table
    let hypotheticalAfter: Table
    let exemptions: Table

    init(
        negationBefore: [[String]], negationAfter: [[String]], pseudoNegations: [[String]],
        hypotheticalBefore: [[String]], hypotheticalAfter: [[String]], exemptions: [[String]],
        terminators: Set<String>
    ) {
        let lists = [negationBefore, negationAfter, pseudoNegations, hypotheticalBefore, hypotheticalAfter, exemptions]
        let words = Set(lists.flatMap { $0.flatMap { $0 } }).union(terminators).sorted()
        let vocabulary = WordTable(words)
        func ids(_ phrase: [String]) -> [Int32] { phrase.map { vocabulary.id(of: Array($0.utf8)) } }
        func table(_ phrases: [[String]]) -> Table {
            var table = Table(repeating: [], count: words.count)
            for phrase in phrases where !phrase.isEmpty {
                let phraseIDs = ids(phrase)
                table[Int(phraseIDs[0])].append(phraseIDs)
            }
            return table
        }
        self.vocabulary = vocabulary
        self.negationBefore = table(negationBefore)
        self.negationAfter = table(negationAfter)
        self.pseudoNegations = pseudoNegations.filter { !$0.isEmpty }.map(ids)
        var isPseudoWord = [Bool](repeating: false, count: words.count)
        for id in self.pseudoNegations.joined() { isPseudoWord[Int(id)] = true }
        self.isPseudoWord = isPseudoWord
        isTerminator = words.map(terminators.contains)
        self.hypotheticalBefore = table(hypotheticalBefore)
        self.hypotheticalAfter = table(hypotheticalAfter)
        self.exemptions = table(exemptions)
    }
}

/// A fixed set of words, each with an id, looked up from bytes without building a string.
struct WordTable: Sendable {
    /// The id of a word that is not in the table.
    static let unknown: Int32 = -1
    private static let bucketCount = 256
    private var buckets: [[(word: [UInt8], id: Int32)]]

    init(_ words: [String]) {
        buckets = Array(repeating: [], count: Self.bucketCount)
        for (id, word) in words.enumerated() {
            let bytes = Array(word.utf8)
            let bucket = bytes.withUnsafeBufferPointer { Self.bucket(of: $0) }
            buckets[bucket].append((bytes, Int32(id)))
        }
    }

    /// The id of the word in `bytes`, or `unknown`.
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        for entry in buckets[Self.bucket(of: bytes)] where entry.word.elementsEqual(bytes) { return entry.id }
        return Self.unknown
    }

    func id(of bytes: [UInt8]) -> Int32 { bytes.withUnsafeBufferPointer { id(of: $0) } }

    /// FNV-1a, folded to a bucket.
    private static func bucket(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int((hash ^ (hash >> 16)) & UInt32(bucketCount - 1))
    }
}
