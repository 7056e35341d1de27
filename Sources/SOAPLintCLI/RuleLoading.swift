import Foundation
import SOAPLintEngine

/// Finds and loads the configuration and the rule set for `lint` and `test-rules`.
enum RuleLoading {
    /// The configuration: `--config FILE`, else the nearest `.soaplint.yml` from the working
    /// directory upward, else the defaults. Errors are `file:line:column: message` lines.
    static func configuration(explicit: String?, environment: CommandEnvironment) -> Result<Configuration, LoadFailure>
    {
        let path: String
        if let explicit {
            path = environment.absolute(explicit)
            guard FileManager.default.fileExists(atPath: path) else {
                return .failure(LoadFailure(["\(explicit): no such configuration file"]))
            }
        } else {
            var directory = URL(fileURLWithPath: environment.workingDirectory)
            var found: String?
            while true {
                let candidate = directory.appendingPathComponent(".soaplint.yml").path
                if FileManager.default.fileExists(atPath: candidate) {
                    found = candidate
                    break
                }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
            guard let found else { return .success(Configuration()) }
            path = found
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(LoadFailure(["\(path): cannot read the file"]))
        }
        do throws(RuleLoadError) {
            return .success(try Configuration.load(yaml: String(decoding: data, as: UTF8.self), file: path))
        } catch {
            return .failure(LoadFailure([error.description]))
        }
    }

    /// Where compiled pattern databases are cached: `$SOAPLINT_CACHE_DIR`, else
    /// `$XDG_CACHE_HOME/soaplint`, else `~/.cache/soaplint`; nil when none can be named.
    static func cacheDirectory(environment: CommandEnvironment) -> String? {
        let variables = environment.variables
        if let directory = variables["SOAPLINT_CACHE_DIR"], !directory.isEmpty { return directory }
        if let directory = variables["XDG_CACHE_HOME"], !directory.isEmpty { return directory + "/soaplint" }
        if let home = variables["HOME"], !home.isEmpty { return home + "/.cache/soaplint" }
        return nil
    }

    /// The rule set of the built-in folder, the configuration's folders and `extra` folders.
    static func ruleSet(
        builtIn: String, configuration: Configuration, extra: [String], environment: CommandEnvironment
    ) -> Result<RuleSet, LoadFailure> {
        var directories = [builtIn]
        for directory in configuration.ruleDirectories + extra.map(environment.absolute)
        where !directories.contains(directory) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                return .failure(LoadFailure(["\(directory): no such rule folder"]))
            }
            directories.append(directory)
        }
        switch RuleSet.load(directories: directories, cacheDirectory: cacheDirectory(environment: environment)) {
        case .success(let ruleSet):
            return .success(ruleSet)
        case .failure(let errors):
            return .failure(LoadFailure(errors.errors.map(\.description)))
        }
    }
}

/// Messages (`file:line:column: message`) explaining why configuration or rules did not load.
struct LoadFailure: Error {
    var messages: [String]

    init(_ messages: [String]) { self.messages = messages }
}
