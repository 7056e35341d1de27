import Foundation

/// A pattern a rule author wrote: a phrase, or a PCRE2 regular expression.
///
/// Both match case-insensitively. A phrase matches on word boundaries, and any run of spaces
/// in it matches any run of white space in the note ("felt  relaxed" across a line break).
public struct Pattern: Hashable, Sendable {
    /// The text as written in the rule file.
    public var source: String
    /// Whether `source` is a phrase (escaped, word-bounded) rather than a regular expression.
    public var isPhrase: Bool

    /// Creates a pattern.
    public init(_ source: String, isPhrase: Bool) {
        self.source = source
        self.isPhrase = isPhrase
    }

    /// Whether a string from a rule file is a regular expression: it holds a backslash, or one
    /// of `[ ] ( ) | ? * + { } ^ $`. Anything else is a phrase.
    public static func looksLikeRegularExpression(_ text: String) -> Bool {
        text.contains { "\\[]()|?*+{}^$".contains($0) }
    }

    /// The pattern as a regular expression: phrases escaped, spaces as `\s+`, and `\b` at an end
    /// only where that end is a word character (a `\b` after `°` would never match before a space).
    public var expression: String {
        guard isPhrase else { return source }
        var result = ""
        var pendingSpace = false
        for character in source {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result += "\\s+" }
            pendingSpace = false
            if "\\.^$|?*+()[]{}/-#".contains(character) { result += "\\" }
            result.append(character)
        }
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        let startsWithWord = trimmed.first.map(Self.isWordCharacter) ?? false
        let endsWithWord = trimmed.last.map(Self.isWordCharacter) ?? false
        return (startsWithWord ? "\\b" : "") + result + (endsWithWord ? "\\b" : "")
    }

    /// Whether the expression uses PCRE2 features Vectorscan lacks or reads differently:
    /// back-references (`\1`, `\g`, `\k`; Vectorscan would take `\1` as an octal escape),
    /// look-around, atomic groups, conditionals, recursion, `\K` and verbs.
    public static func needsPCRE(_ expression: String) -> Bool {
        let characters = Array(expression)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                let next = characters[index + 1]
                if ("1"..."9").contains(next) || next == "g" || next == "k" || next == "K" { return true }
                index += 2
                continue
            }
            if character == "(", index + 1 < characters.count {
                let rest = String(characters[(index + 1)...].prefix(3))
                if rest.hasPrefix("?=") || rest.hasPrefix("?!") || rest.hasPrefix("?<=") || rest.hasPrefix("?<!")
                    || rest.hasPrefix("?>") || rest.hasPrefix("?(") || rest.hasPrefix("?R") || rest.hasPrefix("?P>")
                    || rest.hasPrefix("*") || (rest.hasPrefix("?") && rest.dropFirst().first?.isNumber == true)
                {
                    return true
                }
            }
            index += 1
        }
        return false
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_")
    }
}

/// A match of pattern `pattern` (its index in the set) over bytes `start..<end` of the UTF-8 text.
public struct PatternMatch: Hashable, Sendable {
    /// The index of the pattern in the set that was compiled.
    public var pattern: Int
    /// The UTF-8 offset of the first matched byte.
    public var start: Int
    /// The UTF-8 offset just past the last matched byte.
    public var end: Int

    /// Creates a match.
    public init(pattern: Int, start: Int, end: Int) {
        self.pattern = pattern
        self.start = start
        self.end = end
    }
}

/// A pattern that cannot be compiled: which one, where in it, and why in PCRE2's words.
public struct PatternError: Error, Hashable, Sendable {
    /// The index of the pattern in the set.
    public var index: Int
    /// The 0-based character offset in the pattern where PCRE2 stopped, when it said.
    public var offset: Int?
    /// What is wrong.
    public var message: String
    /// The pattern is valid but backtracks catastrophically (`message` says on what).
    public var isCatastrophic = false

    /// Creates an error.
    public init(index: Int, offset: Int?, message: String, isCatastrophic: Bool = false) {
        self.index = index
        self.offset = offset
        self.message = message
        self.isCatastrophic = isCatastrophic
    }
}
