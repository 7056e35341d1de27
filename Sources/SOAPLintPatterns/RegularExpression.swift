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
    /// How many bytes of start positions one PCRE2 call may try before the deadline is looked
    /// at again. PCRE2's match limit counts afresh at each start position, so a pattern that
    /// costs a little at every position of a long text (`(?<=a)[a-y]*z` over a run of letters
    /// with no `z`) passes no limit while taking minutes; searching the text in windows of
    /// start positions, with lookbehind and lookahead still seeing the whole text, keeps the
    /// deadline in reach.
    public static let startWindow = 1024

    /// Compiles `expression`; throws with PCRE2's message and the offset it stopped at.
    public init(_ expression: String, index: Int = 0) throws(PatternError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let options = PCRE2_CASELESS | PCRE2_UTF | PCRE2_USE_OFFSET_LIMIT
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
            guard case .match(let range) = try search(&text, from: offset, startingBy: nil, checked: true) else {
                return nil
            }
            return range
        }

        /// What one PCRE2 search found: a match, none, or an error that ends the search (a text
        /// that is not UTF-8, an offset inside a character).
        private enum Outcome {
            case match(Range<Int>)
            case none
            case failed
        }

        /// Searches for a match starting at or after byte `offset` and, when `limit` is given,
        /// at or before byte `limit`. `checked: false` skips PCRE2's UTF-8 check of a text it has
        /// already checked.
        private mutating func search(_ text: inout [UInt8], from offset: Int, startingBy limit: Int?, checked: Bool)
            throws(MatchLimitExceeded) -> Outcome
        {
            // PCRE2_UNSET, (PCRE2_SIZE)-1, is no limit.
            if let context { pcre2_set_offset_limit_8(context, limit ?? Int(bitPattern: UInt.max)) }
            let options = checked ? 0 : PCRE2_NO_UTF_CHECK
            let result = text.withUnsafeBufferPointer { buffer in
                pcre2_match_8(
                    expression.code, buffer.baseAddress ?? UnsafePointer(bitPattern: 1), buffer.count, offset, options,
                    data, context)
            }
            if result == PCRE2_ERROR_MATCHLIMIT || result == PCRE2_ERROR_JIT_STACKLIMIT { throw MatchLimitExceeded() }
            if result == PCRE2_ERROR_NOMATCH { return .none }
            guard result > 0, let vector = pcre2_get_ovector_pointer_8(data) else { return .failed }
            return .match(Int(vector[0])..<Int(vector[1]))
        }

        /// Every non-overlapping match in `text`, left to right. Throws `MatchLimitExceeded` when
        /// one match passes `matchLimit`, or when the monotonic clock (`now()`) passes `deadline`:
        /// it is looked at after each match and after each `startWindow` bytes of start
        /// positions without one, so neither many slow matches nor a slow search for one can
        /// outlast it by much.
        public mutating func allMatches(in text: inout [UInt8], until deadline: UInt64) throws(MatchLimitExceeded)
            -> [Range<Int>]
        {
            var ranges: [Range<Int>] = []
            var offset = 0
            var checked = true
            while offset <= text.count {
                let limit = offset + RegularExpression.startWindow
                let outcome = try search(
                    &text, from: offset, startingBy: limit < text.count ? limit : nil, checked: checked)
                // A search from byte 0 checks the whole text as UTF-8; later ones need not again.
                checked = false
                switch outcome {
                case .match(let range):
                    ranges.append(range)
                    offset = range.isEmpty ? range.upperBound + 1 : range.upperBound
                case .none where limit < text.count:
                    offset = limit + 1
                case .none, .failed:
                    return ranges
                }
                // The next start is the next character, not a byte inside one.
                while offset < text.count, text[offset] & 0xC0 == 0x80 { offset += 1 }
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
