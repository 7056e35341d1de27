import CPCRE2
import CVectorscan

/// The versions of the pattern libraries soaplint is linked against, for `soaplint --version`.
public enum PatternLibraries {
    /// `PCRE2 10.42` and `Vectorscan 5.4.9`, as the libraries report themselves.
    public static var versions: [String] {
        var result: [String] = []
        let length = pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), nil)
        if length > 0 {
            var buffer = [UInt8](repeating: 0, count: Int(length) + 1)
            _ = pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), &buffer)
            let text = String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            result.append("PCRE2 " + (text.split(separator: " ").first.map(String.init) ?? text))
        }
        if let version = hs_version() {
            let text = String(cString: version)
            result.append("Vectorscan " + (text.split(separator: " ").first.map(String.init) ?? text))
        }
        return result
    }
}
