/// "Did you mean ...?" for misspelt names: rule keys, kinds, scopes, options, commands.
public enum Suggestion {
    /// The candidate closest to `word` (ignoring case) within a small edit distance, else the
    /// first candidate that `word` begins (for words of three or more characters); nil if none.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let scored = candidates.map { ($0, editDistance(lowered, $0.lowercased())) }
        if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) { return best.0 }
        guard word.count >= 3 else { return nil }
        return candidates.first { $0.lowercased().hasPrefix(lowered) }
    }

    /// The Levenshtein distance between two strings.
    public static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
