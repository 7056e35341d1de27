extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, line breaks, and
    /// Unicode spaces such as U+00A0). Inlinable, so each caller gets a copy specialized for
    /// its string type rather than a generic one (the parsers call it for every line).
    @inlinable
    public func trimmingWhitespace() -> String {
        let bytes = utf8
        var start: String.Index?
        var end = bytes.startIndex
        var edgesAreASCII = true
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if !Self.isASCIISpace(byte) {
                if start == nil {
                    start = index
                    edgesAreASCII = byte < 0x80
                }
                end = next
            }
            index = next
        }
        guard let start else { return "" }
        if edgesAreASCII, bytes[bytes.index(end, offsetBy: -1, limitedBy: start) ?? start] < 0x80 {
            return String(self[start..<end])
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    /// Whether the text holds nothing but white space. Stops at the first other character and
    /// builds no string.
    @inlinable
    public var isBlank: Bool {
        for byte in utf8 where !Self.isASCIISpace(byte) {
            return byte >= 0x80 && unicodeScalars.allSatisfy(\.properties.isWhitespace)
        }
        return true
    }

    /// The first byte that is not ASCII white space, nil for a blank or empty text.
    @inlinable
    public var firstNonSpaceByte: UInt8? {
        utf8.first { !Self.isASCIISpace($0) }
    }

    @inlinable
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
