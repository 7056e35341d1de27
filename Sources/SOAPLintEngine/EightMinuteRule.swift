/// Timed-unit arithmetic of the 8-minute rule.
///
/// A unit is 15 minutes; 8 minutes or more of remaining time earns one more unit. So 8-22
/// minutes is 1 unit, 23-37 is 2, 38-52 is 3, and under 8 minutes is none.
public enum EightMinuteRule {
    /// Units earned by `minutes` of timed treatment.
    public static func units(forMinutes minutes: Int) -> Int {
        minutes < 8 ? 0 : (minutes + 7) / 15
    }

    /// Units per service line under the CMS total-time method: the total timed minutes decide
    /// the total units; each line first gets its full 15-minute units, and the remaining units go
    /// to the lines with the most minutes left over (then the most minutes overall).
    ///
    /// 33 min + 7 min → [2, 1]; 7 + 5 → [1, 0]; 24 + 23 → [2, 1].
    public static func totalTimeUnits(minutes: [Int]) -> [Int] {
        let total = units(forMinutes: minutes.reduce(0, +))
        var result = minutes.map { $0 / 15 }
        var remaining = total - result.reduce(0, +)
        let order = minutes.indices.sorted { lhs, rhs in
            (minutes[lhs] % 15, minutes[lhs], -lhs) > (minutes[rhs] % 15, minutes[rhs], -rhs)
        }
        var position = 0
        while remaining > 0, !order.isEmpty {
            result[order[position % order.count]] += 1
            remaining -= 1
            position += 1
        }
        return result
    }

    /// Units per service line when each code's own minutes decide its units.
    public static func perCodeUnits(minutes: [Int]) -> [Int] {
        minutes.map(units(forMinutes:))
    }
}
