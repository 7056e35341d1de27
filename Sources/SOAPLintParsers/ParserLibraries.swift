import CCmarkGFM
import CLibXML2
import SOAPLintYAML

/// The versions of the parsing libraries soaplint is linked against, for `soaplint --version`.
public enum ParserLibraries {
    /// `cmark-gfm 0.29.0.gfm.6`, `libxml2 2.9.14`, `libyaml 0.2.5`.
    public static var versions: [String] {
        [
            "cmark-gfm " + String(cString: cmark_version_string()),
            "libxml2 " + LIBXML_DOTTED_VERSION,
            "libyaml " + YAMLParser.libraryVersion,
        ]
    }
}
