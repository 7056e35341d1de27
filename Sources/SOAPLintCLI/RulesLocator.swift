import Foundation

/// Finds the built-in `Rules/` folder.
///
/// In order: `$SOAPLINT_RULES_DIR`; `share/soaplint/Rules` beside an installed binary's `bin/`;
/// the nearest `Rules/` holding `sections.yml` in a folder above the executable (a build inside
/// the repository).
enum RulesLocator {
    /// The built-in rules folder, or nil when none can be found.
    static func builtInDirectory(environment: CommandEnvironment) -> String? {
        if let configured = environment.variables["SOAPLINT_RULES_DIR"], !configured.isEmpty {
            return environment.absolute(configured)
        }
        let executable = URL(fileURLWithPath: environment.executablePath).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        let installed = directory.deletingLastPathComponent().appendingPathComponent("share/soaplint/Rules")
        if isRulesDirectory(installed.path) { return installed.path }
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("Rules")
            if isRulesDirectory(candidate.path) { return candidate.path }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    private static func isRulesDirectory(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/sections.yml")
    }
}
