import SOAPLintModel
import SOAPLintYAML

/// A Markdown note's YAML front matter: the lines between a first-line `---` and the next
/// `---` (or `...`), read with libyaml into the visit and the note's id.
///
/// Line numbers in errors are the file's own: the YAML's line 1 is the file's line 2.
struct FrontMatter {
    /// The number of lines the front matter takes, fences included.
    var lineCount: Int
    /// The note's own id (`id:`), if any.
    var id: String?
    /// The visit fields the front matter documents.
    var visit: Visit

    /// Known keys, for the record; other keys are a clinic's own metadata and are ignored.
    static let keys = [
        "id", "patient", "date", "provider", "payer", "referral", "diagnoses", "services", "total_minutes", "signature",
    ]

    /// The front matter at the top of `lines`, nil when the file has none.
    static func read(
        _ lines: [String], file: String, vocabulary: SectionVocabulary
    ) throws(FileError) -> FrontMatter? {
        guard let first = lines.first, first.firstNonSpaceByte == 0x2D, first.trimmingWhitespace() == "---" else {
            return nil
        }
        guard
            let close = lines.indices.dropFirst().first(where: {
                // Only a line starting with '-' or '.' can close it; most lines are told at once.
                let start = lines[$0].firstNonSpaceByte
                return (start == 0x2D || start == 0x2E) && ["---", "..."].contains(lines[$0].trimmingWhitespace())
            })
        else {
            throw FileError(
                file: file, line: 1, column: 1,
                message: "the front matter that starts here has no closing '---' line")
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        var matter = FrontMatter(lineCount: close + 1, id: nil, visit: Visit())
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(yaml)
        } catch {
            throw FileError(
                file: file, line: error.line + 1, column: error.column,
                message: "front matter: \(error.message(lineOffset: 1))")
        }
        guard let root else { return matter }
        guard let pairs = root.mapping else {
            throw Self.error(
                file, root,
                "front matter must be a mapping of keys such as date, provider and payer, found \(root.shapeName)")
        }
        for pair in pairs {
            let value = pair.value
            switch pair.key.scalar {
            case "id": matter.id = try text(value, file)
            case "patient": matter.visit.patient = try text(value, file)
            case "date": matter.visit.dateOfService = try text(value, file)
            case "provider": matter.visit.provider = try text(value, file).map(Provider.init(parsing:))
            case "payer": matter.visit.payer = try text(value, file).map { vocabulary.payer(named: $0) }
            case "referral":
                matter.visit.referral = try text(value, file).flatMap {
                    VisitReader.noneValues.contains($0.lowercased()) ? nil : $0
                }
            case "signature": matter.visit.signature = try text(value, file)
            case "total_minutes": matter.visit.totalMinutes = try integer(value, file, key: "total_minutes")
            case "diagnoses": matter.visit.diagnoses = try diagnoses(value, file)
            case "services": matter.visit.services = try services(value, file, regions: vocabulary.regions)
            default: continue
            }
        }
        return matter
    }

    private static func position(_ node: YAMLNode) -> SourcePosition {
        SourcePosition(line: node.mark.line + 1, column: node.mark.column)
    }

    private static func error(_ file: String, _ node: YAMLNode, _ message: String) -> FileError {
        FileError(file: file, line: node.mark.line + 1, column: node.mark.column, message: message)
    }

    private static func text(_ node: YAMLNode, _ file: String) throws(FileError) -> String? {
        if node.isNull { return nil }
        guard let value = node.scalar else { throw error(file, node, "expected text, found \(node.shapeName)") }
        let trimmed = value.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func integer(_ node: YAMLNode, _ file: String, key: String) throws(FileError) -> Int? {
        if node.isNull { return nil }
        guard let value = node.integer, value >= 0 else {
            throw error(
                file, node, "'\(key)' must be a whole number of minutes, found '\(node.scalar ?? node.shapeName)'")
        }
        return value
    }

    private static func diagnoses(_ node: YAMLNode, _ file: String) throws(FileError) -> [Diagnosis] {
        if node.isNull { return [] }
        if let single = node.scalar {
            return BillingNotation.diagnoses(in: single, origin: nil).map {
                Diagnosis(code: $0.code, position: position(node))
            }
        }
        guard let items = node.sequence else {
            throw error(file, node, "'diagnoses' must be a list of ICD-10-CM codes, found \(node.shapeName)")
        }
        var result: [Diagnosis] = []
        for item in items {
            guard let code = item.scalar?.trimmingWhitespace(), !code.isEmpty else {
                throw error(file, item, "expected an ICD-10-CM code such as M54.2, found \(item.shapeName)")
            }
            result.append(Diagnosis(code: code.uppercased(), position: position(item)))
        }
        return result
    }

    private static let serviceKeys = ["code", "minutes", "units", "modifiers", "region"]

    private static func services(_ node: YAMLNode, _ file: String, regions: [String]) throws(FileError) -> [Service] {
        if node.isNull { return [] }
        guard let items = node.sequence else {
            throw error(
                file, node,
                "'services' must be a list of services with code, minutes and units, found \(node.shapeName)")
        }
        var result: [Service] = []
        for item in items {
            if let line = item.scalar {
                let origin = position(item)
                result += BillingNotation.services(in: line, origin: origin, regions: regions)
                continue
            }
            guard let pairs = item.mapping else {
                throw error(file, item, "expected a service with code, minutes and units, found \(item.shapeName)")
            }
            guard let code = item["code"]?.scalar?.trimmingWhitespace(), !code.isEmpty else {
                throw error(file, item, "a service needs a 'code' (the CPT code, such as \"97140\")")
            }
            var service = Service(code: code.uppercased(), position: position(item))
            for pair in pairs {
                switch pair.key.scalar {
                case "code": continue
                case "minutes": service.minutes = try integer(pair.value, file, key: "minutes")
                case "units": service.units = try integer(pair.value, file, key: "units")
                case "region": service.region = try text(pair.value, file)
                case "modifiers": service.modifiers = try modifiers(pair.value, file)
                default:
                    throw error(
                        file, pair.key,
                        "unknown service key '\(pair.key.scalar ?? "")'; expected one of \(serviceKeys.joined(separator: ", "))"
                    )
                }
            }
            result.append(service)
        }
        return result
    }

    private static func modifiers(_ node: YAMLNode, _ file: String) throws(FileError) -> [String] {
        if node.isNull { return [] }
        if let text = node.scalar {
            return text.split { $0 == " " || $0 == "," || $0 == "-" }.map { String($0).uppercased() }
        }
        guard let items = node.sequence else {
            throw error(file, node, "'modifiers' must be a list such as [59, GP], found \(node.shapeName)")
        }
        var result: [String] = []
        for item in items {
            guard let text = item.scalar else { throw error(file, item, "expected a modifier such as 59 or GP") }
            result.append(text.trimmingWhitespace().uppercased())
        }
        return result
    }
}
