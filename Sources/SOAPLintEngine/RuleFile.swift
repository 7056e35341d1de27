import SOAPLintModel
import SOAPLintYAML

/// Reads one rule file: the common keys, then the kind's own keys.
enum RuleFile {
    static func load(yaml text: String, file: String, registry: inout PatternRegistry) throws(RuleLoadError) -> Rule {
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(text)
        } catch {
            throw RuleLoadError(file: file, line: error.line, column: error.column, message: error.message)
        }
        guard let root else { throw RuleLoadError(file: file, line: 1, column: 1, message: "the rule file is empty") }
        let fields = try RuleFields(root, file: file)
        let kindNames = RuleKinds.all.map { $0.name }
        guard let kindName = try fields.string("kind") else {
            throw fields.error(
                "the key 'kind' is required; expected one of \(kindNames.map { "'\($0)'" }.joined(separator: ", "))")
        }
        guard let kind = RuleKinds.named(kindName) else {
            let suggestion = RuleFields.closest(kindName, kindNames).map { " (did you mean '\($0)'?)" } ?? ""
            throw fields.error(
                fields.value("kind")!,
                "unknown kind '\(kindName)'\(suggestion); expected one of \(kindNames.map { "'\($0)'" }.joined(separator: ", "))"
            )
        }
        try fields.checkKeys(RuleSet.commonKeys + kind.keys)

        let id = try fields.requiredString("id")
        let fileName = (file.split(separator: "/").last.map(String.init) ?? file)
        let stem = fileName.hasSuffix(".yaml") ? String(fileName.dropLast(5)) : String(fileName.dropLast(4))
        guard id == stem else {
            throw fields.error(fields.value("id")!, "the id '\(id)' must equal the file name ('\(stem)')")
        }
        guard id.allSatisfy({ ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }), !id.isEmpty else {
            throw fields.error(fields.value("id")!, "a rule id is kebab-case: lower-case letters, digits and hyphens")
        }
        let levelNames = Level.allCases.reversed().map(\.rawValue)
        guard let levelName = try fields.choice("level", levelNames) else {
            throw fields.error("the key 'level' is required")
        }
        let message = try fields.requiredString("message")
        var scope: [SectionKind]?
        if let names = try fields.strings("scope") {
            let valid = SectionKind.allCases.filter { $0 != .assessmentAndPlan }.map(\.rawValue)
            scope = []
            for name in names {
                guard let kind = SectionKind(rawValue: name), kind != .assessmentAndPlan else {
                    let suggestion = RuleFields.closest(name, valid).map { " (did you mean '\($0)'?)" } ?? ""
                    throw fields.error(
                        fields.value("scope")!,
                        "unknown scope '\(name)'\(suggestion); expected one of \(valid.map { "'\($0)'" }.joined(separator: ", "))"
                    )
                }
                scope?.append(kind)
            }
        }
        var triggers: [String] = []
        var passes: [String] = []
        if let node = fields.value("examples"), !node.isNull {
            let examples = try RuleFields(node, file: file)
            try examples.checkKeys(["triggers", "passes"])
            triggers = try examples.strings("triggers") ?? []
            passes = try examples.strings("passes") ?? []
        }
        let directory = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let check = try kind.init(
            fields: fields, registry: &registry,
            environment: RuleLoadEnvironment(directory: directory.isEmpty ? "." : directory))
        return Rule(
            id: id, kind: kindName, level: Level(rawValue: levelName)!, message: message, scope: scope,
            description: try fields.string("description") ?? message, link: try fields.string("link"),
            triggers: triggers,
            passes: passes, file: file, check: check)
    }
}
