import Foundation

/// All the patterns of a rule set, compiled once and matched in one pass over a text.
///
/// Every pattern is first compiled with PCRE2, which checks the syntax rule authors write.
/// Those Vectorscan can express go into one Vectorscan database; the rest (look-around,
/// back-references) are matched with PCRE2 JIT. The compiled database is cached on disk under
/// a hash of the patterns and the Vectorscan version, so later runs skip the compile step.
public final class PatternSet: @unchecked Sendable {
    /// The patterns, by index.
    public let patterns: [Pattern]
    private let database: VectorscanDatabase?
    private let fallback: [(index: Int, expression: RegularExpression)]
    /// A Vectorscan prefilter over the PCRE2 patterns: a text it does not report for a pattern
    /// cannot match it, so PCRE2 runs only where one of them may match.
    private let prefilter: VectorscanDatabase?
    /// The PCRE2 patterns in `prefilter`; the others always run.
    private let prefiltered: Set<Int>
    /// Whether the Vectorscan database came from the disk cache.
    public let loadedFromCache: Bool

    /// Compiles `patterns`; throws the first pattern PCRE2 rejects or one that matches empty text.
    /// `cacheDirectory` (nil: no cache) holds compiled databases.
    public init(_ patterns: [Pattern], cacheDirectory: String?) throws(PatternError) {
        self.patterns = patterns
        var expressions: [String] = []
        var compiled: [RegularExpression] = []
        for (index, pattern) in patterns.enumerated() {
            let expression = try RegularExpression(pattern.expression, index: index)
            if expression.matchesEmptyText {
                throw PatternError(
                    index: index, offset: nil, message: "the pattern matches empty text, so it would match everywhere")
            }
            expressions.append(pattern.expression)
            compiled.append(expression)
        }
        let key = Self.cacheKey(expressions)
        let cacheFile = cacheDirectory.map { "\($0)/patterns-\(key).hsdb" }
        let prefilterFile = cacheDirectory.map { "\($0)/patterns-\(key).prefilter.hsdb" }
        if let cacheFile, let cached = Self.readCache(cacheFile), cached.fallback.allSatisfy({ $0 < patterns.count }) {
            try Self.checkBacktracking(cached.fallback, compiled: compiled, expressions: expressions)
            database = cached.database
            fallback = cached.fallback.map { ($0, compiled[$0]) }
            (prefilter, prefiltered) = Self.prefilter(
                cached.fallback, expressions: expressions, cacheFile: prefilterFile)
            loadedFromCache = true
            return
        }
        var vectorscanIndices = patterns.indices.filter { !Pattern.needsPCRE(expressions[$0]) }
        var fallbackIndices = patterns.indices.filter { Pattern.needsPCRE(expressions[$0]) }
        var built: VectorscanDatabase?
        while !vectorscanIndices.isEmpty {
            do {
                built = try VectorscanDatabase.compile(
                    vectorscanIndices.map { expressions[$0] }, ids: vectorscanIndices.map { UInt32($0) })
                break
            } catch {
                guard let position = error.index else {
                    fallbackIndices += vectorscanIndices
                    vectorscanIndices = []
                    break
                }
                fallbackIndices.append(vectorscanIndices.remove(at: position))
            }
        }
        try Self.checkBacktracking(fallbackIndices.sorted(), compiled: compiled, expressions: expressions)
        database = built
        fallback = fallbackIndices.sorted().map { ($0, compiled[$0]) }
        (prefilter, prefiltered) = Self.prefilter(
            fallbackIndices.sorted(), expressions: expressions, cacheFile: prefilterFile)
        loadedFromCache = false
        if let cacheFile, let built { Self.writeCache(cacheFile, database: built, fallback: fallbackIndices.sorted()) }
    }

    /// The prefilter for the PCRE2 patterns `indices`, from the cache or compiled (and cached):
    /// the database and the patterns in it. A pattern Vectorscan refuses even as a prefilter
    /// is left out, and always runs.
    private static func prefilter(
        _ indices: [Int], expressions: [String], cacheFile: String?
    ) -> (VectorscanDatabase?, Set<Int>) {
        guard !indices.isEmpty else { return (nil, []) }
        if let cacheFile, let cached = readCache(cacheFile), cached.fallback.allSatisfy(indices.contains) {
            return (cached.database, Set(cached.fallback))
        }
        var included = indices
        while !included.isEmpty {
            do {
                let database = try VectorscanDatabase.compile(
                    included.map { expressions[$0] }, ids: included.map { UInt32($0) },
                    flags: VectorscanDatabase.prefilterFlags)
                if let cacheFile { writeCache(cacheFile, database: database, fallback: included) }
                return (database, Set(included))
            } catch {
                guard let position = error.index else { return (nil, []) }
                included.remove(at: position)
            }
        }
        return (nil, [])
    }

    /// Throws for the first pattern among `indices` (those PCRE2 will match) that passes the
    /// backtracking limit on one of its probe texts. Vectorscan patterns need no check: its
    /// automata read each byte once, whatever the pattern.
    private static func checkBacktracking(
        _ indices: [Int], compiled: [RegularExpression], expressions: [String]
    ) throws(PatternError) {
        for index in indices {
            var matcher = RegularExpression.Matcher(compiled[index])
            defer { matcher.free() }
            for var probe in probes(for: expressions[index]) {
                do {
                    _ = try matcher.allMatches(in: &probe, until: RegularExpression.Matcher.now() + 250_000_000)
                } catch {
                    throw PatternError(
                        index: index, offset: nil,
                        message:
                            "it backtracks catastrophically: on a \(probe.count)-character test text one match took more than \(Self.grouped(Int(RegularExpression.matchLimit))) steps; avoid nested repetition such as (a+)+ or (\\w+\\s?)*",
                        isCatastrophic: true)
                }
            }
        }
    }

    /// `1000000` as `1,000,000`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        let head = digits.count % 3 == 0 ? 3 : digits.count % 3
        var result = String(digits.prefix(head))
        var rest = digits.dropFirst(head)
        while !rest.isEmpty {
            result += "," + rest.prefix(3)
            rest = rest.dropFirst(3)
        }
        return result
    }

    /// Texts that make backtracking patterns blow up: long runs of one character (each letter
    /// and digit the pattern names, and common ones) or of a word and a space, followed by a
    /// character that spoils the match at the very end.
    static func probes(for expression: String) -> [[UInt8]] {
        var units = Set(["a", "1", " ", "a ", "ab", ". "])
        var escaped = false
        for character in expression {
            defer { escaped = !escaped && character == "\\" }
            guard !escaped, character.isASCII, character.isLetter || character.isNumber else { continue }
            units.insert(String(character))
        }
        return units.sorted().flatMap { unit -> [[UInt8]] in
            let run = Array(String(repeating: unit, count: 48 / unit.count).utf8)
            return [run + Array("!".utf8), run + [0x0A], run + Array("\u{00E9}".utf8)]
        }
    }

    /// The indices of patterns matched with PCRE2 because Vectorscan cannot express them.
    public var pcreOnlyPatterns: [Int] { fallback.map(\.index) }

    /// Scanning state for one thread.
    public func makeScanner() -> PatternScanner { PatternScanner(self) }

    fileprivate func vectorscanScanner() -> VectorscanDatabase.Scanner? {
        database.flatMap(VectorscanDatabase.Scanner.init)
    }
    fileprivate func prefilterScanner() -> VectorscanDatabase.Scanner? {
        prefilter.flatMap(VectorscanDatabase.Scanner.init)
    }
    fileprivate var prefilteredPatterns: Set<Int> { prefiltered }
    fileprivate var fallbackExpressions: [(index: Int, expression: RegularExpression)] { fallback }

    /// FNV-1a over the Vectorscan version, the flags and every expression.
    static func cacheKey(_ expressions: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            hash ^= 0xff
            hash = hash &* 0x100_0000_01b3
        }
        mix(PatternLibraries.versions.joined(separator: ","))
        mix(String(VectorscanDatabase.flags))
        expressions.forEach(mix)
        return String(hash, radix: 16)
    }

    private static let cacheMagic = Array("SOAPLINT-HSDB-1\n".utf8)

    private static func readCache(_ path: String) -> (database: VectorscanDatabase, fallback: [Int])? {
        guard let data = FileManager.default.contents(atPath: path), data.starts(with: cacheMagic) else { return nil }
        // The database is handed to Vectorscan straight from the bytes read, without copies.
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (VectorscanDatabase, [Int])? in
            let body = UnsafeRawBufferPointer(rebasing: raw[cacheMagic.count...])
            guard let newline = body.firstIndex(of: 0x0A) else { return nil }
            let header = String(decoding: body[..<newline], as: UTF8.self)
            let fallback = header.split(separator: ",").compactMap { Int($0) }
            let serialized = UnsafeRawBufferPointer(rebasing: body[(newline + 1)...])
            guard let database = VectorscanDatabase.deserialize(serialized) else { return nil }
            return (database, fallback)
        }
    }

    private static func writeCache(_ path: String, database: VectorscanDatabase, fallback: [Int]) {
        guard let serialized = database.serialized() else { return }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let header = Array((fallback.map(String.init).joined(separator: ",") + "\n").utf8)
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(cacheMagic + header + serialized)) else {
            return
        }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }
}

/// Matches a `PatternSet` over texts; one per thread.
public final class PatternScanner {
    private let set: PatternSet
    private let vectorscan: VectorscanDatabase.Scanner?
    private let prefilter: VectorscanDatabase.Scanner?
    /// For each matcher, whether the prefilter decides if it runs.
    private let isPrefiltered: [Bool]
    private var matchers: [(index: Int, matcher: RegularExpression.Matcher)]
    /// Whether `scan` times each PCRE2 pattern (for `--timings`).
    public var measuresPatterns = false
    /// Nanoseconds each PCRE2 pattern has spent matching, by pattern index (with `measuresPatterns`).
    public private(set) var patternNanoseconds: [Int: UInt64] = [:]

    fileprivate init(_ set: PatternSet) {
        self.set = set
        vectorscan = set.vectorscanScanner()
        prefilter = set.prefilterScanner()
        matchers = set.fallbackExpressions.map { ($0.index, RegularExpression.Matcher($0.expression)) }
        let prefiltered = set.prefilteredPatterns
        isPrefiltered = matchers.map { prefiltered.contains($0.index) }
    }

    deinit { matchers.forEach { $0.matcher.free() } }

    /// Every match in `text`: for each pattern, leftmost-longest and not overlapping, sorted by
    /// start, then pattern. `limitExceeded` lists the PCRE2 patterns that passed their
    /// backtracking limit or `deadline` (on `RegularExpression.Matcher.now()`'s clock), and those
    /// not tried because the deadline had passed; Vectorscan's matches are always complete.
    public func scan(_ text: String, until deadline: UInt64 = .max) -> (matches: [PatternMatch], limitExceeded: [Int]) {
        var bytes = Array(text.utf8)
        var raw: [PatternMatch] = []
        if let vectorscan {
            bytes.withUnsafeBufferPointer { vectorscan.scan($0, into: &raw) }
        }
        var exceeded: [Int] = []
        var candidates: [PatternMatch] = []
        if let prefilter, !matchers.isEmpty {
            bytes.withUnsafeBufferPointer { prefilter.scan($0, into: &candidates) }
        }
        for position in matchers.indices {
            if isPrefiltered[position], !candidates.contains(where: { $0.pattern == matchers[position].index }) {
                continue
            }
            guard RegularExpression.Matcher.now() < deadline else {
                exceeded.append(matchers[position].index)
                continue
            }
            let started = measuresPatterns ? RegularExpression.Matcher.now() : 0
            do {
                for range in try matchers[position].matcher.allMatches(in: &bytes, until: deadline) {
                    raw.append(
                        PatternMatch(pattern: matchers[position].index, start: range.lowerBound, end: range.upperBound))
                }
            } catch {
                exceeded.append(matchers[position].index)
            }
            if measuresPatterns {
                patternNanoseconds[matchers[position].index, default: 0] += RegularExpression.Matcher.now() &- started
            }
        }
        return (Self.leftmostLongest(raw), exceeded)
    }

    /// Keeps, per pattern, the leftmost-longest matches that do not overlap.
    static func leftmostLongest(_ raw: [PatternMatch]) -> [PatternMatch] {
        let sorted = raw.sorted { ($0.pattern, $0.start, -$0.end) < ($1.pattern, $1.start, -$1.end) }
        var kept: [PatternMatch] = []
        var lastPattern = -1
        var lastEnd = 0
        for match in sorted {
            if match.pattern != lastPattern {
                lastPattern = match.pattern
                lastEnd = 0
            }
            guard match.start >= lastEnd else { continue }
            kept.append(match)
            lastEnd = max(match.end, match.start + 1)
        }
        return kept.sorted { ($0.start, $0.pattern) < ($1.start, $1.pattern) }
    }
}
