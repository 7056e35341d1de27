import Foundation
import SOAPLintModel
import SOAPLintReporters

/// Findings recorded on an earlier run (`--write-baseline FILE`), so a later run
/// (`--baseline FILE`) reports only new ones.
///
/// A finding is matched on its file, its note (own id, else position in the file), its rule and
/// its message, never on line numbers, so editing a note above a finding does not make it new.
/// Repeats are counted: a note with two identical findings in the baseline and three now has
/// one new finding.
struct Baseline {
    /// The identity of a finding, without its position.
    struct Key: Hashable, Comparable {
        var file: String
        var note: String
        var rule: String
        var message: String

        init(_ finding: Finding, in note: Note) {
            file = note.file.hasPrefix("./") ? String(note.file.dropFirst(2)) : note.file
            self.note = note.id ?? "#\(note.index)"
            rule = finding.rule
            message = finding.message
        }

        init(file: String, note: String, rule: String, message: String) {
            self.file = file
            self.note = note
            self.rule = rule
            self.message = message
        }

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.file, lhs.note, lhs.rule, lhs.message) < (rhs.file, rhs.note, rhs.rule, rhs.message)
        }
    }

    private(set) var counts: [Key: Int] = [:]

    init() {}

    /// Reads a baseline file; the error names the file and what is wrong.
    init(path: String, shown: String) throws(FileWriteError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileWriteError(path: shown, reason: "cannot read the baseline")
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            root["version"] as? Int == 1, let findings = root["findings"] as? [[String: Any]]
        else {
            throw FileWriteError(
                path: shown, reason: "not a soaplint baseline (expected {\"version\": 1, \"findings\": [...]})")
        }
        for entry in findings {
            guard let file = entry["file"] as? String, let note = entry["note"] as? String,
                let rule = entry["rule"] as? String,
                let message = entry["message"] as? String
            else { throw FileWriteError(path: shown, reason: "a baseline entry lacks file, note, rule or message") }
            counts[Key(file: file, note: note, rule: rule, message: message), default: 0] +=
                (entry["count"] as? Int) ?? 1
        }
    }

    /// `result` without the findings the baseline holds, each baseline entry used up once.
    mutating func newFindings(in result: NoteResult) -> NoteResult {
        var kept: [Finding] = []
        for finding in result.findings {
            let key = Key(finding, in: result.note)
            if let count = counts[key], count > 0 {
                counts[key] = count - 1
            } else {
                kept.append(finding)
            }
        }
        return NoteResult(note: result.note, findings: kept)
    }

    /// Adds every finding of `result`.
    mutating func record(_ result: NoteResult) {
        for finding in result.findings { counts[Key(finding, in: result.note), default: 0] += 1 }
    }

    /// The baseline as JSON, sorted, one finding per line.
    var json: String {
        let entries = counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { key, count in
            JSONText.object([
                ("file", JSONText.quoted(key.file)), ("note", JSONText.quoted(key.note)),
                ("rule", JSONText.quoted(key.rule)),
                ("message", JSONText.quoted(key.message)), ("count", String(count)),
            ])
        }
        return "{\"version\": 1,\n\"findings\": ["
            + (entries.isEmpty ? "" : "\n" + entries.joined(separator: ",\n") + "\n") + "]}\n"
    }
}
