import Foundation
import SOAPLintModel
import SOAPLintYAML

/// A clinic's `.soaplint.yml`: extra rule folders, rules on or off, levels, per-file overrides,
/// payer profiles, licence scopes and the timed-unit method.
public struct Configuration: Sendable {
    /// How a rule is changed by configuration.
    public struct RuleSetting: Hashable, Sendable {
        /// false turns the rule off.
        public var enabled: Bool = true
        /// A level replacing the rule's own.
        public var level: Level?
    }

    /// The file it was read from, nil for the defaults.
    public var file: String?
    /// Extra rule folders, absolute.
    public var ruleDirectories: [String] = []
    /// Settings by rule id.
    public var rules: [String: RuleSetting] = [:]
    /// Settings for files matching a shell pattern (`archive/*`), applied in order after `rules`.
    public var overrides: [(pattern: String, rules: [String: RuleSetting])] = []
    /// Payer lists by profile name (`requires-referral: [workers-comp, auto]`).
    public var payerProfiles: [String: [String]] = [:]
    /// Billable codes by credential (`LMT: ["97124", "97140"]`).
    public var licenceScopes: [String: [String]] = [:]
    /// How timed units are counted.
    public var unitMethod: UnitMethod?

    /// The defaults: no file.
    public init() {}

    /// The settings that apply to notes in `file` (a path as given on the command line).
    public func settings(for file: String) -> [String: RuleSetting] {
        var result = rules
        for override in overrides where Self.matches(override.pattern, file) {
            for (id, setting) in override.rules {
                var merged = result[id] ?? RuleSetting()
                merged.enabled = setting.enabled
                if let level = setting.level { merged.level = level }
                result[id] = merged
            }
        }
        return result
    }

    /// Whether the shell pattern matches the path, or its file name, or the path below `./`.
    static func matches(_ pattern: String, _ file: String) -> Bool {
        let trimmed = file.hasPrefix("./") ? String(file.dropFirst(2)) : file
        let name = (trimmed as NSString).lastPathComponent
        let expanded = pattern.replacingOccurrences(of: "**/", with: "*").replacingOccurrences(of: "**", with: "*")
        return fnmatch(expanded, trimmed, 0) == 0 || fnmatch(expanded, name, 0) == 0
    }

    static let keys = ["rules-dirs", "rules", "overrides", "payer-profiles", "licence-scopes", "unit-method"]

    /// Reads a configuration file's text; relative rule folders are resolved against its folder.
    public static func load(yaml text: String, file: String) throws(RuleLoadError) -> Configuration {
        var configuration = Configuration()
        configuration.file = file
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(text)
        } catch {
            throw RuleLoadError(file: file, line: error.line, column: error.column, message: error.message)
        }
        guard let root else { return configuration }
        let fields = try RuleFields(root, file: file)
        try fields.checkKeys(keys)
        let base = (file as NSString).deletingLastPathComponent
        configuration.ruleDirectories = (try fields.strings("rules-dirs") ?? []).map { directory in
            directory.hasPrefix("/") ? directory : (base as NSString).appendingPathComponent(directory)
        }
        if let node = fields.value("rules"), !node.isNull {
            configuration.rules = try ruleSettings(node, file: file)
        }
        if let node = fields.value("overrides"), !node.isNull {
            guard let items = node.sequence else {
                throw fields.error(node, "'overrides' must be a list of {files, rules}")
            }
            for item in items {
                let override = try RuleFields(item, file: file)
                try override.checkKeys(["files", "rules"])
                let pattern = try override.requiredString("files")
                guard let rules = override.value("rules") else { throw override.error("an override needs 'rules'") }
                configuration.overrides.append((pattern, try ruleSettings(rules, file: file)))
            }
        }
        if let node = fields.value("payer-profiles"), !node.isNull {
            let profiles = try RuleFields(node, file: file)
            for pair in node.mapping ?? [] {
                let name = pair.key.scalar ?? ""
                configuration.payerProfiles[name] = try RuleFields.strings(pair.value, key: name, file: profiles.file)
                    .map { $0.lowercased() }
            }
        }
        if let node = fields.value("licence-scopes"), !node.isNull {
            guard let pairs = node.mapping else {
                throw fields.error(node, "'licence-scopes' must map credentials to codes")
            }
            for pair in pairs {
                let credential = (pair.key.scalar ?? "").uppercased()
                configuration.licenceScopes[credential] = try RuleFields.strings(
                    pair.value, key: credential, file: file)
            }
        }
        if let method = try fields.choice("unit-method", UnitMethod.allCases.map(\.rawValue)) {
            configuration.unitMethod = UnitMethod(rawValue: method)
        }
        return configuration
    }

    /// `id: off`, `id: warning`, or `id: {enabled: false, level: info}`.
    private static func ruleSettings(_ node: YAMLNode, file: String) throws(RuleLoadError) -> [String: RuleSetting] {
        guard let pairs = node.mapping else {
            throw RuleLoadError(
                file: file, line: node.mark.line, column: node.mark.column,
                message: "'rules' must map rule ids to on, off or a level")
        }
        var result: [String: RuleSetting] = [:]
        let choices = ["on", "off"] + Level.allCases.reversed().map(\.rawValue)
        for pair in pairs {
            let id = pair.key.scalar ?? ""
            var setting = RuleSetting()
            if let text = pair.value.scalar?.lowercased() {
                switch text {
                case "on", "true", "yes": setting.enabled = true
                case "off", "false", "no": setting.enabled = false
                default:
                    guard let level = Level(rawValue: text) else {
                        throw RuleLoadError(
                            file: file, line: pair.value.mark.line, column: pair.value.mark.column,
                            message:
                                "unknown setting '\(text)' for rule '\(id)'; expected one of \(choices.map { "'\($0)'" }.joined(separator: ", "))"
                        )
                    }
                    setting.level = level
                }
            } else {
                let inner = try RuleFields(pair.value, file: file)
                try inner.checkKeys(["enabled", "level"])
                setting.enabled = try inner.bool("enabled") ?? true
                setting.level = try inner.choice("level", Level.allCases.reversed().map(\.rawValue)).flatMap(
                    Level.init(rawValue:))
            }
            result[id] = setting
        }
        return result
    }
}

/// How timed CPT units are counted under the 8-minute rule.
public enum UnitMethod: String, CaseIterable, Sendable {
    /// CMS: total timed minutes decide the total units, then units go to the codes with the most time.
    case totalTime = "total-time"
    /// Each code's own minutes decide its units (many commercial payers).
    case perCode = "per-code"
}
