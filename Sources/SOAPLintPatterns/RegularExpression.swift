import CPCRE2
import Glibc

/// One PCRE2 pattern, compiled case-insensitively for UTF-8 text and JIT-compiled when the
/// platform allows. Immutable after creation, so one value serves every thread; each thread
/// matches with its own `RegularExpression.Matcher`.
public final class RegularExpression: @unchecked Sendable {
    private let code: OpaquePointer
    /// The most backtracking steps one match may take; past it the match is abandoned and
    /// `matchLimitExceeded` is reported, so a catastrophic pattern cannot stall a run.
    public static let matchLimit: UInt32 = 1_000_000

    /// Compiles `expression`; throws with PCRE2's message and the offset it stopped at.
    public init(_ expression: String, index: Int = 0) throws(PatternError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let options = PCRE2_CASELESS | PCRE2_UTF
        let compiled = expression.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: expression.utf8.count) {
                pcre2_compile_8($0, expression.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            var buffer = [UInt8](repeating: 0, count: 256)
            _ = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
            let message = String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            let characterOffset = String(decoding: expression.utf8.prefix(errorOffset), as: UTF8.self).count
            throw PatternError(index: index, offset: characterOffset, message: message)
        }
        code = compiled
        _ = pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE)
    }

    deinit { pcre2_code_free_8(code) }

    /// Whether the pattern matches the empty string (such a pattern would match everywhere).
    public var matchesEmptyText: Bool {
        var matcher = Matcher(self)
        defer { matcher.free() }
        var empty: [UInt8] = []
        return (try? matcher.firstMatch(in: &empty, from: 0)) != nil
    }

    /// Matching state for one thread.
    public struct Matcher {
        private let expression: RegularExpression
        private let data: OpaquePointer
        private let context: OpaquePointer?

        /// Creates matching state for `expression`.
        public init(_ expression: RegularExpression) {
            self.expression = expression
            data = pcre2_match_data_create_from_pattern_8(expression.code, nil)
            context = pcre2_match_context_create_8(nil)
            if let context { pcre2_set_match_limit_8(context, RegularExpression.matchLimit) }
        }

        /// Frees the state; the matcher must not be used afterwards.
        public func free() {
            pcre2_match_data_free_8(data)
            if let context { pcre2_match_context_free_8(context) }
        }

        /// The first match at or after byte `offset` of `text`, as a byte range; nil when none.
        /// Throws `MatchLimitExceeded` when the pattern backtracks past `matchLimit`.
        public mutating func firstMatch(in text: inout [UInt8], from offset: Int) throws(MatchLimitExceeded) -> Range<
            Int
        >? {
            let result = text.withUnsafeBufferPointer { buffer in
                pcre2_match_8(
                    expression.code, buffer.baseAddress ?? UnsafePointer(bitPattern: 1), buffer.count, offset, 0, data,
                    context)
            }
            if result == PCRE2_ERROR_MATCHLIMIT || result == PCRE2_ERROR_JIT_STACKLIMIT { throw MatchLimitExceeded() }
            guard result > 0, let vector = pcre2_get_ovector_pointer_8(data) else { return nil }
            return Int(vector[0])..<Int(vector[1])
        }

        /// Every non-overlapping match in `text`, left to right. Throws `MatchLimitExceeded` when
        /// one match passes `matchLimit`, or when the monotonic clock (`now()`) passes `deadline`
        /// after a match: each match is held to the limit, the deadline bounds a pattern that
        /// matches slowly many times.
        public mutating func allMatches(in text: inout [UInt8], until deadline: UInt64) throws(MatchLimitExceeded)
            -> [Range<Int>]
        {
            var ranges: [Range<Int>] = []
            var offset = 0
            while offset <= text.count, let range = try firstMatch(in: &text, from: offset) {
                ranges.append(range)
                offset = range.isEmpty ? range.upperBound + 1 : range.upperBound
                if Self.now() > deadline { throw MatchLimitExceeded() }
            }
            return ranges
        }

        /// The monotonic clock, in nanoseconds, that deadlines are given in.
        public static func now() -> UInt64 {
            var time = timespec()
            clock_gettime(CLOCK_MONOTONIC, &time)
            return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
        }
    }
}

/// A regular expression backtracked past its limit on some text.
public struct MatchLimitExceeded: Error, Hashable, Sendable {
    /// Creates the error.
    public init() {}
}
