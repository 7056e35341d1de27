/// One command-line option: its names, the value it takes, and its help line.
///
/// The parser and the help text are both made from these, so they cannot disagree.
public struct OptionSpec: Hashable, Sendable {
    /// The long name, with dashes (`--format`).
    public var name: String
    /// The short name (`-j`), if any.
    public var short: String?
    /// The value's name in help (`N`), nil for a flag.
    public var valueName: String?
    /// One line of help.
    public var help: String

    /// Creates an option.
    public init(_ name: String, short: String? = nil, value: String? = nil, help: String) {
        self.name = name
        self.short = short
        self.valueName = value
        self.help = help
    }

    /// `-j, --jobs N` as shown in help.
    var synopsis: String {
        let names = (short.map { "\($0), " } ?? "    ") + name
        return valueName.map { "\(names) \($0)" } ?? names
    }
}

/// A command line split into options (in order, with values) and positional arguments.
struct ParsedArguments {
    var options: [(spec: OptionSpec, value: String?)] = []
    var positionals: [String] = []

    /// Whether the flag `name` was given.
    func has(_ name: String) -> Bool { options.contains { $0.spec.name == name } }

    /// Every value given for `name`, in order.
    func values(_ name: String) -> [String] { options.filter { $0.spec.name == name }.compactMap(\.value) }

    /// The last value given for `name`.
    func value(_ name: String) -> String? { values(name).last }

    /// Splits `arguments` by `specs`: `--name value`, `--name=value`, `-j 4`, `-j4`; `--` ends
    /// options and `-` alone is a positional (standard input).
    static func parse(_ arguments: [String], specs: [OptionSpec]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                parsed.positionals += arguments[index...]
                break
            }
            guard argument.hasPrefix("-"), argument != "-" else {
                parsed.positionals.append(argument)
                continue
            }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            } else if !argument.hasPrefix("--"), argument.count > 2 {
                name = String(argument.prefix(2))
                inlineValue = String(argument.dropFirst(2))
            }
            guard let spec = specs.first(where: { $0.name == name || $0.short == name }) else {
                throw .unknownOption(name, suggestion: UsageError.suggestion(for: name, among: specs.map(\.name)))
            }
            guard let valueName = spec.valueName else {
                if inlineValue != nil { throw .unexpectedValue(option: spec.name) }
                parsed.options.append((spec, nil))
                continue
            }
            if let inlineValue {
                parsed.options.append((spec, inlineValue))
            } else if index < arguments.count {
                parsed.options.append((spec, arguments[index]))
                index += 1
            } else {
                throw .missingValue(option: spec.name, valueName: valueName)
            }
        }
        return parsed
    }
}
