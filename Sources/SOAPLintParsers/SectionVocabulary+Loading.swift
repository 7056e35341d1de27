import SOAPLintModel
import SOAPLintYAML

/// A vocabulary file that could not be loaded: where, and what is wrong.
public struct VocabularyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// What is wrong and what was expected.
    public var message: String

    /// `file:line:column: message`.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

extension SectionVocabulary {
    private static let topLevelKeys = ["sections", "billing", "fields", "regions", "payers"]

    /// Loads a vocabulary from the text of a `sections.yml` file at `path`.
    ///
    /// Every problem is reported at its line and column: unknown keys and kinds (with the valid
    /// choices), a value of the wrong shape, and a name used twice.
    public static func load(yaml text: String, path: String) throws(VocabularyError) -> SectionVocabulary {
        func fail(_ mark: YAMLMark, _ message: String) -> VocabularyError {
            VocabularyError(file: path, line: mark.line, column: mark.column, message: message)
        }
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(text)
        } catch {
            throw fail(YAMLMark(line: error.line, column: error.column), error.message)
        }
        guard let root, let pairs = root.mapping else {
            throw fail(
                root?.mark ?? YAMLMark(line: 1, column: 1), "expected a mapping with the keys \(list(topLevelKeys))")
        }
        var meanings: [String: (Meaning, YAMLMark)] = [:]
        var regions: [String] = []
        var payers: [String: String] = [:]

        func names(_ node: YAMLNode) throws(VocabularyError) -> [(String, YAMLMark)] {
            guard let items = node.sequence else {
                throw fail(node.mark, "expected a list of names, found \(node.shapeName)")
            }
            var result: [(String, YAMLMark)] = []
            for item in items {
                guard let name = item.scalar, !normalize(name).isEmpty else {
                    throw fail(item.mark, "expected a name, found \(item.shapeName)")
                }
                result.append((normalize(name), item.mark))
            }
            return result
        }
        func add(_ node: YAMLNode, as meaning: Meaning) throws(VocabularyError) {
            for (name, mark) in try names(node) {
                if let (_, earlier) = meanings[name] {
                    throw fail(mark, "'\(name)' is already listed at line \(earlier.line); a name may be used once")
                }
                meanings[name] = (meaning, mark)
            }
        }

        for pair in pairs {
            switch pair.key.scalar {
            case "sections":
                guard let kinds = pair.value.mapping else {
                    throw fail(pair.value.mark, "expected a mapping of section kinds, found \(pair.value.shapeName)")
                }
                let valid = SectionKind.allCases.filter { $0 != .other }
                for kindPair in kinds {
                    guard let kind = kindPair.key.scalar.flatMap(SectionKind.init(rawValue:)), kind != .other else {
                        throw fail(
                            kindPair.key.mark,
                            "unknown section kind '\(kindPair.key.scalar ?? "")'; expected one of \(list(valid.map(\.rawValue)))"
                        )
                    }
                    try add(kindPair.value, as: .section(kind))
                }
            case "billing":
                try add(pair.value, as: .billing)
            case "fields":
                guard let fields = pair.value.mapping else {
                    throw fail(pair.value.mark, "expected a mapping of visit fields, found \(pair.value.shapeName)")
                }
                for fieldPair in fields {
                    guard let field = fieldPair.key.scalar.flatMap(VisitField.init(rawValue:)) else {
                        throw fail(
                            fieldPair.key.mark,
                            "unknown visit field '\(fieldPair.key.scalar ?? "")'; expected one of \(list(VisitField.allCases.map(\.rawValue)))"
                        )
                    }
                    try add(fieldPair.value, as: .field(field))
                }
            case "regions":
                regions = try names(pair.value).map(\.0)
            case "payers":
                guard let canonical = pair.value.mapping else {
                    throw fail(pair.value.mark, "expected a mapping of payers to names, found \(pair.value.shapeName)")
                }
                for payerPair in canonical {
                    guard let payer = payerPair.key.scalar else {
                        throw fail(payerPair.key.mark, "expected a payer name, found \(payerPair.key.shapeName)")
                    }
                    payers[normalize(payer)] = normalize(payer)
                    for (name, _) in try names(payerPair.value) { payers[name] = normalize(payer) }
                }
            default:
                let key = pair.key.scalar ?? ""
                throw fail(pair.key.mark, "unknown key '\(key)'; expected one of \(list(topLevelKeys))")
            }
        }
        return SectionVocabulary(meanings: meanings.mapValues(\.0), regions: regions, payers: payers)
    }

    private static func list(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}
