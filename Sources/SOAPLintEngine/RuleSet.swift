import Foundation
import SOAPLintModel
import SOAPLintPatterns
import SOAPLintYAML

/// A loaded, validated rule set: the rules, their patterns compiled into one `PatternSet`, and
/// the context rules.
///
/// Loading reads every `*.yml` in the rule folders except the reserved `sections.yml`,
/// `context.yml` and `patterns.yml`. Every problem in every file is collected; a rule set with
/// any error is never used, so nothing is linted with half the rules.
public struct RuleSet: Sendable {
    /// The rules, sorted by id.
    public var rules: [Rule]
    /// Every pattern of every rule, compiled.
    public var patterns: PatternSet
    /// Negation, hypothetical and exemption triggers.
    public var context: ContextRules
    /// For each pattern of `patterns`, the ids of the rules that use it.
    public var patternRules: [[String]]

    /// Files in a rule folder that are not rules.
    public static let reservedFiles: Set<String> = ["sections.yml", "context.yml", "patterns.yml"]
    /// The keys every rule file may use.
    public static let commonKeys = ["id", "kind", "level", "message", "scope", "description", "link", "examples"]

    /// Loads the rules of `directories` (the built-in folder first). `context.yml` and
    /// `patterns.yml` are read from every folder that has them; rule ids must be unique.
    public static func load(directories: [String], cacheDirectory: String?) -> Result<RuleSet, RuleLoadErrors> {
        var errors: [RuleLoadError] = []
        var registry = PatternRegistry()
        var context = ContextRules.none
        for directory in directories {
            do throws(RuleLoadError) {
                if let text = try read(directory + "/patterns.yml") {
                    try loadPatternSets(text, file: directory + "/patterns.yml", into: &registry)
                }
                if let text = try read(directory + "/context.yml") {
                    context = try ContextRules.load(yaml: text, file: directory + "/context.yml")
                }
            } catch {
                errors.append(error)
            }
        }
        var rules: [Rule] = []
        var seen: [String: String] = [:]
        for directory in directories {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
                    ($0.hasSuffix(".yml") || $0.hasSuffix(".yaml")) && !reservedFiles.contains($0) && !$0.hasPrefix(".")
                }.sorted()
            } catch {
                errors.append(
                    RuleLoadError(file: directory, line: nil, column: nil, message: "cannot read the rule folder"))
                continue
            }
            for name in names {
                let path = directory + "/" + name
                do throws(RuleLoadError) {
                    guard let text = try read(path) else { continue }
                    let rule = try RuleFile.load(yaml: text, file: path, registry: &registry)
                    if let earlier = seen[rule.id] {
                        throw RuleLoadError(
                            file: path, line: 1, column: 1,
                            message: "the rule '\(rule.id)' is already defined in \(earlier)")
                    }
                    seen[rule.id] = path
                    rules.append(rule)
                } catch {
                    errors.append(error)
                }
            }
        }
        let patternSet: PatternSet
        do {
            patternSet = try PatternSet(registry.patterns, cacheDirectory: cacheDirectory)
        } catch {
            let origin = registry.origins[error.index]
            let at = error.offset.map { " at character \($0 + 1)" } ?? ""
            let source = registry.patterns[error.index].source
            errors.append(
                RuleLoadError(
                    file: origin.file, line: origin.line, column: origin.column,
                    message: error.isCatastrophic
                        ? "the pattern '\(source)' cannot be used: \(error.message)"
                        : "invalid regular expression '\(source)'\(at): \(error.message)"))
            return .failure(RuleLoadErrors(errors: errors.sorted()))
        }
        guard errors.isEmpty else { return .failure(RuleLoadErrors(errors: errors.sorted())) }
        let ids = Dictionary(rules.map { ($0.file, $0.id) }, uniquingKeysWith: { first, _ in first })
        return .success(
            RuleSet(
                rules: rules.sorted { $0.id < $1.id }, patterns: patternSet, context: context,
                patternRules: registry.users.map { $0.compactMap { ids[$0] }.sorted() }))
    }

    /// Reads one rule file's text as `load` would, with no pattern sets and no compiling: the
    /// rule, or the first problem at its line and column. For tools and fuzzing.
    public static func parseRule(yaml text: String, file: String) -> Result<Rule, RuleLoadError> {
        var registry = PatternRegistry()
        do throws(RuleLoadError) {
            return .success(try RuleFile.load(yaml: text, file: file, registry: &registry))
        } catch {
            return .failure(error)
        }
    }

    /// The text of `path`, nil when it does not exist.
    static func read(_ path: String) throws(RuleLoadError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleLoadError(file: path, line: nil, column: nil, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleLoadError(file: path, line: nil, column: nil, message: "the file is not UTF-8 text")
        }
        return text
    }

    /// `name: [patterns]` pairs, usable as `@name` in rule files.
    static func loadPatternSets(_ text: String, file: String, into registry: inout PatternRegistry)
        throws(RuleLoadError)
    {
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(text)
        } catch {
            throw RuleLoadError(file: file, line: error.line, column: error.column, message: error.message)
        }
        guard let root else { return }
        let fields = try RuleFields(root, file: file)
        for pair in root.mapping ?? [] {
            let name = pair.key.scalar ?? ""
            guard let items = pair.value.sequence, !items.isEmpty else {
                throw fields.error(pair.value, "the pattern set '\(name)' must be a list of patterns")
            }
            guard registry.namedSets[name] == nil else {
                throw fields.error(pair.key, "the pattern set '\(name)' is already defined")
            }
            registry.namedSets[name] = (file, items)
        }
    }
}

/// Every error found while loading a rule set, sorted by file and position.
public struct RuleLoadErrors: Error, Sendable {
    /// The errors.
    public var errors: [RuleLoadError]
}
