/// Builds JSON text with keys in the order written, for stable, diffable output.
public enum JSONText {
    /// `"text"` with JSON escapes.
    public static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A JSON string, or `null` for nil.
    public static func string(_ value: String?) -> String { value.map(quoted) ?? "null" }

    /// A JSON number, or `null` for nil.
    public static func number(_ value: Int?) -> String { value.map(String.init) ?? "null" }

    /// `{"key": value, ...}` from pairs whose values are already JSON.
    public static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(quoted($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// `[a, b]` from values that are already JSON.
    public static func array(_ values: [String]) -> String { "[" + values.joined(separator: ", ") + "]" }
}
