import SOAPLintModel

/// The auditor's report: one self-contained HTML page (inline CSS and SVG, no scripts, nothing
/// loaded from the network) that reads on screen and prints.
///
/// It opens with the totals and the share of notes with no findings, then charts of findings
/// by rule, provider, payer and month of service, a table of the notes with findings grouped
/// by file, each note's findings with the line they point at, and the rules that fired with
/// their explanation and source. All note text is escaped. With `redact`, excerpts and patient
/// identifiers are left out. Aggregates are counted as notes stream past; the rows of notes with
/// findings, which print after the totals, wait in spools (on disk past a few megabytes), so a run
/// over a whole practice's notes takes no more memory than one over a folder.
public final class HTMLReporter: ReportStream {
    private let sink: any TextSink
    private let context: ReportContext
    private var byRule: [String: Int] = [:]
    private var byProvider: [String: Int] = [:]
    private var byPayer: [String: Int] = [:]
    private var byMonth: [String: Int] = [:]
    private let rows: Spool
    private let details: Spool
    private let errors: Spool
    private var firedRules: Set<String> = []
    private var noteNumber = 0

    /// Creates a reporter writing the page to `sink` when the run finishes; each spool moves to a
    /// temporary file past `spoolLimit` bytes.
    public init(sink: any TextSink, context: ReportContext, spoolLimit: Int = 4 << 20) {
        self.sink = sink
        self.context = context
        rows = Spool(memoryLimit: spoolLimit)
        details = Spool(memoryLimit: spoolLimit)
        errors = Spool(memoryLimit: spoolLimit)
    }

    public func add(_ result: NoteResult) {
        guard !result.findings.isEmpty else { return }
        noteNumber += 1
        let note = result.note
        let visit = note.visit
        let provider = visit.provider?.displayText ?? "not documented"
        let payer = visit.payer ?? "not documented"
        for finding in result.findings {
            byRule[finding.rule, default: 0] += 1
            byProvider[provider, default: 0] += 1
            byPayer[payer, default: 0] += 1
            byMonth[Self.month(visit.dateOfService), default: 0] += 1
            firedRules.insert(finding.rule)
        }
        let anchor = "note-\(noteNumber)"
        let name = Self.noteName(note, redact: context.redact)
        let counts = Level.allCases.reversed().map { level in result.findings.filter { $0.level == level }.count }
        if !rows.isEmpty { rows.write("\n") }
        rows.write(
            "<tr><td><a href=\"#\(anchor)\">\(HTMLText.escape(note.file))</a></td><td>\(HTMLText.escape(name))</td>"
                + "<td>\(HTMLText.escape(visit.dateOfService ?? "—"))</td><td>\(HTMLText.escape(provider))</td>"
                + "<td>\(HTMLText.escape(payer))</td>"
                + counts.map { "<td class=\"num\">\($0)</td>" }.joined() + "</tr>")
        var items = ""
        for finding in result.findings {
            var excerpt = ""
            if !context.redact, let line = Excerpt.line(finding.position.line, in: note) {
                excerpt = "<blockquote>\(HTMLText.escape(line))</blockquote>"
            }
            items += """
                <li class="\(finding.level.rawValue)"><span class="badge \(finding.level.rawValue)">\(finding.level.rawValue)</span> \
                <span class="message">\(HTMLText.escape(finding.message))</span> \
                <a class="rule" href="#rule-\(HTMLText.escape(finding.rule))">\(HTMLText.escape(finding.rule))</a> \
                <span class="where">line \(finding.position.line), column \(finding.position.column)</span>\(excerpt)</li>
                """
        }
        if !details.isEmpty { details.write("\n") }
        details.write(
            """
            <article class="note" id="\(anchor)"><h3>\(HTMLText.escape(note.file)) <small>\(HTMLText.escape(name))</small></h3>
            <p class="meta">Date of service \(HTMLText.escape(visit.dateOfService ?? "not documented")) · \(HTMLText.escape(provider)) · \
            payer \(HTMLText.escape(payer))\(context.redact ? "" : visit.patient.map { " · patient \(HTMLText.escape($0))" } ?? "")</p>
            <ul class="findings">\(items)</ul></article>
            """)
    }

    public func add(_ error: FileError) {
        var location = error.file
        if let line = error.line { location += ":\(line)" }
        errors.write("<li><code>\(HTMLText.escape(location))</code> \(HTMLText.escape(error.message))</li>")
    }

    public func finish(_ summary: RunSummary) {
        let (head, notes, tail) = page(summary)
        sink.write(head)
        if rows.isEmpty {
            sink.write("<p>No note has a finding.</p>")
        } else {
            sink.write(
                """
                <table><thead><tr><th>File</th><th>Note</th><th>Date of service</th><th>Provider</th><th>Payer</th>\
                <th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th></tr></thead>
                <tbody>
                """)
            rows.replay(into: sink)
            sink.write("</tbody></table>")
        }
        sink.write("</section>\n")
        if !errors.isEmpty {
            sink.write("<section><h2>Files that could not be read</h2><ul>")
            errors.replay(into: sink)
            sink.write("</ul></section>")
        }
        sink.write(notes)
        details.replay(into: sink)
        sink.write(tail)
    }

    /// The page around the spooled parts: up to the table of notes with findings, the heading
    /// of the findings by note, and the end.
    private func page(_ summary: RunSummary) -> (head: String, notes: String, tail: String) {
        let clean = summary.notes - summary.notesWithFindings
        let share = summary.notes == 0 ? 0 : (clean * 1000 / summary.notes)
        let shareText = "\(share / 10).\(share % 10)%"
        let cards = [
            ("Notes linted", String(summary.notes), ""), ("Notes with no findings", "\(clean) (\(shareText))", "good"),
            ("Errors", String(summary.findingsByLevel[.error] ?? 0), "error"),
            ("Warnings", String(summary.findingsByLevel[.warning] ?? 0), "warning"),
            ("Info", String(summary.findingsByLevel[.info] ?? 0), "info"),
            ("Files not read", String(summary.errors), ""),
        ].map {
            "<div class=\"card \($0.2)\"><div class=\"value\">\(HTMLText.escape($0.1))</div><div class=\"label\">\($0.0)</div></div>"
        }
        let charts = [
            BarChart(title: "Findings by rule", items: byRule.map { ($0.key, $0.value) }, color: "#b42318"),
            BarChart(title: "Findings by provider", items: byProvider.map { ($0.key, $0.value) }, color: "#1d4ed8"),
            BarChart(title: "Findings by payer", items: byPayer.map { ($0.key, $0.value) }, color: "#7c3aed"),
            BarChart(
                title: "Findings by month of service", items: byMonth.map { ($0.key, $0.value) }, color: "#0f766e",
                limit: 24),
        ].map { "<figure><figcaption>\($0.title)</figcaption>\($0.svg)</figure>" }
        let ruleEntries = firedRules.sorted().map { id -> String in
            let rule = context.rules[id]
            let link = rule?.link.map { " <a href=\"\(HTMLText.escape($0))\">Source</a>" } ?? ""
            return """
                <dt id="rule-\(HTMLText.escape(id))"><code>\(HTMLText.escape(id))</code> \
                <span class="badge \(rule?.level.rawValue ?? "info")">\(rule?.level.rawValue ?? "")</span></dt>
                <dd>\(HTMLText.escape((rule?.description ?? "").trimmingWhitespace()))\(link)</dd>
                """
        }
        let head = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>soaplint documentation-risk report</title>
            <style>\(Self.style)</style></head>
            <body><header><h1>Documentation-risk report</h1>
            <p class="generated">soaplint \(HTMLText.escape(context.version)) · generated \(HTMLText.escape(context.generated)) · \
            \(summary.files) files\(context.redact ? " · redacted: no excerpts or patient identifiers" : "")</p>
            <p class="disclaimer">This report shows documentation risk: notes that may not support the services billed. \
            It is a documentation aid, not legal or coding advice, and does not say that any note is compliant.</p></header>
            <section class="cards">\(cards.joined())</section>
            <section class="charts">\(charts.joined())</section>
            <section><h2>Notes with findings</h2>
            """
        let tail = """
            </section>
            <section><h2>Rules that fired</h2><dl class="rules">\(ruleEntries.joined(separator: "\n"))</dl></section>
            <footer>soaplint reports documentation risk; it is not legal or coding advice.</footer>
            </body></html>

            """
        return (head, "\n<section><h2>Findings by note</h2>", tail)
    }

    /// `v-2001 (note 1)`, or the note's position; the id is left out when redacting.
    private static func noteName(_ note: Note, redact: Bool) -> String {
        let position = "note \(note.index + 1)"
        guard let id = note.id, !redact else { return position }
        return "\(id) (\(position))"
    }

    /// `2026-03` from `2026-03-14` or `03/14/2026`; "unknown" otherwise.
    static func month(_ date: String?) -> String {
        guard let date else { return "unknown" }
        let parts = date.split { $0 == "-" || $0 == "/" }.map(String.init)
        guard parts.count == 3 else { return "unknown" }
        if parts[0].count == 4, let month = Int(parts[1]), (1...12).contains(month) {
            return parts[0] + "-" + (month < 10 ? "0" : "") + String(month)
        }
        if parts[2].count == 4, let month = Int(parts[0]), (1...12).contains(month) {
            return parts[2] + "-" + (month < 10 ? "0" : "") + String(month)
        }
        return "unknown"
    }

    static let style = """
        :root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--error:#b42318;--warning:#b54708;--info:#1d4ed8;--good:#067647}
        *{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);\
        max-width:1100px;margin:0 auto;padding:24px}
        h1{margin:0 0 4px;font-size:26px}h2{font-size:19px;margin:32px 0 12px;border-bottom:2px solid var(--line);padding-bottom:4px}
        h3{font-size:15px;margin:0 0 2px}h3 small{color:var(--muted);font-weight:normal}
        .generated,.meta{color:var(--muted);margin:0 0 8px}.disclaimer{background:#fef3c7;border-left:4px solid #d97706;\
        padding:8px 12px;margin:12px 0}
        .cards{display:grid;grid-template-columns:repeat(6,1fr);gap:10px;margin:16px 0}.card{border:1px solid var(--line);\
        border-radius:8px;padding:10px}.card .value{font-size:22px;font-weight:600}.card .label{color:var(--muted);font-size:13px}
        .card.error .value{color:var(--error)}.card.warning .value{color:var(--warning)}.card.info .value{color:var(--info)}\
        .card.good .value{color:var(--good)}
        .charts{display:grid;grid-template-columns:1fr 1fr;gap:16px}figure{margin:0;border:1px solid var(--line);\
        border-radius:8px;padding:10px}figcaption{font-weight:600;margin-bottom:6px}
        svg text{font-size:12px;fill:var(--ink)}svg text.value{fill:var(--muted)}.empty{color:var(--muted)}
        table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid var(--line);padding:6px 8px;\
        text-align:left;vertical-align:top}th{background:#f9fafb}.num{text-align:right}
        .note{border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:10px 0;break-inside:avoid}
        .findings{list-style:none;padding:0;margin:6px 0 0}.findings li{padding:4px 0;border-top:1px dashed var(--line)}
        .badge{display:inline-block;font-size:11px;text-transform:uppercase;letter-spacing:.04em;padding:1px 6px;\
        border-radius:4px;color:#fff;background:var(--info)}.badge.error{background:var(--error)}.badge.warning{background:var(--warning)}
        .rule{font-family:ui-monospace,monospace;font-size:12px;color:var(--muted)}.where{color:var(--muted);font-size:12px}
        blockquote{margin:4px 0 2px;padding:4px 10px;background:#f3f4f6;border-left:3px solid #d1d5db;\
        font-family:ui-monospace,monospace;font-size:13px;white-space:pre-wrap}
        dl.rules dt{margin-top:10px;font-weight:600}dl.rules dd{margin:2px 0 0 0;color:#374151}
        footer{margin-top:32px;color:var(--muted);font-size:13px;border-top:1px solid var(--line);padding-top:8px}
        a{color:#1d4ed8}
        @media print{body{max-width:none;padding:0;font-size:11pt}.charts{grid-template-columns:1fr 1fr}\
        .cards{grid-template-columns:repeat(3,1fr)}h2{break-after:avoid}a{color:inherit;text-decoration:none}}
        """
}
