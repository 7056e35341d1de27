/// One SOAP note: where it came from, its sections and its visit.
public struct Note: Hashable, Sendable {
    /// The path of the file the note was read from, as given on the command line.
    public var file: String
    /// The 0-based position of the note in its file (always 0 for Markdown and text files).
    public var index: Int
    /// The note's own id (front matter `id`, an XML `id` attribute), nil when it has none.
    public var id: String?
    /// The note's sections in source order.
    public var sections: [Section]
    /// The billing facts of the visit.
    public var visit: Visit
    /// Where the note starts in its file (line 1, column 1 for a file holding one note).
    public var start: SourcePosition
    /// Inline `soaplint-disable` / `enable` / `disable-next-line` comments, in line order.
    public var suppressions: [Suppression] = []

    /// Creates a note.
    public init(
        file: String, index: Int, id: String? = nil, sections: [Section], visit: Visit,
        start: SourcePosition = SourcePosition(line: 1, column: 1)
    ) {
        self.file = file
        self.index = index
        self.id = id
        self.sections = sections
        self.visit = visit
        self.start = start
    }

    /// The sections that count as `kind` (an A/P section counts as assessment and as plan).
    public func sections(covering kind: SectionKind) -> [Section] {
        sections.filter { $0.kind.covers(kind) }
    }
}
